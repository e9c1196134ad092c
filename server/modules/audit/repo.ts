import type { DbOrTrx } from '../../db/database';

export interface Checkpoint {
  ref: string;
  kind: 'handover' | 'daily';
  handoverId: number | null;
  dutyDate: string | null;
  seq: number;
  hash: string;
  createdAt: string;
}

/** A checkpoint beside the hash the log holds at its seq now (null: no such event). */
export interface CheckedCheckpoint extends Checkpoint {
  eventHash: string | null;
}

export async function headOf(db: DbOrTrx): Promise<{ seq: number; hash: string } | undefined> {
  const row = await db
    .selectFrom('events')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { seq: Number(row.seq), hash: row.hash } : undefined;
}

/** Records it unless one with the same `ref` exists; true when this call recorded it. */
export async function insertCheckpoint(db: DbOrTrx, c: Checkpoint): Promise<boolean> {
  const result = await db
    .insertInto('audit_checkpoints')
    .values({
      ref: c.ref,
      kind: c.kind,
      handover_id: c.handoverId,
      duty_date: c.dutyDate,
      seq: c.seq,
      hash: c.hash,
      created_at: c.createdAt,
    })
    .onConflict((oc) => oc.column('ref').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function hasCheckpoint(db: DbOrTrx, ref: string): Promise<boolean> {
  const row = await db.selectFrom('audit_checkpoints').select('id').where('ref', '=', ref).executeTakeFirst();
  return row !== undefined;
}

export async function checkpointsWithEvents(db: DbOrTrx): Promise<CheckedCheckpoint[]> {
  const rows = await db
    .selectFrom('audit_checkpoints as c')
    .leftJoin('events as e', 'e.seq', 'c.seq')
    .select([
      'c.ref',
      'c.kind',
      'c.handover_id',
      'c.duty_date',
      'c.seq',
      'c.hash',
      'c.created_at',
      'e.hash as event_hash',
    ])
    .orderBy('c.seq')
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    ref: r.ref,
    kind: r.kind,
    handoverId: r.handover_id === null ? null : Number(r.handover_id),
    dutyDate: r.duty_date,
    seq: Number(r.seq),
    hash: r.hash,
    createdAt: r.created_at,
    eventHash: r.event_hash,
  }));
}

/** The stored hash of each asked seq that exists. */
export async function hashesAt(db: DbOrTrx, seqs: number[]): Promise<Map<number, string>> {
  if (seqs.length === 0) return new Map();
  const rows = await db.selectFrom('events').select(['seq', 'hash']).where('seq', 'in', seqs).execute();
  return new Map(rows.map((r) => [Number(r.seq), r.hash]));
}
