import type { Swap } from '@shared/schemas/swaps';
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import type { SwapsTable } from './table';

export const PENDING: Swap['status'][] = ['requested', 'accepted'];

export function toSwap(row: Selectable<SwapsTable>): Swap {
  return {
    id: Number(row.id),
    shiftId: Number(row.shift_id),
    fromUserId: Number(row.from_user_id),
    toUserId: Number(row.to_user_id),
    counterShiftId: row.counter_shift_id === null ? null : Number(row.counter_shift_id),
    status: row.status,
    reason: row.reason,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    acceptedAt: row.accepted_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    decisionNote: row.decision_note,
  };
}

export async function insertSwap(db: DbOrTrx, row: Insertable<SwapsTable>): Promise<Swap> {
  return toSwap(await db.insertInto('swaps').values(row).returningAll().executeTakeFirstOrThrow());
}

export async function findSwap(db: DbOrTrx, id: number): Promise<Swap | undefined> {
  const row = await db.selectFrom('swaps').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toSwap(row) : undefined;
}

/**
 * Moves a swap on only from the status it was read in, so two racing decisions cannot both win.
 * Returns the updated swap, or undefined when another decision came first.
 */
export async function transition(
  db: DbOrTrx,
  id: number,
  from: Swap['status'][],
  patch: Updateable<SwapsTable>,
): Promise<Swap | undefined> {
  const row = await db
    .updateTable('swaps')
    .set(patch)
    .where('id', '=', id)
    .where('status', 'in', from)
    .returningAll()
    .executeTakeFirst();
  return row ? toSwap(row) : undefined;
}

/** A pending swap touching any of these shifts, either as the shift given away or the one taken. */
export async function pendingTouching(db: DbOrTrx, shiftIds: number[]): Promise<Swap | undefined> {
  const row = await db
    .selectFrom('swaps')
    .selectAll()
    .where('status', 'in', PENDING)
    .where((eb) => eb.or([eb('shift_id', 'in', shiftIds), eb('counter_shift_id', 'in', shiftIds)]))
    .executeTakeFirst();
  return row ? toSwap(row) : undefined;
}

export async function listSwaps(
  db: DbOrTrx,
  status: Swap['status'] | undefined,
  limit: number,
): Promise<Swap[]> {
  let q = db.selectFrom('swaps').selectAll();
  if (status) q = q.where('status', '=', status);
  const rows = await q.orderBy('requested_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toSwap);
}
