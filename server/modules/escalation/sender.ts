import type { FastifyInstance } from 'fastify';
import { nowStored, toStored } from '../../time';
import { backoffMs, claimMs, postJson } from '../outbox/service';

interface Message {
  id: number;
  escalationId: number;
  step: number;
  key: string;
  endpoint: string;
  payload: string;
  attempts: number;
}

/**
 * Sends the due step messages to the gateway with the report outbox's rules: each row claimed by a
 * conditional update before sending (so two nodes never send it at once), the outcome written only
 * while the claim is ours, failures retried with the same back-off, one Idempotency-Key per step.
 */
async function sendDue(app: FastifyInstance): Promise<number> {
  const now = nowStored(app.clock);
  const rows = await app.db
    .selectFrom('escalation_messages')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .orderBy('id')
    .limit(20)
    .execute();
  let sent = 0;
  for (const r of rows) {
    const msg: Message = {
      id: Number(r.id),
      escalationId: Number(r.escalation_id),
      step: Number(r.step),
      key: r.idempotency_key,
      endpoint: r.endpoint,
      payload: r.payload,
      attempts: Number(r.attempts),
    };
    // The node is closing: stop here; the claims still held are given back below or run out.
    const closing = app.outboxSender.closing.signal;
    if (closing.aborted) break;
    const until = await claim(app, msg);
    if (!until) continue;
    const error = await postJson(msg.endpoint, msg.key, msg.payload, {
      timeoutMs: app.config.upstreamTimeoutMs,
      cancel: closing,
    });
    if (closing.aborted) {
      // Perhaps delivered, perhaps not: the next sender sends it again under the same key.
      await app.db
        .updateTable('escalation_messages')
        .set({ locked_until: null })
        .where('id', '=', msg.id)
        .where('locked_until', '=', until)
        .execute();
      break;
    }
    if ((await settle(app, msg, until, error)) && !error) sent += 1;
  }
  return sent;
}

async function claim(app: FastifyInstance, msg: Message): Promise<string | null> {
  const now = nowStored(app.clock);
  const until = toStored(new Date(app.clock.now().getTime() + claimMs(app.config.upstreamTimeoutMs)));
  const res = await app.db
    .updateTable('escalation_messages')
    .set({ locked_until: until })
    .where('id', '=', msg.id)
    .where('status', '=', 'pending')
    .where('attempts', '=', msg.attempts)
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1 ? until : null;
}

/** The outcome with its escalation.delivery event; false when another sender got there first. */
async function settle(
  app: FastifyInstance,
  msg: Message,
  until: string,
  error: string | null,
): Promise<boolean> {
  const attempts = msg.attempts + 1;
  return app.command('system', async (tx) => {
    const at = tx.clock.now();
    const res = error
      ? await tx.trx
          .updateTable('escalation_messages')
          .set({
            attempts,
            last_error: error.slice(0, 500),
            locked_until: null,
            next_attempt_at: toStored(new Date(at.getTime() + backoffMs(attempts))),
          })
          .where('id', '=', msg.id)
          .where('status', '=', 'pending')
          .where('locked_until', '=', until)
          .executeTakeFirst()
      : await tx.trx
          .updateTable('escalation_messages')
          .set({ attempts, status: 'sent', sent_at: toStored(at), locked_until: null, last_error: null })
          .where('id', '=', msg.id)
          .where('status', '=', 'pending')
          .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    await tx.record({
      type: 'escalation.delivery',
      subject: `escalation:${msg.escalationId}`,
      payload: {
        escalationId: msg.escalationId,
        step: msg.step,
        status: error ? 'retrying' : 'sent',
        attempts,
        error,
      },
    });
    return true;
  });
}

/** Per app: the delivery round under way, so passes do not start a second one. */
const rounds = new WeakMap<FastifyInstance, Promise<number>>();
const SCAN_WAIT_MS = 2_000;

/** The scanner's pass: starts a round unless one runs, and waits for it only briefly (a slow gateway delays no alarm). */
export async function scanEscalationMessages(app: FastifyInstance): Promise<number> {
  let round = rounds.get(app);
  if (!round) {
    round = sendDue(app)
      .catch((err: unknown) => {
        app.log.error({ err }, 'escalation gateway round failed');
        return 0;
      })
      .finally(() => rounds.delete(app));
    rounds.set(app, round);
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<number>((resolve) => {
    timer = setTimeout(() => resolve(0), SCAN_WAIT_MS);
  });
  try {
    return await Promise.race([round, waited]);
  } finally {
    clearTimeout(timer);
  }
}
