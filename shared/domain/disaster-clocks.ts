import { DateTime } from 'luxon';
import type {
  DisasterClockValues,
  DisasterObligationKind,
  DisasterRecipient,
  DisasterReportKind,
  DisasterType,
  FilingKind,
} from './disasters';
import { addDays } from './duty-day';
import type { CalendarData } from './official-calendar';
import { addWorkingDays } from './work-days';

/**
 * The clocks of a natural disaster (DESIGN §2.6, PLAN-17), all counted from when it began, never
 * from receipt: 初报 to the city (and, when severe, to the province and the ministry), 续报 on a
 * change of the district's figures, the drought's 续报 every N days, the 24-hour zero report while
 * a major disaster is not stable (the district by 09:00, townships by 08:00), and 核报 in working
 * days of the official calendar after "stable". Pure: the server stores what this says.
 */

export interface DisasterClockInput {
  type: DisasterType;
  beganAt: string;
  /** The affected townships' unit ids. */
  townships: number[];
  /** When it first was severe (dead + missing ≥ the threshold, or the severe-loss flag); null: not severe. */
  severeSince: string | null;
  /** When it first was major (severe or flagged major); null: not major. */
  majorSince: string | null;
  /** Declared stable (drought: ended); null while developing. */
  stableAt: string | null;
  closedAt: string | null;
  /** Instants the district's sum of figures changed after the 初报 window. */
  figureChanges: string[];
  /** Reports sent upward; `ref` names the record (e.g. `report:7`). */
  reports: {
    kind: DisasterReportKind;
    recipient: DisasterRecipient;
    forDate: string | null;
    sentAt: string;
    ref?: string;
  }[];
  /** Township filings (daily, verified); `ref` names the record (e.g. `filing:3`). */
  filings: { unitId: number; kind: FilingKind; forDate: string | null; filedAt: string; ref?: string }[];
  now: string;
  zone: string;
}

export interface DisasterObligationDue {
  key: string;
  kind: DisasterObligationKind;
  /** The township that owes it; null: the district. */
  unitId: number | null;
  recipient: DisasterRecipient | null;
  dueAt: string;
  /** When it was met (the first report or filing that meets it); null while open. */
  doneAt: string | null;
  doneRef: string | null;
}

const iso = (dt: DateTime): string => dt.toUTC().toISO() as string;
const at = (s: string, zone: string): DateTime => DateTime.fromISO(s, { zone: 'utc' }).setZone(zone);
const ms = (s: string): number => Date.parse(s);

/** The instant of a local date and 'HH:mm' in the zone. */
function localAt(date: string, clock: string, zone: string): DateTime {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = clock.split(':').map(Number) as [number, number];
  return DateTime.fromObject({ year: y, month: m, day: d, hour: hh, minute: mm }, { zone });
}

/** 24:00 local of a date: the start of the next day. */
function endOfLocalDay(date: string, zone: string): DateTime {
  return localAt(addDays(date, 1), '00:00', zone);
}

/** A deadline as people read it: 'yyyy-MM-dd HH:mm' local, a midnight end as '24:00' of the day before. */
export function dueLocalText(dueAt: string, zone: string): string {
  const local = at(dueAt, zone);
  if (local.hour === 0 && local.minute === 0) return `${addDays(local.toFormat('yyyy-MM-dd'), -1)} 24:00`;
  return local.toFormat('yyyy-MM-dd HH:mm');
}

type Done = { doneAt: string | null; doneRef: string | null };
const NOT_DONE: Done = { doneAt: null, doneRef: null };

function firstOf<T extends { ref?: string }>(items: T[], when: (t: T) => string): Done {
  let best: T | undefined;
  for (const item of items) if (!best || ms(when(item)) < ms(when(best))) best = item;
  return best ? { doneAt: when(best), doneRef: best.ref ?? null } : NOT_DONE;
}

