import type { RosterShift } from '@shared/domain/roster-types';
import type { Period, RosterMonth, Shift } from '@shared/schemas/roster';
import type { Selectable, Updateable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import type { DutyPeriodsTable, RosterMonthsTable, RosterShiftsTable } from './table';

type ShiftRow = Selectable<RosterShiftsTable> & { display_name: string; phone: string };

export function toShift(row: ShiftRow): Shift {
  return {
    id: Number(row.id),
    userId: Number(row.user_id),
    userName: row.display_name,
    phone: row.phone,
    role: row.role,
    dutyDate: row.duty_date,
    kind: row.kind,
    startLocal: row.start_local,
    endLocal: row.end_local,
    zone: row.zone,
    start: row.start_at,
    end: row.end_at,
    checkInAt: row.check_in_at,
    checkInLate: row.check_in_late === 1,
    checkOutAt: row.check_out_at,
    missed: row.missed_raised_at !== null && row.check_in_at === null,
  };
}

/** The domain's view of a shift (no names, no attendance). */
export function toRosterShift(shift: Shift): RosterShift {
  const { id, userId, role, dutyDate, kind, startLocal, endLocal, zone } = shift;
  return { id, userId, role, dutyDate, kind, startLocal, endLocal, zone };
}

function shiftsQuery(db: DbOrTrx) {
  return db
    .selectFrom('roster_shifts')
    .innerJoin('users', 'users.id', 'roster_shifts.user_id')
    .selectAll('roster_shifts')
    .select(['users.display_name', 'users.phone']);
}

export async function shiftsOnDays(db: DbOrTrx, from: string, to: string): Promise<Shift[]> {
  const rows = await shiftsQuery(db)
    .where('roster_shifts.duty_date', '>=', from)
    .where('roster_shifts.duty_date', '<=', to)
    .orderBy('roster_shifts.start_at')
    .orderBy('roster_shifts.id')
    .execute();
  return rows.map(toShift);
}

/** Shifts that overlap [start, end): start_at < end and end_at > start. */
export async function shiftsOverlapping(db: DbOrTrx, start: string, end: string): Promise<Shift[]> {
  const rows = await shiftsQuery(db)
    .where('roster_shifts.start_at', '<', end)
    .where('roster_shifts.end_at', '>', start)
    .orderBy('roster_shifts.start_at')
    .orderBy('roster_shifts.id')
    .execute();
  return rows.map(toShift);
}

export async function shiftsOfUser(
  db: DbOrTrx,
  userId: number,
  start: string,
  end: string,
): Promise<Shift[]> {
  const rows = await shiftsQuery(db)
    .where('roster_shifts.user_id', '=', userId)
    .where('roster_shifts.start_at', '<', end)
    .where('roster_shifts.end_at', '>', start)
    .orderBy('roster_shifts.start_at')
    .execute();
  return rows.map(toShift);
}

/** The first shifts starting after an instant. */
export async function nextShiftsAfter(db: DbOrTrx, at: string): Promise<Shift[]> {
  const first = await db
    .selectFrom('roster_shifts')
    .select('start_at')
    .where('start_at', '>', at)
    .orderBy('start_at')
    .limit(1)
    .executeTakeFirst();
  if (!first) return [];
  const rows = await shiftsQuery(db)
    .where('roster_shifts.start_at', '=', first.start_at)
    .orderBy('roster_shifts.id')
    .execute();
  return rows.map(toShift);
}

export async function findShift(db: DbOrTrx, id: number): Promise<Shift | undefined> {
  const row = await shiftsQuery(db).where('roster_shifts.id', '=', id).executeTakeFirst();
  return row ? toShift(row) : undefined;
}

export type ShiftInsert = Omit<Selectable<RosterShiftsTable>, 'id' | 'check_in_late'>;

export async function insertShift(db: DbOrTrx, row: ShiftInsert): Promise<number> {
  const inserted = await db.insertInto('roster_shifts').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

export async function updateShiftRow(
  db: DbOrTrx,
  id: number,
  patch: Updateable<RosterShiftsTable>,
): Promise<void> {
  await db.updateTable('roster_shifts').set(patch).where('id', '=', id).execute();
}

export async function deleteShiftRow(db: DbOrTrx, id: number): Promise<void> {
  await db.deleteFrom('roster_shifts').where('id', '=', id).execute();
}

/**
 * Shifts in the range nobody has checked in to and that have not begun by `now`: the ones a
 * regeneration may replace. The others are history and keep their post.
 */
export async function deleteReplaceableShifts(
  db: DbOrTrx,
  from: string,
  to: string,
  now: string,
): Promise<number> {
  const result = await db
    .deleteFrom('roster_shifts')
    .where('duty_date', '>=', from)
    .where('duty_date', '<=', to)
    .where('check_in_at', 'is', null)
    .where('start_at', '>', now)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

function toPeriod(row: Selectable<DutyPeriodsTable>): Period {
  return {
    id: Number(row.id),
    kind: row.kind,
    name: row.name,
    fromDate: row.from_date,
    toDate: row.to_date,
    officers: row.officers,
    leaders: row.leaders,
    leaderOnSite: row.leader_on_site === 1,
  };
}

/** Periods that touch [from, to] (local dates, inclusive). */
export async function periodsTouching(db: DbOrTrx, from: string, to: string): Promise<Period[]> {
  const rows = await db
    .selectFrom('duty_periods')
    .selectAll()
    .where('from_date', '<=', to)
    .where('to_date', '>=', from)
    .orderBy('from_date')
    .execute();
  return rows.map(toPeriod);
}

export async function insertPeriod(
  db: DbOrTrx,
  row: Omit<Selectable<DutyPeriodsTable>, 'id'>,
): Promise<Period> {
  return toPeriod(await db.insertInto('duty_periods').values(row).returningAll().executeTakeFirstOrThrow());
}

export async function deletePeriod(db: DbOrTrx, id: number): Promise<Period | undefined> {
  const row = await db.deleteFrom('duty_periods').where('id', '=', id).returningAll().executeTakeFirst();
  return row ? toPeriod(row) : undefined;
}

function toMonth(row: Selectable<RosterMonthsTable>): RosterMonth {
  return {
    month: row.month,
    status: row.status,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
    overrideReason: row.override_reason,
    changedSincePublishing: row.status === 'published' && row.changed_at !== null,
    changedAt: row.changed_at,
    changedBy: row.changed_by,
  };
}

export async function monthsBetween(db: DbOrTrx, from: string, to: string): Promise<RosterMonth[]> {
  const rows = await db
    .selectFrom('roster_months')
    .selectAll()
    .where('month', '>=', from)
    .where('month', '<=', to)
    .orderBy('month')
    .execute();
  return rows.map(toMonth);
}

export async function saveMonth(db: DbOrTrx, month: RosterMonth): Promise<void> {
  const row = {
    status: month.status,
    published_at: month.publishedAt,
    published_by: month.publishedBy,
    override_reason: month.overrideReason,
    changed_at: month.changedAt,
    changed_by: month.changedBy,
  };
  const exists = await db
    .selectFrom('roster_months')
    .select('month')
    .where('month', '=', month.month)
    .executeTakeFirst();
  if (exists) await db.updateTable('roster_months').set(row).where('month', '=', month.month).execute();
  else
    await db
      .insertInto('roster_months')
      .values({ month: month.month, ...row })
      .execute();
}
