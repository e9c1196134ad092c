import type { Escalation, EscalationStep } from '@shared/schemas/escalation';
import type { Trx } from '../../db/database';
import type { Timer } from '../../jobs/raise-once';
import { addMinutes, toStored } from '../../time';
import { dueSteps, findEscalation, markStepped } from './repo';
import { incidentAcknowledgedSince } from './triggers';

/** What the gateway is asked to send: who, the number, and words a person woken at night understands. */
export function stepMessage(e: Escalation, step: EscalationStep) {
  const minutes = e.delayMinutes * e.step;
  return {
    escalationId: e.id,
    step: e.step,
    steps: e.chain.length,
    kind: e.kind,
    subject: e.subject,
    title: e.title,
    startedAt: e.startedAt,
    to: { label: step.label, name: step.name, phone: step.phone },
    text: `【应急值守】${e.title}。带班领导${minutes}分钟内未确认，现逐级报告${step.label}${step.name}，请即与值班室联系。`,
  };
}

/**
 * escalation.stepped, once per step of every escalation left unacknowledged past its delay: the
 * conditional update on (step, status, next_at) is the claim; the message to the gateway is
 * written in the same transaction, so it goes out only if the step stands.
 */
export function escalationSteps(gatewayUrl: string | null): Timer<{ id: number; step: number }> {
  return {
    due: (db, now) => dueSteps(db, now, 100),
    async claim(trx, key, now) {
      const row = await trx
        .selectFrom('escalations')
        .select(['kind', 'incident_id', 'source_seq', 'chain', 'delay_minutes'])
        .where('id', '=', key.id)
        .executeTakeFirst();
      if (!row) return undefined;
      if (
        row.kind === 'incident' &&
        row.incident_id !== null &&
        (await incidentAcknowledgedSince(trx, Number(row.incident_id), Number(row.source_seq)))
      )
        return undefined; // the trigger pass records the acknowledgement
      const chain = JSON.parse(row.chain) as EscalationStep[];
      const reached = key.step + 1;
      const nextAt =
        reached < chain.length ? toStored(addMinutes(new Date(now), Number(row.delay_minutes))) : null;
      if (!(await markStepped(trx, key.id, key.step, now, nextAt))) return undefined;
      const escalation = (await findEscalation(trx, key.id))!;
      const step = chain[reached - 1]!;
      if (gatewayUrl) await enqueueMessage(trx, escalation, step, gatewayUrl, now);
      return {
        type: 'escalation.stepped',
        subject: `escalation:${key.id}`,
        payload: { escalation, step, message: gatewayUrl ? 'queued' : 'no_gateway' },
      };
    },
  };
}

async function enqueueMessage(
  trx: Trx,
  e: Escalation,
  step: EscalationStep,
  endpoint: string,
  now: string,
): Promise<void> {
  await trx
    .insertInto('escalation_messages')
    .values({
      escalation_id: e.id,
      step: e.step,
      idempotency_key: `escalation:${e.id}:step:${e.step}`,
      endpoint,
      payload: JSON.stringify(stepMessage(e, step)),
      status: 'pending',
      next_attempt_at: now,
      locked_until: null,
      last_error: null,
      created_at: now,
      sent_at: null,
    })
    .execute();
}
