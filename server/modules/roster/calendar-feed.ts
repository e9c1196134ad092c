import type { DbOrTrx } from '../../db/database';
import type { Tx } from '../../events/command';
import { nowStored } from '../../time';
import { newSecret, sha256 } from '../auth/secrets';

/** A new secret for the person's subscribable calendar URL; the old one stops working. */
export async function rotateFeedSecret(tx: Tx, userId: number): Promise<string> {
  const secret = newSecret(24);
  await tx.trx.deleteFrom('calendar_feeds').where('user_id', '=', userId).execute();
  await tx.trx
    .insertInto('calendar_feeds')
    .values({ user_id: userId, secret_hash: sha256(secret), created_at: nowStored(tx.clock) })
    .execute();
  await tx.record({ type: 'calendar.feed_created', subject: `user:${userId}`, payload: { userId } });
  return secret;
}

export async function revokeFeed(tx: Tx, userId: number): Promise<void> {
  await tx.trx.deleteFrom('calendar_feeds').where('user_id', '=', userId).execute();
  await tx.record({ type: 'calendar.feed_revoked', subject: `user:${userId}`, payload: { userId } });
}

/** The enabled person a feed secret belongs to, if any. */
export async function feedOwner(db: DbOrTrx, secret: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('calendar_feeds')
    .innerJoin('users', 'users.id', 'calendar_feeds.user_id')
    .select('users.id')
    .where('calendar_feeds.secret_hash', '=', sha256(secret))
    .where('users.enabled', '=', 1)
    .executeTakeFirst();
  return row ? Number(row.id) : undefined;
}
