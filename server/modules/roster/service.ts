import { addDays, dutyDayBounds, eachDay, localToInstant, monthRange } from '@shared/domain/duty-day';
import { checkRoster } from '@shared/domain/roster-checks';
import type { RosterContext } from '@shared/domain/roster-types';
import { generateRotation } from '@shared/domain/rotation';
import { shiftTimes } from '@shared/domain/shift-templates';
import { staffingFor } from '@shared/domain/staffing';
import type {
  EditReasonBody,
  GenerateBody,
  NewShiftBody,
  RosterCheck,
  RosterMonth,
  RosterView,
  Shift,
  UpdateShiftBody,
} from '@shared/schemas/roster';
import type { DbOrTrx } from '../../db/database';
import { DutyError, notFound } from '../../errors';
import type { Tx } from '../../events/command';
import { nowStored, toStored } from '../../time';
import { guardPublishedEdit } from './published-edits';
import * as repo from './repo';
import { assertRosterable, peopleById, rosterContext } from './rules';

/** Conflicts (rest, consecutive hours) look this far beyond the range asked about. */
const MARGIN_DAYS = 3;

export async function checkRange(
  db: DbOrTrx,
  zone: string,
  from: string,
  to: string,
  asOf?: Date,
): Promise<RosterCheck> {
  const [ctx, shifts, people] = await Promise.all([
    rosterContext(db, zone, from, to, asOf),
    repo.shiftsOnDays(db, addDays(from, -MARGIN_DAYS), addDays(to, MARGIN_DAYS)),
    peopleById(db),
  ]);
  return checkRoster({ from, to, shifts: shifts.map(repo.toRosterShift), people: [...people.values()], ctx });
}

export async function rosterView(
  db: DbOrTrx,
  zone: string,
  from: string,
  to: string,
  asOf?: Date,
): Promise<RosterView> {
  const ctx = await rosterContext(db, zone, from, to, asOf);
  const [shifts, months, check] = await Promise.all([
    repo.shiftsOnDays(db, from, to),
    repo.monthsBetween(db, from.slice(0, 7), to.slice(0, 7)),
    checkRange(db, zone, from, to, asOf),
  ]);
  const days = eachDay(from, to).map((dutyDate) => {
    const bounds = dutyDayBounds(dutyDate, zone, ctx.settings.handoverTime);
    const staffing = staffingFor(dutyDate, ctx);
    return {
      dutyDate,
      start: toStored(bounds.start),
      end: toStored(bounds.end),
      officersRequired: staffing.officers,
      leadersRequired: staffing.leaders,
      leaderOnSite: staffing.leaderOnSite,
      strengthened: staffing.strengthened,
      reasons: staffing.reasons,
    };
  });
  return { from, to, zone, days, shifts, periods: ctx.periods, months, check };
}

/**
 * Officers must check in; the timer is stored with the shift, not kept in memory. A shift written
 * after its check-in time had passed (a roster entered late) gets none: it cannot have been missed.
 */
function checkInDue(tx: Tx, ctx: RosterContext, role: Shift['role'], start: Date): string | null {
  const due = new Date(start.getTime() + ctx.settings.checkInAfterMinutes * 60_000);
  return role === 'officer' && due > tx.clock.now() ? toStored(due) : null;
}

function shiftRow(
  tx: Tx,
  ctx: RosterContext,
  s: Pick<Shift, 'userId' | 'role' | 'dutyDate' | 'kind'>,
): repo.ShiftInsert {
  const { startLocal, endLocal } = shiftTimes(s.dutyDate, s.kind, ctx.settings);
  const start = localToInstant(startLocal, ctx.zone);
  const now = nowStored(tx.clock);
  return {
    user_id: s.userId,
    role: s.role,
    duty_date: s.dutyDate,
    month: s.dutyDate.slice(0, 7),
    kind: s.kind,
    start_local: startLocal,
    end_local: endLocal,
    zone: ctx.zone,
    start_at: toStored(start),
    end_at: toStored(localToInstant(endLocal, ctx.zone)),
    check_in_at: null,
    check_out_at: null,
    check_in_due_at: checkInDue(tx, ctx, s.role, start),
    missed_raised_at: null,
    created_at: now,
    updated_at: now,
  };
}

async function ensureMonths(tx: Tx, from: string, to: string): Promise<void> {
  const existing = new Set(
    (await repo.monthsBetween(tx.trx, from.slice(0, 7), to.slice(0, 7))).map((m) => m.month),
  );
  for (const day of eachDay(from, to)) {
    const month = day.slice(0, 7);
    if (existing.has(month)) continue;
    existing.add(month);
    await repo.saveMonth(tx.trx, {
      month,
      status: 'draft',
      publishedAt: null,
      publishedBy: null,
      overrideReason: null,
      changedSincePublishing: false,
      changedAt: null,
      changedBy: null,
    });
  }
}