/** Every obligation the disaster owes as of `now` (daily ones enumerated up to now + 1 day). */
export function disasterObligations(
  input: DisasterClockInput,
  values: DisasterClockValues,
  calendar: CalendarData,
): DisasterObligationDue[] {
  const { zone } = input;
  const out: DisasterObligationDue[] = [];
  const began = at(input.beganAt, zone);
  const initialDue = began.plus({ hours: values.initialHours });
  const horizon = ms(input.now) + 86_400_000;
  const drought = input.type === 'drought';
  const sentAt = (r: { sentAt: string }) => r.sentAt;
  const filedAt = (f: { filedAt: string }) => f.filedAt;
  const push = (o: Omit<DisasterObligationDue, 'doneAt' | 'doneRef'>, done: Done) =>
    out.push({ ...o, ...done });

  // 初报: to the city; when severe, to the province and the ministry too.
  const initialTo = (recipient: DisasterRecipient) =>
    firstOf(
      input.reports.filter((r) => r.kind === 'initial' && r.recipient === recipient),
      sentAt,
    );
  push(
    { key: 'initial:city', kind: 'initial', unitId: null, recipient: 'city', dueAt: iso(initialDue) },
    initialTo('city'),
  );
  if (input.severeSince) {
    const severe = at(input.severeSince, zone);
    const due = severe <= initialDue ? initialDue : severe.plus({ hours: values.initialHours });
    for (const recipient of ['province', 'ministry'] as const)
      push(
        { key: `initial:${recipient}`, kind: 'initial', unitId: null, recipient, dueAt: iso(due) },
        initialTo(recipient),
      );
  }

  // The end of the process's running clocks: stable (drought: ended), or closed.
  const endAt = input.stableAt ?? input.closedAt;
  const end = endAt ? ms(endAt) : null;

  if (drought) {
    // 续报 every N days from when it began, same local clock time; met by a 续报 to the city after the previous one fell due.
    const followups = input.reports
      .filter((r) => (r.kind === 'followup' || r.kind === 'daily') && r.recipient === 'city')
      .sort((a, b) => ms(a.sentAt) - ms(b.sentAt));
    let used = 0;
    let windowStart = ms(input.beganAt);
    for (let n = 1; n <= 400; n++) {
      const due = began.plus({ days: n * values.droughtFollowupDays });
      if (end !== null && due.toMillis() > end) break;
      while (used < followups.length && ms((followups[used] as { sentAt: string }).sentAt) <= windowStart)
        used++;
      const report = followups[used];
      const done = report ? { doneAt: report.sentAt, doneRef: report.ref ?? null } : NOT_DONE;
      if (report) used++;
      push(
        { key: `periodic:${n}`, kind: 'periodic', unitId: null, recipient: 'city', dueAt: iso(due) },
        done,
      );
      windowStart = due.toMillis();
      if (due.toMillis() > horizon) break;
    }
  } else {
    // 续报 when the district's figures change (after the 初报 window).
    const followups = input.reports.filter(
      (r) => (r.kind === 'followup' || r.kind === 'daily') && r.recipient === 'city',
    );
    for (const change of [...new Set(input.figureChanges)].sort()) {
      if (ms(change) <= initialDue.toMillis()) continue;
      if (input.closedAt && ms(change) > ms(input.closedAt)) continue;
      const due = at(change, zone).plus({ hours: values.followupChangeHours });
      push(
        {
          key: `followup_change:${iso(at(change, zone))}`,
          kind: 'followup_change',
          unitId: null,
          recipient: 'city',
          dueAt: iso(due),
        },
        firstOf(
          followups.filter((r) => ms(r.sentAt) >= ms(change)),
          sentAt,
        ),
      );
    }

    // The 24-hour zero report while major and not stable: each local day after the day it began.
    if (input.majorSince) {
      const majorSince = ms(input.majorSince);
      const inWindow = (due: DateTime) =>
        due.toMillis() > majorSince && (end === null || due.toMillis() <= end) && due.toMillis() <= horizon;
      const firstDay = addDays(began.toFormat('yyyy-MM-dd'), 1);
      for (let day = firstDay, i = 0; i < 400; day = addDays(day, 1), i++) {
        const districtDue = localAt(day, values.dailyAt, zone);
        const townshipDue = localAt(day, values.townshipDailyAt, zone);
        const earliest = Math.min(districtDue.toMillis(), townshipDue.toMillis());
        if (earliest > horizon || (end !== null && earliest > end)) break;
        if (inWindow(districtDue))
          push(
            { key: `daily:${day}`, kind: 'daily', unitId: null, recipient: 'city', dueAt: iso(districtDue) },
            firstOf(
              input.reports.filter((r) => r.kind === 'daily' && r.forDate === day),
              sentAt,
            ),
          );
        if (inWindow(townshipDue))
          for (const unitId of input.townships)
            push(
              {
                key: `township_daily:${unitId}:${day}`,
                kind: 'township_daily',
                unitId,
                recipient: null,
                dueAt: iso(townshipDue),
              },
              firstOf(
                input.filings.filter((f) => f.unitId === unitId && f.kind === 'daily' && f.forDate === day),
                filedAt,
              ),
            );
      }
    }
  }

  // 核报: townships within N working days of "stable" (the stable day not counted), the district M more.
  if (input.stableAt) {
    const stableDate = at(input.stableAt, zone).toFormat('yyyy-MM-dd');
    const townshipDate = addWorkingDays(stableDate, values.townshipVerifyWorkingDays, calendar);
    const districtDate = addWorkingDays(townshipDate, values.districtVerifyWorkingDays, calendar);
    for (const unitId of input.townships)
      push(
        {
          key: `township_verify:${unitId}`,
          kind: 'township_verify',
          unitId,
          recipient: null,
          dueAt: iso(endOfLocalDay(townshipDate, zone)),
        },
        firstOf(
          input.filings.filter((f) => f.unitId === unitId && f.kind === 'verified'),
          filedAt,
        ),
      );
    push(
      {
        key: 'verify',
        kind: 'verify',
        unitId: null,
        recipient: 'city',
        dueAt: iso(endOfLocalDay(districtDate, zone)),
      },
      firstOf(
        input.reports.filter((r) => r.kind === 'verify' && r.recipient === 'city'),
        sentAt,
      ),
    );
  }
  return out;
}

/** On time: done at or before the deadline (exactly at it is on time); null while open. */
export function onTimeOf(dueAt: string, doneAt: string | null): boolean | null {
  return doneAt === null ? null : ms(doneAt) <= ms(dueAt);
}
