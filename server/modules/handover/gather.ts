import { handoverAlarms } from '@shared/domain/handover-alarms';
import { type DraftIncident, draftHandover } from '@shared/domain/handover-draft';
import type { HandoverDraft } from '@shared/schemas/handover';
import type { Shift } from '@shared/schemas/roster';
import type { DbOrTrx } from '../../db/database';
import { DutyError } from '../../errors';
import { toStored } from '../../time';
import { handoverIncidents, handoverWork } from '../incidents/service';
import { draftLogEntries } from '../logbook/service';
import { backlog } from '../outbox/service';
import { nextShiftsAfter, shiftsOfUser, shiftsOverlapping } from '../roster/service';
import { getDutySettings } from '../settings/service';
import { listSpotChecks, openSpotChecks } from '../spotchecks/service';
import { listUsers } from '../users/service';
import { warningsDuring } from '../warnings/service';
import { findByShift, lastBefore, titlesRecorded } from './repo';
import { handoverWindow } from './window';

/** A handover is written at the end of a shift, or shortly after it: this long after, at most. */
const GRACE_MS = 6 * 3_600_000;
/**
 * A handover accounts for the whole shift: every log entry and incident of it, every incident open.
 * The cap only guards the server against a runaway table; a real shift stays far below it.
 */
const MAX_ROWS = 50_000;

export type ShiftBounds = Pick<Shift, 'dutyDate' | 'start' | 'end'>;
/** A shift to hand over, with its handover if it was already handed over (found while choosing it). */
export type HandoverShift = ShiftBounds & { existing: { id: number; status: string } | null };

/** The caller's officer shift to hand over: under way or just ended; the earliest not handed over yet. */
export async function handoverShift(db: DbOrTrx, userId: number, now: Date): Promise<HandoverShift> {
  const mine = (
    await shiftsOfUser(
      db,
      userId,
      toStored(new Date(now.getTime() - GRACE_MS)),
      toStored(new Date(now.getTime() + 1)),
    )
  ).filter((s) => s.role === 'officer' && Date.parse(s.start) <= now.getTime());
  if (mine.length === 0)
    throw new DutyError(
      'DUTY_ERR_NOT_ROSTERED',
      'you have no shift to hand over: the officer on duty (or just off duty) writes the handover',
    );
  let existing: HandoverShift['existing'] = null;
  for (const s of mine) {
    existing = (await findByShift(db, s.start, s.end)) ?? null;
    if (!existing) return { ...s, existing };
  }
  return { ...mine.at(-1)!, existing };
}

/**
 * The officers who take the post over at the end of a shift (any approved swap included): those on
 * duty at its end, as the duty board shows them, else those of the next shifts to start. Only the
 * shifts are read; what the duty day asks for (staffing, shortfall) is no part of it.
 */
export async function incomingOfficers(db: DbOrTrx, end: string): Promise<Shift[]> {
  const at = new Date(end);
  const officer = (s: Shift) => s.role === 'officer';
  const current = (await shiftsOverlapping(db, toStored(at), toStored(new Date(at.getTime() + 1)))).filter(
    officer,
  );
  return current.length ? current : (await nextShiftsAfter(db, toStored(at))).filter(officer);
}

/**
 * Reports sent and leader instructions given in the window, and the titles of the incidents they
 * are about as the event log recorded them then: needed only for incidents neither received in
 * the window nor open (received before it, closed since), whose events are read for it alone.
 */
async function incidentWork(
  db: DbOrTrx,
  shift: ShiftBounds,
  before: string,
  incidents: Promise<DraftIncident[]>,
) {
  // Nothing is sent after `now`: a draft of a past shift (the demo's) knows nothing later.
  const to = before < shift.end ? before : shift.end;
  const work = await handoverWork(db, { from: shift.start, to }, MAX_ROWS);
  const known = new Set((await incidents).map((i) => i.id));
  const others = new Set<number>();
  for (const r of work.reports) if (!known.has(r.incidentId)) others.add(r.incidentId);
  for (const a of work.instructions) if (!known.has(a.incidentId)) others.add(a.incidentId);
  const titles = others.size ? await titlesRecorded(db, shift.start, shift.end, [...others]) : {};
  return { ...work, titles };
}

export async function gatherDraft(
  db: DbOrTrx,
  zone: string,
  shift: ShiftBounds & Partial<Pick<HandoverShift, 'existing'>>,
  now: Date,
): Promise<HandoverDraft> {
  const at = toStored(now);
  const window = { from: shift.start, to: shift.end };
  // Open as of `now`: a draft of a past shift (the demo's) knows nothing received after it.
  const openBefore = toStored(new Date(now.getTime() + 1));
  const reading = handoverIncidents(db, window, openBefore, at, MAX_ROWS);
  const [onShift, incoming, spotChecks, incidents, work, log, last, existing, users, alarmsOf, warnings] =
    await Promise.all([
      shiftsOverlapping(db, shift.start, shift.end),
      incomingOfficers(db, shift.end),
      listSpotChecks(db, window),
      reading,
      incidentWork(db, shift, openBefore, reading),
      draftLogEntries(db, shift.start, shift.end, MAX_ROWS),
      lastBefore(db, shift.start),
      // Known when the shift was just chosen (handoverShift); read when not.
      shift.existing !== undefined ? shift.existing : findByShift(db, shift.start, shift.end),
      listUsers(db),
      alarmSources(db, now),
      warningsDuring(db, shift.start, shift.end),
    ]);
  const names = Object.fromEntries(users.map((u) => [u.username, u.displayName]));
  const alarms = handoverAlarms({
    zone,
    now: at,
    shifts: onShift,
    checkInAfterMinutes: alarmsOf.settings.checkInAfterMinutes,
    spotChecks: alarmsOf.spotChecks,
    incidents: incidents.filter((i) => i.stage !== 'closed' && i.receivedAt < openBefore),
    upstream: alarmsOf.upstream,
    names,
  });
  const draft = draftHandover({
    zone,
    now: at,
    shift: { dutyDate: shift.dutyDate, start: shift.start, end: shift.end },
    onShift,
    incoming,
    spotChecks,
    incidents,
    reports: work.reports,
    instructions: work.instructions,
    log,
    last: last ?? null,
    existing: existing ?? null,
    names,
    titles: work.titles,
    warnings,
  });
  return { ...draft, alarms, window: handoverWindow(shift.end, alarmsOf.settings.handoverWindowMinutes) };
}

/** What the other modules know of alarms still open now; they say it through their services. */
async function alarmSources(db: DbOrTrx, now: Date) {
  const [settings, spotChecks, queue] = await Promise.all([
    getDutySettings(db),
    openSpotChecks(db, now),
    backlog(db, now, []),
  ]);
  return { settings, spotChecks, upstream: queue.endpoints };
}
