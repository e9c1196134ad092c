import type { FastifyInstance } from 'fastify';
import { redactUrl } from '../../config';
import { nowStored, toStored } from '../../time';
import type { SenderState } from './sender-state';
import type { OutboxTable } from './table';
import { post } from './upstream-post';

type Message = Omit<OutboxTable, 'id' | 'attempts'> & { id: number; attempts: number };

/** 5 s, 10 s, 20 s … capped at 10 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 600_000);
}

/**
 * How long a sender holds a row: the whole send (cut off at the timeout) plus time to write the
 * outcome, so a claim never runs out while its send can still be in flight on a node with a
 * sound clock.
 */
export function claimMs(timeoutMs: number): number {
  return timeoutMs + 30_000;
}

async function dueMessages(app: FastifyInstance, now: string): Promise<Message[]> {
  const rows = await app.db
    .selectFrom('outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(50)
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), attempts: Number(r.attempts) }));
}

/**
 * Claims a row with a conditional update: still pending, due, unclaimed (or its claim ran out) and
 * not attempted since we read it. Returns the claim's expiry, which the outcome write checks.
 */
async function claim(app: FastifyInstance, msg: Message): Promise<string | null> {
  const now = nowStored(app.clock);
  const until = toStored(new Date(app.clock.now().getTime() + claimMs(app.config.upstreamTimeoutMs)));
  const res = await app.db
    .updateTable('outbox')
    .set({ locked_until: until })
    .where('id', '=', msg.id)
    .where('status', '=', 'pending')
    .where('attempts', '=', msg.attempts)
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1 ? until : null;
}

/** Writes the outcome with its `report.delivery` event; false when another sender got there first. */
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
      ? // A failure counts only while the claim is still ours: a sender that took over owns the row.
        await tx.trx
          .updateTable('outbox')
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
      : // A success stands whoever holds the claim; once sent, nobody records it again.
        await tx.trx
          .updateTable('outbox')
          .set({ attempts, status: 'sent', sent_at: toStored(at), locked_until: null, last_error: null })
          .where('id', '=', msg.id)
          .where('status', '=', 'pending')
          .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    await tx.record({
      type: 'report.delivery',
      subject: msg.subject,
      payload: {
        reportId: Number(msg.subject.split(':')[1]),
        incidentId: Number(JSON.parse(msg.payload).incidentId ?? 0),
        endpoint: redactUrl(msg.endpoint),
        status: error ? 'retrying' : 'sent',
        attempts,
        error,
      },
    });
    return true;
  });
}

/** Gives a claim back without counting an attempt (the node is shutting down mid-send). */
async function release(app: FastifyInstance, msg: Message, until: string): Promise<void> {
  await app.db
    .updateTable('outbox')
    .set({ locked_until: null })
    .where('id', '=', msg.id)
    .where('locked_until', '=', until)
    .execute();
}

/** One endpoint's due messages in order; the first failure ends its turn (the rest would wait the same). */
async function sendTo(app: FastifyInstance, state: SenderState, messages: Message[]): Promise<number> {
  let sent = 0;
  for (const msg of messages) {
    if (state.closing.signal.aborted) break;
    if (state.inFlight.has(msg.id)) continue;
    state.inFlight.add(msg.id);
    try {
      const until = await claim(app, msg);
      if (!until) continue;
      const error = await post(msg.endpoint, msg.idempotency_key, msg.payload, {
        timeoutMs: app.config.upstreamTimeoutMs,
        cancel: state.closing.signal,
      });
      if (state.closing.signal.aborted) {
        // Perhaps delivered, perhaps not: the next sender retries it under the same key.
        await release(app, msg, until);
        break;
      }
      if ((await settle(app, msg, until, error)) && !error) sent += 1;
      if (error) break;
    } finally {
      state.inFlight.delete(msg.id);
    }
  }
  return sent;
}

/**
 * Delivers the due outbox messages, endpoints side by side so one that hangs does not hold up the
 * others. Each row is claimed with a conditional update before sending, so two nodes never send the
 * same message at once; a row this node is already sending is skipped even if its claim ran out;
 * and the receiver dedupes by Idempotency-Key what a lost answer makes us send again.
 */
export async function sendDueMessages(app: FastifyInstance): Promise<number> {
  const state = app.outboxSender;
  const round = deliverRound(app, state);
  state.rounds.add(round);
  try {
    return await round;
  } finally {
    state.rounds.delete(round);
  }
}

async function deliverRound(app: FastifyInstance, state: SenderState): Promise<number> {
  const due = await dueMessages(app, nowStored(app.clock));
  const byEndpoint = new Map<string, Message[]>();
  for (const msg of due) byEndpoint.set(msg.endpoint, [...(byEndpoint.get(msg.endpoint) ?? []), msg]);
  const counts = await Promise.all([...byEndpoint.values()].map((messages) => sendTo(app, state, messages)));
  return counts.reduce((a, b) => a + b, 0);
}

/** The longest a scanner pass waits for the sender before leaving it to finish on its own. */
const SCAN_WAIT_MS = 2_000;

/**
 * The scanner's pass: starts a delivery round unless one is under way on this node, and waits for it
 * only briefly, so a slow upstream never delays overdue alerts and check-in checks.
 */
export async function scanOutbox(app: FastifyInstance): Promise<number> {
  const state = app.outboxSender;
  if (state.closing.signal.aborted) return 0;
  if (!state.drain) {
    const drain = sendDueMessages(app)
      .catch((err: unknown) => {
        app.log.error({ err }, 'outbox delivery round failed');
        return 0;
      })
      .finally(() => {
        if (state.drain === drain) state.drain = undefined;
      });
    state.drain = drain;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<number>((resolve) => {
    timer = setTimeout(() => resolve(0), SCAN_WAIT_MS);
  });
  try {
    return await Promise.race([state.drain, waited]);
  } finally {
    clearTimeout(timer);
  }
}
