import type { DbOrTrx } from '../../db/database';
import type { Tx } from '../../events/command';
import { nowStored } from '../../time';

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

/** Age in seconds of the oldest message not yet delivered: the backlog an operator watches. */
export async function backlog(
  db: DbOrTrx,
  now: Date,
): Promise<{ pending: number; oldestAgeSeconds: number }> {
  const rows = await db
    .selectFrom('outbox')
    .select('created_at')
    .where('status', '=', 'pending')
    .orderBy('created_at')
    .execute();
  const oldest = rows[0] ? (now.getTime() - Date.parse(rows[0].created_at)) / 1000 : 0;
  return { pending: rows.length, oldestAgeSeconds: Math.round(oldest) };
}
