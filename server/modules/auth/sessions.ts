import type { User } from '@shared/schemas/users';
import type { DbOrTrx } from '../../db/database';
import { addMinutes, type Clock, toStored } from '../../time';
import { findUser } from '../users/service';
import { newSecret, sha256 } from './secrets';

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

export interface ActiveSession {
  id: string;
  user: User;
  csrfToken: string;
}

/** Returns the cookie value; the table keeps only its hash. */
export async function openSession(
  db: DbOrTrx,
  clock: Clock,
  userId: number,
  policy: SessionPolicy,
): Promise<{ cookieValue: string; session: { id: string; csrfToken: string } }> {
  const cookieValue = newSecret();
  const now = clock.now();
  const session = { id: sha256(cookieValue), csrfToken: newSecret(24) };
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: userId,
      csrf_token: session.csrfToken,
      created_at: toStored(now),
      last_seen_at: toStored(now),
      expires_at: toStored(addMinutes(now, policy.maxHours * 60)),
    })
    .execute();
  return { cookieValue, session };
}

/** The session behind a cookie, if it is live: not expired, not idle too long, user enabled. */
export async function resolveSession(
  db: DbOrTrx,
  clock: Clock,
  cookieValue: string,
  policy: SessionPolicy,
): Promise<ActiveSession | undefined> {
  const id = sha256(cookieValue);
  const row = await db
    .selectFrom('sessions')
    .select(['user_id', 'csrf_token', 'last_seen_at', 'expires_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  const user = row && (await findUser(db, Number(row.user_id)));
  if (!row || !user?.enabled) return undefined;
  const now = clock.now();
  const idleLimit = addMinutes(new Date(row.last_seen_at), policy.idleMinutes);
  if (now >= new Date(row.expires_at) || now >= idleLimit) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return undefined;
  }
  // Touch at most once a minute: a busy console does not turn every read into a write.
  if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: toStored(now) })
      .where('id', '=', id)
      .execute();
  }
  return { id, user, csrfToken: row.csrf_token };
}

export async function closeSession(db: DbOrTrx, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function closeSessionsOfUser(db: DbOrTrx, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Of the given session ids, those that are still valid (for dropping stale sockets). */
export async function liveSessionIds(
  db: DbOrTrx,
  clock: Clock,
  ids: string[],
  policy: SessionPolicy,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const now = clock.now();
  const idleCutoff = toStored(addMinutes(now, -policy.idleMinutes));
  const rows = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select('sessions.id')
    .where('sessions.id', 'in', ids)
    .where('users.enabled', '=', 1)
    .where('sessions.expires_at', '>', toStored(now))
    .where('sessions.last_seen_at', '>', idleCutoff)
    .execute();
  return new Set(rows.map((r) => r.id));
}
