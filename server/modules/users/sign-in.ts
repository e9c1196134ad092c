import type { User } from '@shared/schemas/users';
import type { DbOrTrx } from '../../db/database';
import * as repo from './repo';

/**
 * What the auth module needs of a person: the user, and the stored password hash for checking a
 * password only. Re-exported by service.ts, the users module's front door.
 */
export interface Credentials {
  user: User;
  passwordHash: string;
}

export async function credentialsByUsername(db: DbOrTrx, username: string): Promise<Credentials | undefined> {
  const row = await repo.findUserRowByUsername(db, username);
  return row ? { user: repo.toUser(row), passwordHash: row.password_hash } : undefined;
}

export async function credentialsById(db: DbOrTrx, id: number): Promise<Credentials | undefined> {
  const row = await repo.findUserRowById(db, id);
  return row ? { user: repo.toUser(row), passwordHash: row.password_hash } : undefined;
}

export async function findUser(db: DbOrTrx, id: number): Promise<User | undefined> {
  const row = await repo.findUserRowById(db, id);
  return row ? repo.toUser(row) : undefined;
}

export async function findUserByUsername(db: DbOrTrx, username: string): Promise<User | undefined> {
  const row = await repo.findUserRowByUsername(db, username);
  return row ? repo.toUser(row) : undefined;
}

/** A new password hash (made by the caller, outside the transaction); the user as it now stands. */
export async function storePasswordHash(
  db: DbOrTrx,
  id: number,
  passwordHash: string,
  at: string,
): Promise<User> {
  return repo.toUser(await repo.updateUserRow(db, id, { password_hash: passwordHash, updated_at: at }));
}
