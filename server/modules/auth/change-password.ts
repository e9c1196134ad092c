import { notFound } from '../../errors';
import type { Tx } from '../../events/command';
import { nowStored } from '../../time';
import { findUser, storePasswordHash } from '../users/service';

/**
 * A person's own new password (hashed by the caller, outside the transaction): every other session
 * of theirs ends, the one that asked stays. Returns the ended session ids, whose consoles the caller
 * drops after the commit. The event names who and how many sessions ended, never a secret.
 */
export async function changeOwnPassword(
  tx: Tx,
  userId: number,
  keepSessionId: string,
  passwordHash: string,
): Promise<string[]> {
  const user = await findUser(tx.trx, userId);
  if (!user) notFound(`user ${userId}`);
  await storePasswordHash(tx.trx, userId, passwordHash, nowStored(tx.clock));
  const ended = (
    await tx.trx
      .deleteFrom('sessions')
      .where('user_id', '=', userId)
      .where('id', '!=', keepSessionId)
      .returning('id')
      .execute()
  ).map((s) => s.id);
  await tx.record({
    type: 'auth.password_changed',
    subject: `user:${userId}`,
    payload: { userId, username: user.username, sessionsEnded: ended.length },
  });
  return ended;
}