export async function generateRoster(
  tx: Tx,
  zone: string,
  body: GenerateBody,
): Promise<{ created: number; replaced: number; kept: number }> {
  if (body.to < body.from) throw new DutyError('DUTY_ERR_VALIDATION', 'body.to is before body.from');
  if (addDays(body.from, 400) < body.to)
    throw new DutyError('DUTY_ERR_VALIDATION', 'a roster is generated for at most 400 days');
  const both = body.officers.filter((id) => body.leaders.includes(id));
  if (both.length > 0) {
    throw new DutyError(
      'DUTY_ERR_UNPROCESSABLE',
      `user ${both.join(', ')} is in both the officer and the leader list: one post a day each`,
    );
  }
  const people = await peopleById(tx.trx);
  for (const id of body.officers) assertRosterable(people.get(id), 'officer', id);
  for (const id of body.leaders) assertRosterable(people.get(id), 'leader', id);
  for (const id of body.backups ?? []) assertRosterable(people.get(id), 'backup', id);
  const ctx = await rosterContext(tx.trx, zone, body.from, body.to);
  let planned: ReturnType<typeof generateRotation>;
  try {
    planned = generateRotation({
      from: body.from,
      to: body.to,
      ctx,
      officers: body.officers,
      leaders: body.leaders,
      backups: body.backups,
    });
  } catch (err) {
    throw new DutyError('DUTY_ERR_UNPROCESSABLE', err instanceof Error ? err.message : String(err));
  }
  const guard = await guardPublishedEdit(tx, monthsOf(body.from, body.to), body, checker(tx, zone));
  const now = nowStored(tx.clock);
  const kept = (await repo.shiftsOnDays(tx.trx, body.from, body.to)).filter((s) => isHistory(s, now));
  const replaced = await repo.deleteReplaceableShifts(tx.trx, body.from, body.to, now);
  const toCreate = withoutKeptPosts(planned, kept);
  for (const s of toCreate) await repo.insertShift(tx.trx, shiftRow(tx, ctx, s));
  await ensureMonths(tx, body.from, body.to);
  const result = { created: toCreate.length, replaced, kept: kept.length };
  const publishedEdit = await guard.finish();
  const payload = { from: body.from, to: body.to, ...result, ...(publishedEdit ? { publishedEdit } : {}) };
  await tx.record({ type: 'roster.generated', subject: `roster:${body.from}`, payload });
  return result;
}

/** A shift somebody checked in to, or one that has begun, is history: it is neither edited nor replaced. */
export function isHistory(shift: Pick<Shift, 'checkInAt' | 'start'>, now: string): boolean {
  return shift.checkInAt !== null || shift.start <= now;
}

const overlapping = (a: Shift['kind'], b: Shift['kind']) => a === b || a === 'full' || b === 'full';

/**
 * The planned shifts minus the posts kept shifts already hold: each kept shift takes, for each kind
 * of shift it overlaps on its duty day and role, one planned shift (the same person's if planned).
 */
function withoutKeptPosts<P extends Pick<Shift, 'userId' | 'role' | 'dutyDate' | 'kind'>>(
  planned: P[],
  kept: Shift[],
): P[] {
  const left = [...planned];
  for (const k of kept) {
    const candidates = left.filter(
      (p) => p.dutyDate === k.dutyDate && p.role === k.role && overlapping(p.kind, k.kind),
    );
    for (const kind of new Set(candidates.map((p) => p.kind))) {
      const ofKind = candidates.filter((p) => p.kind === kind);
      const taken = ofKind.find((p) => p.userId === k.userId) ?? ofKind[0]!;
      left.splice(left.indexOf(taken), 1);
    }
  }
  return left;
}

function monthsOf(from: string, to: string): string[] {
  return [...new Set(eachDay(from, to).map((d) => d.slice(0, 7)))];
}

function assertNotHistory(tx: Tx, shift: Shift): void {
  if (isHistory(shift, nowStored(tx.clock))) {
    throw new DutyError(
      'DUTY_ERR_ALREADY_DONE',
      shift.checkInAt
        ? `shift ${shift.id} has been checked in to: it is history and cannot change`
        : `shift ${shift.id} began at ${shift.start}: it is history and cannot change`,
    );
  }
}

const checker = (tx: Tx, zone: string) => (from: string, to: string) =>
  checkRange(tx.trx, zone, from, to, tx.clock.now());

