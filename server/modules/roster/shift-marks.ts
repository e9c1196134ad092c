import type { Shift } from '@shared/schemas/roster';
import type { DbOrTrx } from '../../db/database';
import { findShift, updateShiftRow } from './repo';

/**
 * What other modules write on a shift, each through a named function: attendance marks check-in,
 * check-out and the missed alarm, a swap moves the post. Each returns the shift as it now stands.
 */
export async function markCheckedIn(db: DbOrTrx, id: number, at: string, late: boolean): Promise<Shift> {
  await updateShiftRow(db, id, { check_in_at: at, check_in_late: late ? 1 : 0, updated_at: at });
  return (await findShift(db, id))!;
}

export async function markCheckedOut(db: DbOrTrx, id: number, at: string): Promise<Shift> {
  await updateShiftRow(db, id, { check_out_at: at, updated_at: at });
  return (await findShift(db, id))!;
}

/** An approved swap: the shift passes to `userId`. */
export async function reassignShift(db: DbOrTrx, id: number, userId: number, at: string): Promise<Shift> {
  await updateShiftRow(db, id, { user_id: userId, updated_at: at });
  return (await findShift(db, id))!;
}

/** Published officer shifts whose check-in time passed with no check-in and no alarm yet, oldest first. */
export async function dueMissedCheckIns(db: DbOrTrx, now: string, limit: number): Promise<number[]> {
  const due = await db
    .selectFrom('roster_shifts')
    .innerJoin('roster_months', 'roster_months.month', 'roster_shifts.month')
    .select('roster_shifts.id')
    .where('roster_months.status', '=', 'published')
    .where('roster_shifts.check_in_due_at', '<', now)
    .where('roster_shifts.check_in_at', 'is', null)
    .where('roster_shifts.missed_raised_at', 'is', null)
    .orderBy('roster_shifts.check_in_due_at')
    .limit(limit)
    .execute();
  return due.map((r) => Number(r.id));
}

/**
 * Published leader shifts under way at `now` that began before `startedBefore` with no check-in and
 * no alarm yet: candidates for a missed post when the duty day wants the leader in the room.
 */
export async function dueLeaderCheckIns(
  db: DbOrTrx,
  now: string,
  startedBefore: string,
  limit: number,
): Promise<{ id: number; dutyDate: string }[]> {
  const due = await db
    .selectFrom('roster_shifts')
    .innerJoin('roster_months', 'roster_months.month', 'roster_shifts.month')
    .select(['roster_shifts.id', 'roster_shifts.duty_date'])
    .where('roster_months.status', '=', 'published')
    .where('roster_shifts.role', '=', 'leader')
    .where('roster_shifts.start_at', '<', startedBefore)
    .where('roster_shifts.end_at', '>', now)
    .where('roster_shifts.check_in_at', 'is', null)
    .where('roster_shifts.missed_raised_at', 'is', null)
    .orderBy('roster_shifts.start_at')
    .limit(limit)
    .execute();
  return due.map((r) => ({ id: Number(r.id), dutyDate: r.duty_date }));
}

/** Claims the missed alarm of a shift still without check-in: the shift when this caller won it. */
export async function claimMissedCheckIn(db: DbOrTrx, id: number, now: string): Promise<Shift | undefined> {
  const claimed = await db
    .updateTable('roster_shifts')
    .set({ missed_raised_at: now })
    .where('id', '=', id)
    .where('missed_raised_at', 'is', null)
    .where('check_in_at', 'is', null)
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1 ? findShift(db, id) : undefined;
}
