import type { FastifyInstance } from 'fastify';
import { nowStored, toStored } from '../../time';

const CLAIM_MS = 30_000;
const TIMEOUT_MS = 10_000;

/** 5 s, 10 s, 20 s … capped at 10 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 600_000);
}

async function post(endpoint: string, key: string, payload: string): Promise<string | null> {
  try {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: payload,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    return res.ok ? null : `HTTP ${res.status}`;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/**
 * Delivers due outbox messages. A row is claimed with a conditional update before sending, so two
 * nodes never send the same message at once; the receiver dedupes by Idempotency-Key if a claim
 * expires mid-send. Each outcome is recorded with its event.
 */
export async function sendDueMessages(app: FastifyInstance): Promise<number> {
  const now = nowStored(app.clock);
  const due = await app.db
    .selectFrom('outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .orderBy('next_attempt_at')
    .limit(50)
    .execute();
  let sent = 0;
  for (const msg of due) {
    const claim = await app.db
      .updateTable('outbox')
      .set({ locked_until: toStored(new Date(app.clock.now().getTime() + CLAIM_MS)) })
      .where('id', '=', msg.id)
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
      .executeTakeFirst();
    if (Number(claim.numUpdatedRows) !== 1) continue;
    const error = await post(msg.endpoint, msg.idempotency_key, msg.payload);
    const attempts = Number(msg.attempts) + 1;
    const [reportId, incidentId] = [
      Number(msg.subject.split(':')[1]),
      Number(JSON.parse(msg.payload).incidentId ?? 0),
    ];
    await app.command('system', async (tx) => {
      const at = tx.clock.now();
      await tx.trx
        .updateTable('outbox')
        .set(
          error
            ? {
                attempts,
                last_error: error.slice(0, 500),
                locked_until: null,
                next_attempt_at: toStored(new Date(at.getTime() + backoffMs(attempts))),
              }
            : { attempts, status: 'sent', sent_at: toStored(at), locked_until: null, last_error: null },
        )
        .where('id', '=', msg.id)
        .execute();
      await tx.record({
        type: 'report.delivery',
        subject: msg.subject,
        payload: {
          reportId,
          incidentId,
          endpoint: msg.endpoint,
          status: error ? 'retrying' : 'sent',
          attempts,
          error,
        },
      });
    });
    if (!error) sent += 1;
  }
  return sent;
}
