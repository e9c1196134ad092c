import type { Escalation, EscalationKind, EscalationStep } from '@shared/schemas/escalation';
import type { Selectable } from 'kysely';
import type { DbOrTrx, Trx } from '../../db/database';
import type { EscalationsTable } from './table';

type Row = Selectable<EscalationsTable>;

export function toEscalation(r: Row): Escalation {
  const chain = JSON.parse(r.chain) as EscalationStep[];
  const step = Number(r.step);
  return {
    id: Number(r.id),
    kind: r.kind,
    subject: r.subject,
    incidentId: r.incident_id === null ? null : Number(r.incident_id),
    title: r.title,
    startedAt: r.started_at,
    delayMinutes: Number(r.delay_minutes),
    step,
    chain,
    current: step > 0 ? (chain[step - 1] ?? null) : null,
    next: r.status === 'active' ? (chain[step] ?? null) : null,
    nextAt: r.next_at,
    status: r.status,
    acknowledgedAt: r.acknowledged_at,
    acknowledgedBy: r.acknowledged_by,
  };
}

export async function findEscalation(db: DbOrTrx, id: number): Promise<Escalation | undefined> {
  const row = await db.selectFrom('escalations').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toEscalation(row) : undefined;
}

export async function listEscalations(db: DbOrTrx, active: boolean): Promise<Escalation[]> {
  let q = db.selectFrom('escalations').selectAll();
  if (active) q = q.where('status', '=', 'active');
  const rows = await q.orderBy('id', 'desc').limit(200).execute();
  return rows.map(toEscalation);
}

export async function insertEscalation(
  trx: Trx,
  fields: {
    kind: EscalationKind;
    sourceSeq: number;
    subject: string;
    incidentId: number | null;
    title: string;
    chain: EscalationStep[];
    delayMinutes: number;
    startedAt: string;
    nextAt: string | null;
  },
): Promise<Escalation> {
  const row = await trx
    .insertInto('escalations')
    .values({
      kind: fields.kind,
      source_seq: fields.sourceSeq,
      subject: fields.subject,
      incident_id: fields.incidentId,
      title: fields.title,
      chain: JSON.stringify(fields.chain),
      delay_minutes: fields.delayMinutes,
      step: 0,
      next_at: fields.nextAt,
      status: 'active',
      started_at: fields.startedAt,
      acknowledged_at: null,
      acknowledged_by: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toEscalation(row);
}

/** Moves the trigger cursor from `from` to `to`; false when it is no longer at `from` (claimed elsewhere). */
export async function moveCursor(trx: Trx, from: number, to: number): Promise<boolean> {
  const res = await trx
    .updateTable('escalation_cursor')
    .set({ seq: to })
    .where('id', '=', 1)
    .where('seq', '=', from)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function cursorSeq(db: DbOrTrx): Promise<number> {
  const row = await db.selectFrom('escalation_cursor').select('seq').where('id', '=', 1).executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/** Marks an active escalation acknowledged; false when it was not active (acknowledged once). */
export async function markAcknowledged(trx: Trx, id: number, at: string, by: string): Promise<boolean> {
  const res = await trx
    .updateTable('escalations')
    .set({ status: 'acknowledged', acknowledged_at: at, acknowledged_by: by, next_at: null })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function activeIncidentEscalation(trx: Trx, incidentId: number): Promise<number | undefined> {
  const row = await trx
    .selectFrom('escalations')
    .select('id')
    .where('kind', '=', 'incident')
    .where('incident_id', '=', incidentId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row ? Number(row.id) : undefined;
}

export async function dueSteps(
  db: DbOrTrx,
  now: string,
  limit: number,
): Promise<{ id: number; step: number }[]> {
  const rows = await db
    .selectFrom('escalations')
    .select(['id', 'step'])
    .where('status', '=', 'active')
    .where('next_at', 'is not', null)
    .where('next_at', '<=', now)
    .orderBy('next_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: Number(r.id), step: Number(r.step) }));
}

/** Claims step `from` → `from + 1` of a still-active, due escalation; false when another pass took it. */
export async function markStepped(
  trx: Trx,
  id: number,
  from: number,
  now: string,
  nextAt: string | null,
): Promise<boolean> {
  const res = await trx
    .updateTable('escalations')
    .set({ step: from + 1, next_at: nextAt })
    .where('id', '=', id)
    .where('step', '=', from)
    .where('status', '=', 'active')
    .where('next_at', '<=', now)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
