import type { RosterFeedKey } from '@shared/schemas/roster';
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import { notFound } from '../../errors';
import type { Tx } from '../../events/command';
import { nowStored } from '../../time';
import { newSecret, sha256 } from '../auth/service';
import type { RosterFeedKeysTable } from './table';

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

/**
 * Who a feed key reads for: a personal key only its enabled owner's shifts, a whole-roster key
 * (issued by an administrator, not revoked) everyone's.
 */
export type FeedReader = { kind: 'personal'; userId: number } | { kind: 'roster'; feedId: number };

export async function feedReader(db: DbOrTrx, secret: string): Promise<FeedReader | undefined> {
  const hash = sha256(secret);
  const personal = await db
    .selectFrom('calendar_feeds')
    .innerJoin('users', 'users.id', 'calendar_feeds.user_id')
    .select('users.id')
    .where('calendar_feeds.secret_hash', '=', hash)
    .where('users.enabled', '=', 1)
    .executeTakeFirst();
  if (personal) return { kind: 'personal', userId: Number(personal.id) };
  const roster = await db
    .selectFrom('roster_feed_keys')
    .select('id')
    .where('secret_hash', '=', hash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return roster ? { kind: 'roster', feedId: Number(roster.id) } : undefined;
}

function toFeedKey(row: Selectable<RosterFeedKeysTable>): RosterFeedKey {
  return { id: Number(row.id), label: row.label, createdAt: row.created_at, createdBy: row.created_by };
}

/** The whole-roster keys in force, oldest first. */
export async function listRosterFeeds(db: DbOrTrx): Promise<RosterFeedKey[]> {
  const rows = await db
    .selectFrom('roster_feed_keys')
    .selectAll()
    .where('revoked_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map(toFeedKey);
}

/** A new whole-roster key; its secret leaves the server in this answer only. */
export async function issueRosterFeed(
  tx: Tx,
  label: string,
): Promise<{ feed: RosterFeedKey; secret: string }> {
  const secret = newSecret(24);
  const row = await tx.trx
    .insertInto('roster_feed_keys')
    .values({
      label,
      secret_hash: sha256(secret),
      created_at: nowStored(tx.clock),
      created_by: tx.actor,
      revoked_at: null,
      revoked_by: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const feed = toFeedKey(row);
  await tx.record({
    type: 'calendar.roster_feed_created',
    subject: `roster-feed:${feed.id}`,
    payload: { feedId: feed.id, label },
  });
  return { feed, secret };
}

export async function revokeRosterFeed(tx: Tx, id: number): Promise<RosterFeedKey> {
  const row = await tx.trx
    .updateTable('roster_feed_keys')
    .set({ revoked_at: nowStored(tx.clock), revoked_by: tx.actor })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (!row) notFound(`whole-roster feed ${id}`);
  const feed = toFeedKey(row);
  await tx.record({
    type: 'calendar.roster_feed_revoked',
    subject: `roster-feed:${feed.id}`,
    payload: { feedId: feed.id, label: feed.label },
  });
  return feed;
}
