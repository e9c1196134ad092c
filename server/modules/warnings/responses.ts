import { RESPONSE_RANK } from '@shared/domain/warning-types';
import type {
  Consultation,
  ConsultationInput,
  EmergencyResponse,
  EndBody,
  ResponseLevelChange,
  ResponseStart,
} from '@shared/schemas/warnings';
import { DutyError, notFound } from '../../errors';
import type { Tx } from '../../events/command';
import { nowStored, toStored } from '../../time';
import { addLevel, lastLevelAt, notBefore } from './levels';
import { toConsultation, toResponse } from './repo';

const stored = (iso: string) => toStored(new Date(iso));

export async function startResponse(tx: Tx, body: ResponseStart): Promise<EmergencyResponse> {
  const now = nowStored(tx.clock);
  const startedAt = body.startedAt ? stored(body.startedAt) : now;
  const row = await tx.trx
    .insertInto('emergency_responses')
    .values({
      headquarters: body.headquarters,
      level: body.level,
      started_at: startedAt,
      ended_at: null,
      order_text: body.orderText,
      created_by: tx.actor,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const response = toResponse(row);
  await addLevel(tx.trx, 'response', response.id, response.level, startedAt);
  await tx.record({ type: 'response.started', subject: `response:${response.id}`, payload: { response } });
  return response;
}

async function runningResponse(tx: Tx, id: number) {
  const row = await tx.trx
    .selectFrom('emergency_responses')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return notFound(`response ${id}`);
  if (row.ended_at !== null)
    throw new DutyError('DUTY_ERR_CONFLICT', `response ${id} ended at ${row.ended_at}: start a new one`);
  return row;
}

/** 提升 / 降低响应级别 (or a new order at the same level). */
export async function changeResponseLevel(
  tx: Tx,
  id: number,
  body: ResponseLevelChange,
): Promise<EmergencyResponse> {
  const row = await runningResponse(tx, id);
  const now = nowStored(tx.clock);
  const at = body.at ? stored(body.at) : now;
  if (body.level === row.level && body.orderText === undefined)
    throw new DutyError('DUTY_ERR_ALREADY_DONE', `response ${id} is already at level ${body.level}`);
  notBefore(at, await lastLevelAt(tx.trx, 'response', id), 'a change');
  const updated = await tx.trx
    .updateTable('emergency_responses')
    .set({ level: body.level, order_text: body.orderText ?? row.order_text, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (body.level !== row.level) await addLevel(tx.trx, 'response', id, body.level, at);
  const response = toResponse(updated);
  const rank = RESPONSE_RANK[body.level] - RESPONSE_RANK[row.level];
  await tx.record({
    type: 'response.changed',
    subject: `response:${id}`,
    payload: {
      response,
      change: rank > 0 ? 'upgrade' : rank < 0 ? 'downgrade' : 'update',
      levelFrom: row.level,
      levelTo: body.level,
    },
  });
  return response;
}

/** 终止应急响应. */
export async function endResponse(tx: Tx, id: number, body: EndBody): Promise<EmergencyResponse> {
  await runningResponse(tx, id);
  const now = nowStored(tx.clock);
  const at = body.at ? stored(body.at) : now;
  if (at > now) throw new DutyError('DUTY_ERR_VALIDATION', 'body.at: a response ends now or in the past');
  notBefore(at, await lastLevelAt(tx.trx, 'response', id), 'the end');
  const updated = await tx.trx
    .updateTable('emergency_responses')
    .set({ ended_at: at, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const response = toResponse(updated);
  await tx.record({
    type: 'response.ended',
    subject: `response:${id}`,
    payload: { response, note: body.note?.trim() || null },
  });
  return response;
}

export async function recordConsultation(tx: Tx, body: ConsultationInput): Promise<Consultation> {
  if (body.responseId) {
    const found = await tx.trx
      .selectFrom('emergency_responses')
      .select('id')
      .where('id', '=', body.responseId)
      .executeTakeFirst();
    if (!found) throw new DutyError('DUTY_ERR_VALIDATION', `body.responseId: no response ${body.responseId}`);
  }
  const now = nowStored(tx.clock);
  const row = await tx.trx
    .insertInto('consultations')
    .values({
      held_at: stored(body.heldAt),
      participants: JSON.stringify(body.participants.map((p) => p.trim())),
      conclusions: body.conclusions,
      orders: body.orders ?? '',
      response_id: body.responseId ?? null,
      created_by: tx.actor,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const consultation = toConsultation(row);
  await tx.record({
    type: 'consultation.recorded',
    subject: `consultation:${consultation.id}`,
    payload: { consultation },
  });
  return consultation;
}
