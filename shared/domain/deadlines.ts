import { DEFAULT_HOPS, parseDuration } from './deadline-policy';
import { addDays, localDateOf, localToInstant } from './duty-day';
import { classOf } from './grading';
import type {
  DeadlinePolicy,
  DeadlineRule,
  Grade,
  Obligation,
  ObligationInput,
  ReportRecord,
} from './incident-types';

const ms = (iso: string) => new Date(iso).getTime();
const iso = (at: number) => new Date(at).toISOString();

interface GradeInForce {
  at: number;
  grade: Grade | null;
  nearMiss: boolean;
}

function matches(rule: DeadlineRule, category: ObligationInput['category'], g: GradeInForce): boolean {
  const { applies, grades } = rule;
  if (applies !== '*' && applies !== category && applies !== classOf(category)) return false;
  if (grades === '*') return true;
  return grades.includes(g.grade ?? 'ungraded') || (g.nearMiss && grades.includes('near_miss'));
}

/** The strictest (shortest) `within` over the matching rules of a kind, or null when none match. */
function strictest(
  kind: DeadlineRule['kind'],
  category: ObligationInput['category'],
  g: GradeInForce,
  policy: DeadlinePolicy,
): number | null {
  const limits = policy.initial
    .filter((r) => r.kind === kind && matches(r, category, g))
    .map((r) => parseDuration(r.within));
  return limits.length > 0 ? Math.min(...limits) : null;
}

function met(kind: Obligation['kind'], key: string, due: number | null, report?: ReportRecord): Obligation {
  const doneAt = report ? ms(report.sentAt) : null;
  return {
    kind,
    key,
    dueAt: due === null ? null : iso(due),
    doneAt: doneAt === null ? null : iso(doneAt),
    reportNumber: report?.number ?? null,
    late: doneAt !== null && due !== null && doneAt > due,
  };
}

/** The instant of a local clock time on a local date; '24:00' is the next day's midnight. */
function clockOn(day: string, clock: string, zone: string): number {
  if (clock === '24:00') return localToInstant(`${addDays(day, 1)}T00:00`, zone).getTime();
  return localToInstant(`${day}T${clock}`, zone).getTime();
}

/** The end of the local calendar day of `at`: the next local midnight, as an instant. */
function endOfLocalDay(at: number, zone: string): number {
  return clockOn(localDateOf(new Date(at), zone), '24:00', zone);
}

/** The grade history as instants, oldest first; the first entry is in force from the start. */
function gradeHistory(input: ObligationInput): GradeInForce[] {
  const stored = (input.grades ?? []).map((g) => ({ at: ms(g.at), grade: g.grade, nearMiss: g.nearMiss }));
  const history = stored.length > 0 ? stored : [{ at: 0, grade: input.grade, nearMiss: input.nearMiss }];
  history.sort((a, b) => a.at - b.at);
  return history.map((g, i) => (i === 0 ? { ...g, at: Number.NEGATIVE_INFINITY } : g));
}

function gradeAt(history: GradeInForce[], at: number): GradeInForce {
  let current = history[0]!;
  for (const g of history) if (g.at <= at) current = g;
  return current;
}

/** 'HH:mm' of a number of minutes after local midnight, 1440 being '24:00'. */
function clockOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * The local clock times a day's 续报 are due by: the fixed times of the policy if it has them, else
 * the day split into N equal parts by the grade in force at the day's start (N = 2: 12:00, 24:00).
 */
function dueClocks(policy: DeadlinePolicy, g: GradeInForce): string[] {
  const grade: Grade = g.nearMiss ? 'IV' : (g.grade ?? 'IV');
  const fixedFor = policy.followupAtGrades ?? ['I', 'II', 'III', 'IV'];
  if (policy.followupAt && policy.followupAt.length > 0 && fixedFor.includes(grade))
    return [...policy.followupAt].sort();
  const n = Math.max(1, Math.floor(policy.followupPerDay[grade] ?? 1));
  return Array.from({ length: n }, (_, k) => clockOf(Math.round((1440 * (k + 1)) / n)));
}

/**
 * The 首报 obligations of one kind over the grade history. The grade at intake sets the deadline,
 * counted from the clock's origin. At each regrade an obligation already met, or already due (its
 * deadline reached), keeps the rule it was due under; one still running takes the new grade's rule
 * counted from the change — max(origin + within, min(old deadline, change + within)): a rise
 * tightens it but never before the new rule counted from the origin, a fall loosens it back to that;
 * a grade that does not owe the kind drops a running one, and a grade that owes it adds it from the
 * change (unless a report that meets it went before the change).
 */
function initialDue(
  kind: DeadlineRule['kind'],
  input: ObligationInput,
  policy: DeadlinePolicy,
  history: GradeInForce[],
  origin: number,
  meets: ReportRecord | undefined,
): number | null {
  let due: number | null = null;
  for (const [i, g] of history.entries()) {
    const within = strictest(kind, input.category, g, policy);
    if (i === 0) {
      due = within === null ? null : origin + within;
      continue;
    }
    if (meets && ms(meets.sentAt) <= g.at) break;
    if (due !== null && due <= g.at) break;
    due = within === null ? null : Math.max(origin + within, Math.min(due ?? Infinity, g.at + within));
  }
  return due;
}

