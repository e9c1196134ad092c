import type { UnitCheck, UnitPostDuty } from '@shared/schemas/posts';
import type { Insertable, Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import type { UnitChecksTable } from './table';

type CheckRow = Selectable<UnitChecksTable>;

/** As a district spot-check: answered beats missed, so one answered after its limit is late. */
export function statusOf(
  row: Pick<CheckRow, 'answered_at' | 'due_at' | 'missed_raised_at'>,
): UnitCheck['status'] {
  if (row.answered_at !== null)
    return Date.parse(row.answered_at) <= Date.parse(row.due_at) ? 'answered' : 'late';
  return row.missed_raised_at !== null ? 'missed' : 'open';
}

export function toCheck(row: CheckRow): UnitCheck {
  return {
    id: Number(row.id),
    unitId: Number(row.unit_id),
    unitName: row.unit_name,
    rollCallId: row.roll_call_id === null ? null : Number(row.roll_call_id),
    note: row.note,
    issuedBy: row.issued_by,
    issuedAt: row.issued_at,
    dueAt: row.due_at,
    answeredAt: row.answered_at,
    answeredBy: row.answered_by,
    status: statusOf(row),
  };
}

export async function insertCheck(db: DbOrTrx, row: Insertable<UnitChecksTable>): Promise<UnitCheck> {
  return toCheck(await db.insertInto('unit_checks').values(row).returningAll().executeTakeFirstOrThrow());
}

export async function findCheckRow(db: DbOrTrx, id: number): Promise<CheckRow | undefined> {
  return db.selectFrom('unit_checks').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Claims the answer: of two racing answers only one updates the row. */
export async function markAnswered(db: DbOrTrx, id: number, at: string, by: string): Promise<boolean> {
  const r = await db
    .updateTable('unit_checks')
    .set({ answered_at: at, answered_by: by })
    .where('id', '=', id)
    .where('answered_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Claims the missed alert: marked once, whoever scans first. */
export async function markMissed(db: DbOrTrx, id: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('unit_checks')
    .set({ missed_raised_at: at })
    .where('id', '=', id)
    .where('answered_at', 'is', null)
    .where('missed_raised_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Unanswered past the limit (strictly: an answer at dueAt is on time), not yet raised. */
export async function overdueUnraised(db: DbOrTrx, now: string, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('unit_checks')
    .select('id')
    .where('answered_at', 'is', null)
    .where('missed_raised_at', 'is', null)
    .where('due_at', '<', now)
    .orderBy('due_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => Number(r.id));
}

export async function checksOfRollCall(db: DbOrTrx, rollCallId: number): Promise<UnitCheck[]> {
  const rows = await db
    .selectFrom('unit_checks')
    .selectAll()
    .where('roll_call_id', '=', rollCallId)
    .orderBy('id')
    .execute();
  return rows.map(toCheck);
}

/** The latest check of each of these units. */
export async function lastChecks(db: DbOrTrx, unitIds: number[]): Promise<Map<number, UnitCheck>> {
  const out = new Map<number, UnitCheck>();
  if (unitIds.length === 0) return out;
  const latest = db
    .selectFrom('unit_checks')
    .select((eb) => ['unit_id', eb.fn.max('id').as('id')])
    .where('unit_id', 'in', unitIds)
    .groupBy('unit_id')
    .as('latest');
  const rows = await db
    .selectFrom('unit_checks')
    .innerJoin(latest, 'latest.id', 'unit_checks.id')
    .selectAll('unit_checks')
    .execute();
  for (const row of rows) out.set(Number(row.unit_id), toCheck(row));
  return out;
}

/** Unanswered checks of one unit since `since`, soonest deadline first (the unit's "请回复"). */
export async function unansweredOf(db: DbOrTrx, unitId: number, since: string): Promise<UnitCheck[]> {
  const rows = await db
    .selectFrom('unit_checks')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('answered_at', 'is', null)
    .where('issued_at', '>=', since)
    .orderBy('due_at')
    .orderBy('id')
    .limit(50)
    .execute();
  return rows.map(toCheck);
}

const postColumns = [
  'unit_posts.unit_id',
  'units.name as unit_name',
  'unit_posts.duty_date',
  'unit_posts.user_id',
  'users.username',
  'users.display_name',
  'unit_posts.phone',
  'unit_posts.assigned_by',
  'unit_posts.assigned_at',
  'unit_posts.checked_in_at',
] as const;

type PostRow = {
  unit_id: number;
  unit_name: string;
  duty_date: string;
  user_id: number;
  username: string;
  display_name: string;
  phone: string;
  assigned_by: string;
  assigned_at: string;
  checked_in_at: string | null;
};

function toPost(r: PostRow): UnitPostDuty {
  return {
    unitId: Number(r.unit_id),
    unitName: r.unit_name,
    dutyDate: r.duty_date,
    userId: Number(r.user_id),
    userName: r.username,
    displayName: r.display_name,
    phone: r.phone,
    assignedBy: r.assigned_by,
    assignedAt: r.assigned_at,
    checkedInAt: r.checked_in_at,
  };
}

export async function postsOn(
  db: DbOrTrx,
  dutyDate: string,
  unitIds: number[],
): Promise<Map<number, UnitPostDuty>> {
  const out = new Map<number, UnitPostDuty>();
  if (unitIds.length === 0) return out;
  const rows = await db
    .selectFrom('unit_posts')
    .innerJoin('units', 'units.id', 'unit_posts.unit_id')
    .innerJoin('users', 'users.id', 'unit_posts.user_id')
    .select(postColumns)
    .where('unit_posts.duty_date', '=', dutyDate)
    .where('unit_posts.unit_id', 'in', unitIds)
    .execute();
  for (const r of rows) out.set(Number(r.unit_id), toPost(r as PostRow));
  return out;
}

export async function findPost(
  db: DbOrTrx,
  unitId: number,
  dutyDate: string,
): Promise<UnitPostDuty | undefined> {
  return (await postsOn(db, dutyDate, [unitId])).get(unitId);
}
