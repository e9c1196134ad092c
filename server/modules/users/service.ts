import type { RosterPerson } from '@shared/domain/roster-types';
import type { CreateUserBody, UpdateUserBody, User } from '@shared/schemas/users';
import type { DbOrTrx } from '../../db/database';
import { DutyError, fail, notFound } from '../../errors';
import type { Tx } from '../../events/command';
import { nowStored } from '../../time';
import { getUnit } from '../units/service';
import * as repo from './repo';

/** The unit a person is put in must exist and be in use. */
async function checkUnit(db: DbOrTrx, unitId: number): Promise<void> {
  const unit = await getUnit(db, unitId);
  if (!unit?.enabled) fail('DUTY_ERR_VALIDATION', `unitId: unit ${unitId} does not exist or is disabled`);
}

export async function listUsers(db: DbOrTrx): Promise<User[]> {
  return (await repo.listUserRows(db)).map(repo.toUser);
}

export async function getUser(db: DbOrTrx, id: number): Promise<User> {
  const row = await repo.findUserRowById(db, id);
  return row ? repo.toUser(row) : notFound(`user ${id}`);
}

/** The password hash is made by the caller before the transaction: hashing is slow and must not hold the write lock. */
export async function createUser(
  tx: Tx,
  body: Omit<CreateUserBody, 'password'>,
  passwordHash: string,
): Promise<User> {
  if (await repo.findUserRowByUsername(tx.trx, body.username)) {
    throw new DutyError('DUTY_ERR_USERNAME_TAKEN', `username "${body.username}" is already taken`);
  }
  if (body.unitId !== undefined) await checkUnit(tx.trx, body.unitId);
  const now = nowStored(tx.clock);
  const row = await repo.insertUserRow(tx.trx, {
    username: body.username,
    display_name: body.displayName,
    phone: body.phone ?? '',
    roles: body.roles.join(','),
    qualified: body.qualified ? 1 : 0,
    enabled: body.enabled === false ? 0 : 1,
    password_hash: passwordHash,
    unit_id: body.unitId ?? 1,
    informant_role: body.informantRole ?? null,
    created_at: now,
    updated_at: now,
  });
  const user = repo.toUser(row);
  await tx.record({ type: 'user.created', subject: `user:${user.id}`, payload: { user } });
  return user;
}

export interface UpdateOutcome {
  user: User;
  /** Sessions must end: the user was disabled or their password was reset. */
  endSessions: boolean;
}

export async function updateUser(
  tx: Tx,
  id: number,
  body: Omit<UpdateUserBody, 'password'>,
  passwordHash?: string,
): Promise<UpdateOutcome> {
  const before = await repo.findUserRowById(tx.trx, id);
  if (!before) notFound(`user ${id}`);
  const patch: Parameters<typeof repo.updateUserRow>[2] = { updated_at: nowStored(tx.clock) };
  if (body.displayName !== undefined) patch.display_name = body.displayName;
  if (body.phone !== undefined) patch.phone = body.phone;
  if (body.roles !== undefined) patch.roles = body.roles.join(',');
  if (body.qualified !== undefined) patch.qualified = body.qualified ? 1 : 0;
  if (body.enabled !== undefined) patch.enabled = body.enabled ? 1 : 0;
  if (passwordHash !== undefined) patch.password_hash = passwordHash;
  if (body.unitId !== undefined && body.unitId !== Number(before.unit_id)) {
    await checkUnit(tx.trx, body.unitId);
    patch.unit_id = body.unitId;
  }
  if (body.informantRole !== undefined) patch.informant_role = body.informantRole;

  const row = await repo.updateUserRow(tx.trx, id, patch);
  const wasAdmin = before.enabled === 1 && before.roles.split(',').includes('admin');
  const isAdmin = row.enabled === 1 && row.roles.split(',').includes('admin');
  if (wasAdmin && !isAdmin && (await repo.countEnabledAdmins(tx.trx)) === 0) {
    fail('DUTY_ERR_LAST_ADMIN', 'the last enabled administrator cannot be disabled or lose the admin role');
  }
  const user = repo.toUser(row);
  const changed = Object.keys(body);
  if (changed.length > 0) {
    await tx.record({ type: 'user.updated', subject: `user:${id}`, payload: { user, changed } });
  }
  if (passwordHash !== undefined) {
    await tx.record({
      type: 'user.password_reset',
      subject: `user:${id}`,
      payload: { userId: id, username: user.username },
    });
  }
  return { user, endSessions: body.enabled === false || passwordHash !== undefined };
}

/** Everyone, as the roster rules see them. */
export async function listRosterPeople(db: DbOrTrx): Promise<RosterPerson[]> {
  return (await listUsers(db)).map(({ id, displayName, roles, qualified, enabled }) => ({
    id,
    displayName,
    roles,
    qualified,
    enabled,
  }));
}

export { countUsers } from './repo';
export {
  type Credentials,
  credentialsById,
  credentialsByUsername,
  findUser,
  findUserByUsername,
  storePasswordHash,
} from './sign-in';

/** The system's own actor (scanners, jobs), as people read it. */
export const SYSTEM_ACTOR_NAME = '系统';

/**
 * Display names by username for the people named in a read model (events store usernames).
 * `system` reads 系统; a username no longer known stays as it is.
 */
export async function displayNames(
  db: DbOrTrx,
  usernames: Iterable<string>,
): Promise<Record<string, string>> {
  const wanted = [...new Set(usernames)].filter((u) => u !== '');
  const names: Record<string, string> = {};
  if (wanted.length === 0) return names;
  const rows = await db
    .selectFrom('users')
    .select(['username', 'display_name'])
    .where('username', 'in', wanted)
    .execute();
  for (const r of rows) names[r.username] = r.display_name;
  for (const u of wanted) names[u] ??= u === 'system' ? SYSTEM_ACTOR_NAME : u;
  return names;
}