/**
 * Every reporting obligation of an incident under `policy`, met or not, ordered by due time (the
 * 终报, with no due time, last). Instants come back as UTC ISO strings.
 *
 * - 首报: from receipt, or for natural disasters from occurrence (policy.disasterClockFrom), by the
 *   grade history (initialDue).
 * - 续报 while open (followup_daily): from the local day after the 首报's (that day counts as
 *   reported), each local day's due times (dueClocks); the one due at T is met by the first 续报 or
 *   终报 sent after the previous due time (at T exactly is on time; later is late). Stops at the 终报
 *   or the close; one unmet due time is listed, the next ones follow once it is met. Keyed by the
 *   local day and clock, e.g. 'followup_daily:2026-03-06T24:00'.
 * - 补报 (followup_change): a figure change within the calendar-day window "自事故发生之日起 N 日内"
 *   (the accident's day not counted; the window ends 24:00 local of the Nth day, a change at that
 *   midnight is outside it) and every regrade make a 续报 due by 24:00 of the local day of the change.
 */
export function computeObligations(input: ObligationInput, policy: DeadlinePolicy): Obligation[] {
  const reports = [...input.reports].sort((a, b) => ms(a.sentAt) - ms(b.sentAt) || a.number - b.number);
  const fromOccurrence =
    classOf(input.category) === 'natural_disaster' && (policy.disasterClockFrom ?? 'occurred') === 'occurred';
  const origin = ms(fromOccurrence ? input.occurredAt : input.receivedAt);
  const history = gradeHistory(input);
  const initials = reports.filter((r) => r.kind === 'initial');
  const updates = reports.filter((r) => r.kind === 'followup' || r.kind === 'final');
  const finalReport = reports.find((r) => r.kind === 'final');
  const out: Obligation[] = [];

  // A written 首报 sent in time also tells the superior by the quickest route, so any channel counts.
  const phoneBy = initials[0];
  const phone = initialDue('initial_phone', input, policy, history, origin, phoneBy);
  if (phone !== null) out.push(met('initial_phone', 'initial_phone', phone, phoneBy));
  const writtenBy = initials.find((r) => r.channel === 'written' || r.channel === 'system');
  const written = initialDue('initial_written', input, policy, history, origin, writtenBy);
  if (written !== null) out.push(met('initial_written', 'initial_written', written, writtenBy));

  if (initials[0]) {
    const stop = Math.min(
      finalReport ? ms(finalReport.sentAt) : Infinity,
      input.closedAt ? ms(input.closedAt) : Infinity,
    );
    const firstDay = localDateOf(new Date(ms(initials[0].sentAt)), input.zone);
    // The 首报's day counts: the first part opens after that day's last due time.
    const firstClocks = dueClocks(policy, gradeAt(history, ms(initials[0].sentAt)));
    let partStart = clockOn(firstDay, firstClocks[firstClocks.length - 1]!, input.zone);
    let open = true;
    for (let day = addDays(firstDay, 1); open; day = addDays(day, 1)) {
      for (const clock of dueClocks(policy, gradeAt(history, clockOn(day, '00:00', input.zone)))) {
        if (partStart >= stop) {
          open = false;
          break;
        }
        const due = clockOn(day, clock, input.zone);
        const after = partStart;
        const report = updates.find((r) => ms(r.sentAt) > after);
        out.push(met('followup_daily', `followup_daily:${day}T${clock}`, due, report));
        if (!report) {
          open = false;
          break;
        }
        partStart = due;
      }
    }
  }

  const days = policy.changeWindowDays[input.category] ?? policy.changeWindowDays.default;
  // The accident's day is not counted: day 1 is the next local day, the window ends 24:00 of day N.
  const occurredDay = localDateOf(new Date(ms(input.occurredAt)), input.zone);
  const windowEnd = clockOn(addDays(occurredDay, days), '24:00', input.zone);
  const figureChanges = input.figureChanges.map((c) => ms(c)).filter((c) => c < windowEnd);
  const regrades = history.slice(1).map((g) => g.at);
  const changes = [...new Set([...figureChanges, ...regrades])].sort((a, b) => a - b);
  for (const change of changes) {
    const report = updates.find((r) => ms(r.sentAt) >= change);
    out.push(
      met('followup_change', `followup_change:${iso(change)}`, endOfLocalDay(change, input.zone), report),
    );
  }

  // Each hop upward: due from the receipt at the lower unit, met when the upper unit takes it.
  for (const h of input.hops ?? []) {
    const due = ms(h.receivedAt) + parseDuration((policy.hops ?? DEFAULT_HOPS)[h.hop]);
    const doneAt = h.takenAt === null ? null : ms(h.takenAt);
    out.push({
      kind: 'hop',
      key: `hop:${h.hop}`,
      dueAt: iso(due),
      doneAt: doneAt === null ? null : iso(doneAt),
      reportNumber: null,
      late: doneAt !== null && doneAt > due,
    });
  }

  out.push(met('final', 'final', null, finalReport));
  return out.sort((a, b) => (a.dueAt === null ? 1 : 0) - (b.dueAt === null ? 1 : 0) || order(a) - order(b));
}

function order(o: Obligation): number {
  return o.dueAt === null ? 0 : ms(o.dueAt);
}

/** The earliest unmet obligation that has a due time, overdue or not; null when nothing is pending. */
export function nextDeadline(obligations: Obligation[], _now: Date): Obligation | null {
  let next: Obligation | null = null;
  for (const o of obligations) {
    if (o.doneAt !== null || o.dueAt === null) continue;
    if (!next || ms(o.dueAt) < ms(next.dueAt!)) next = o;
  }
  return next;
}

/** Unmet and strictly past its due time: at the due time itself it is not yet overdue. */
export function isOverdue(o: Obligation, now: Date): boolean {
  return o.doneAt === null && o.dueAt !== null && now.getTime() > ms(o.dueAt);
}