export async function createShift(tx: Tx, zone: string, body: NewShiftBody): Promise<Shift> {
  const { reason, override, ...fields } = body;
  assertRosterable((await peopleById(tx.trx)).get(fields.userId), fields.role, fields.userId);
  const guard = await guardPublishedEdit(
    tx,
    [fields.dutyDate.slice(0, 7)],
    { reason, override },
    checker(tx, zone),
  );
  const ctx = await rosterContext(tx.trx, zone, fields.dutyDate, fields.dutyDate);
  const id = await repo.insertShift(tx.trx, shiftRow(tx, ctx, fields));
  await ensureMonths(tx, fields.dutyDate, fields.dutyDate);
  const shift = (await repo.findShift(tx.trx, id))!;
  const publishedEdit = await guard.finish();
  await tx.record({
    type: 'roster.shift_created',
    subject: `shift:${id}`,
    payload: { shift, ...(publishedEdit ? { publishedEdit } : {}) },
  });
  return shift;
}

export async function updateShift(tx: Tx, zone: string, id: number, body: UpdateShiftBody): Promise<Shift> {
  const before = (await repo.findShift(tx.trx, id)) ?? notFound(`shift ${id}`);
  assertNotHistory(tx, before);
  const { reason, override, ...fields } = body;
  if (Object.keys(fields).length === 0)
    throw new DutyError(
      'DUTY_ERR_VALIDATION',
      'body must change at least one of userId, role, dutyDate or kind',
    );
  const next = { ...before, ...fields };
  assertRosterable((await peopleById(tx.trx)).get(next.userId), next.role, next.userId);
  const guard = await guardPublishedEdit(
    tx,
    [before.dutyDate.slice(0, 7), next.dutyDate.slice(0, 7)],
    { reason, override },
    checker(tx, zone),
  );
  const ctx = await rosterContext(tx.trx, zone, next.dutyDate, next.dutyDate);
  const { created_at: _created, ...row } = shiftRow(tx, ctx, next);
  await repo.updateShiftRow(tx.trx, id, row);
  await ensureMonths(tx, next.dutyDate, next.dutyDate);
  const shift = (await repo.findShift(tx.trx, id))!;
  const publishedEdit = await guard.finish();
  await tx.record({
    type: 'roster.shift_updated',
    subject: `shift:${id}`,
    payload: { shift, before, ...(publishedEdit ? { publishedEdit } : {}) },
  });
  return shift;
}

export async function deleteShift(
  tx: Tx,
  zone: string,
  id: number,
  body: EditReasonBody = {},
): Promise<Shift> {
  const shift = (await repo.findShift(tx.trx, id)) ?? notFound(`shift ${id}`);
  assertNotHistory(tx, shift);
  const guard = await guardPublishedEdit(tx, [shift.dutyDate.slice(0, 7)], body, checker(tx, zone));
  await repo.deleteShiftRow(tx.trx, id);
  const publishedEdit = await guard.finish();
  await tx.record({
    type: 'roster.shift_deleted',
    subject: `shift:${id}`,
    payload: { shift, ...(publishedEdit ? { publishedEdit } : {}) },
  });
  return shift;
}

/** Publishing is refused while any check fails, unless an administrator gives a reason. */
export async function publishMonth(
  tx: Tx,
  zone: string,
  month: string,
  overrideReason?: string,
): Promise<RosterMonth> {
  const { from, to } = monthRange(month);
  const check = await checkRange(tx.trx, zone, from, to, tx.clock.now());
  const problems =
    check.gaps.length + check.understaffed.length + check.conflicts.length + check.unqualified.length;
  if (!check.ok && !overrideReason) {
    throw new DutyError(
      'DUTY_ERR_ROSTER_CHECKS_FAILED',
      `the roster of ${month} has ${problems} problem(s): gaps, understaffed shifts, conflicts or unqualified people; fix them or override with a reason`,
      {},
      { check },
    );
  }
  const published: RosterMonth = {
    month,
    status: 'published',
    publishedAt: nowStored(tx.clock),
    publishedBy: tx.actor,
    overrideReason: check.ok ? null : (overrideReason ?? null),
    changedSincePublishing: false,
    changedAt: null,
    changedBy: null,
  };
  await repo.saveMonth(tx.trx, published);
  await tx.record({
    type: 'roster.published',
    subject: `roster:${month}`,
    payload: { month: published, override: !check.ok, problems },
  });
  return published;
}

// The roster's front door for other modules: reads of shifts and months (as API types, never rows),
// the rules a shift's holder must meet, the duty-hours report, and the named writes on a shift.
export { type HoursRow, hoursCsv, hoursReport } from './exports';
export {
  findShift,
  monthsBetween,
  nextShiftsAfter,
  shiftsOfUser,
  shiftsOnDays,
  shiftsOverlapping,
  toRosterShift,
} from './repo';
export { assertRosterable, peopleById, rosterContext } from './rules';
export {
  claimMissedCheckIn,
  dueLeaderCheckIns,
  dueMissedCheckIns,
  markCheckedIn,
  markCheckedOut,
  reassignShift,
} from './shift-marks';
