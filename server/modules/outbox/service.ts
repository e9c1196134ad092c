import type { OutboxBacklog } from '@shared/schemas/outbox';
import { redactUrl } from '../../config';
import type { DbOrTrx } from '../../db/database';
import type { Tx } from '../../events/command';
import { nowStored, toStored } from '../../time';
import { backoffMs } from './sender';

export interface OutgoingMessage {
  topic: string;
  /** Unique per message and receiver; sent as Idempotency-Key so a retry is applied once. */
  key: string;
  endpoint: string;
  subject: string;
  payload: unknown;
}

/** Written in the caller's transaction: nothing is sent unless the change it belongs to commits. */
export async function enqueue(tx: Tx, message: OutgoingMessage): Promise<void> {
  const now = nowStored(tx.clock);
  await tx.trx
    .insertInto('outbox')
    .values({
      topic: message.topic,
      idempotency_key: message.key,
      endpoint: message.endpoint,
      payload: JSON.stringify(message.payload),
      subject: message.subject,
      status: 'pending',
      next_attempt_at: now,
      locked_until: null,
      last_error: null,
      created_at: now,
      sent_at: null,
    })
    .execute();
}

export type DeliveryState = 'none' | 'pending' | 'sent' | 'failed';

/** Delivery state per subject: sent when every receiver has it; failed after repeated errors (still retried). */
export async function deliveryStates(db: DbOrTrx, subjects: string[]): Promise<Map<string, DeliveryState>> {
  const states = new Map<string, DeliveryState>();
  if (subjects.length === 0) return states;
  const rows = await db
    .selectFrom('outbox')
    .select(['subject', 'status', 'attempts'])
    .where('subject', 'in', subjects)
    .execute();
  for (const subject of subjects) {
    const mine = rows.filter((r) => r.subject === subject);
    if (mine.length === 0) states.set(subject, 'none');
    else if (mine.every((r) => r.status === 'sent')) states.set(subject, 'sent');
    else if (mine.some((r) => r.status !== 'sent' && Number(r.attempts) >= 3)) states.set(subject, 'failed');
    else states.set(subject, 'pending');
  }
  return states;
}

const ageSeconds = (now: Date, at: string | null) =>
  at ? Math.max(0, Math.round((now.getTime() - Date.parse(at)) / 1000)) : 0;

/**
 * What waits to go upstream, per endpoint (every configured one, and any other that still has
 * messages): the count, the oldest and its age, and the latest error while messages wait.
 */
export async function backlog(db: DbOrTrx, now: Date, configured: readonly string[]): Promise<OutboxBacklog> {
  const groups = await db
    .selectFrom('outbox')
    .select(['endpoint', (eb) => eb.fn.countAll<number | string>().as('pending')])
    .select((eb) => eb.fn.min('created_at').as('oldest'))
    .where('status', '=', 'pending')
    .groupBy('endpoint')
    .execute();
  const failing = await db
    .selectFrom('outbox')
    .select(['endpoint', 'last_error', 'attempts', 'next_attempt_at'])
    .where('status', '=', 'pending')
    .where('last_error', 'is not', null)
    .execute();
  const latestError = new Map<string, { message: string; at: string }>();
  for (const row of failing) {
    // The failed attempt scheduled the next one a back-off later (sender.ts), so its time follows.
    const at = toStored(new Date(Date.parse(row.next_attempt_at) - backoffMs(Number(row.attempts))));
    const endpoint = redactUrl(row.endpoint);
    const seen = latestError.get(endpoint);
    if (!seen || at > seen.at) latestError.set(endpoint, { message: row.last_error!, at });
  }
  const byEndpoint = new Map(groups.map((g) => [redactUrl(g.endpoint), g]));
  const endpoints = [...new Set([...configured.map(redactUrl), ...byEndpoint.keys()])].map((endpoint) => {
    const g = byEndpoint.get(endpoint);
    const pending = Number(g?.pending ?? 0);
    return {
      endpoint,
      pending,
      oldestCreatedAt: g?.oldest ?? null,
      oldestAgeSeconds: ageSeconds(now, g?.oldest ?? null),
      lastError: pending > 0 ? (latestError.get(endpoint) ?? null) : null,
    };
  });
  const oldest = groups.map((g) => g.oldest).sort()[0] ?? null;
  return {
    at: toStored(now),
    pending: endpoints.reduce((n, e) => n + e.pending, 0),
    oldestCreatedAt: oldest,
    oldestAgeSeconds: ageSeconds(now, oldest),
    endpoints,
  };
}

// The claim and back-off rules and the one HTTP attempt, for other outboxes (escalation's gateway).
export { backoffMs, claimMs, scanOutbox } from './sender';
export { outboxSenderPlugin } from './sender-state';
export { post as postJson } from './upstream-post';
