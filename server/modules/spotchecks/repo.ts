import type { SpotCheck, SpotCheckQuery } from '@shared/schemas/spot-checks';
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import type { SpotChecksTable } from './table';

type SpotCheckRow = Selectable<SpotChecksTable>;

/** Status is derived, never stored: answered beats missed, so a missed check answered later is late. */
export function statusOf(
  row: Pick<SpotCheckRow, 'answered_at' | 'due_at' | 'missed_raised_at'>,
): SpotCheck['status'] {
  if (row.answered_at !== null)
    return Date.parse(row.answered_at) <= Date.parse(row.due_at) ? 'answered' : 'late';
  return row.missed_raised_at !== null ? 'missed' : 'open';
}

export function toSpotCheck(row: SpotCheckRow): SpotCheck {
  return {
    id: Number(row.id),
    source: row.source,
    caller: row.caller,
    note: row.note,
    issuedBy: row.issued_by,
    issuedAt: row.issued_at,
    dueAt: row.due_at,
    answeredAt: row.answered_at,
    answeredBy: row.answered_by,
    answerNote: row.answer_note,
    status: statusOf(row),
  };
}

export async function insertSpotCheck(db: DbOrTrx, row: Insertable<SpotChecksTable>): Promise<SpotCheck> {
  return toSpotCheck(await db.insertInto('spot_checks').values(row).returningAll().executeTakeFirstOrThrow());
}

export async function findSpotCheck(db: DbOrTrx, id: number): Promise<SpotCheck | undefined> {
  const row = await db.selectFrom('spot_checks').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toSpotCheck(row) : undefined;
}

/** Claims the answer: only one of two racing answers updates the row. */
export async function markAnswered(
  db: DbOrTrx,
  id: number,
  patch: Required<Pick<Updateable<SpotChecksTable>, 'answered_at' | 'answered_by' | 'answer_note'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('spot_checks')
    .set(patch)
    .where('id', '=', id)
    .where('answered_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Claims the missed alert: the row is marked once, whoever scans first. */
export async function markMissed(db: DbOrTrx, id: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('spot_checks')
    .set({ missed_raised_at: at })
    .where('id', '=', id)
    .where('answered_at', 'is', null)
    .where('missed_raised_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Unanswered checks whose limit has passed (strictly: an answer at dueAt is on time) and not yet raised. */
export async function overdueUnraised(db: DbOrTrx, now: string, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('spot_checks')
    .select('id')
    .where('answered_at', 'is', null)
    .where('missed_raised_at', 'is', null)
    .where('due_at', '<', now)
    .orderBy('due_at')
    .limit(limit)
    .execute();
  return rows.map((r) => Number(r.id));
}

export async function listSpotChecks(
  db: DbOrTrx,
  query: SpotCheckQuery,
  limit: number,
): Promise<SpotCheck[]> {
  let q = db.selectFrom('spot_checks').selectAll();
  if (query.from) q = q.where('issued_at', '>=', new Date(query.from).toISOString());
  if (query.to) q = q.where('issued_at', '<', new Date(query.to).toISOString());
  switch (query.status) {
    case 'open':
      q = q.where('answered_at', 'is', null).where('missed_raised_at', 'is', null);
      break;
    case 'missed':
      q = q.where('answered_at', 'is', null).where('missed_raised_at', 'is not', null);
      break;
    case 'answered':
      q = q.where('answered_at', 'is not', null).whereRef('answered_at', '<=', 'due_at');
      break;
    case 'late':
      q = q.where('answered_at', 'is not', null).whereRef('answered_at', '>', 'due_at');
      break;
  }
  const rows = await q.orderBy('issued_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toSpotCheck);
}

/** Unanswered checks issued since `since`, soonest deadline first. */
export async function unanswered(db: DbOrTrx, since: string, limit: number): Promise<SpotCheck[]> {
  const rows = await db
    .selectFrom('spot_checks')
    .selectAll()
    .where('answered_at', 'is', null)
    .where('issued_at', '>=', since)
    .orderBy('due_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toSpotCheck);
}
