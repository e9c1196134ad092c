import type { Role, User } from '@shared/schemas/users';
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import type { UsersTable } from './table';

export type UserRow = Selectable<UsersTable>;

export function toUser(row: UserRow): User {
  return {
    id: Number(row.id),
    username: row.username,
    displayName: row.display_name,
    phone: row.phone,
    roles: row.roles.split(',').filter(Boolean) as Role[],
    qualified: row.qualified === 1,
    enabled: row.enabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function findUserRowById(db: DbOrTrx, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserRowByUsername(db: DbOrTrx, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function listUserRows(db: DbOrTrx): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('id').execute();
}

export async function insertUserRow(db: DbOrTrx, row: Omit<UserRow, 'id'>): Promise<UserRow> {
  const inserted = await db.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
  return inserted;
}

export async function updateUserRow(
  db: DbOrTrx,
  id: number,
  patch: Partial<Omit<UserRow, 'id'>>,
): Promise<UserRow> {
  return db.updateTable('users').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function countEnabledAdmins(db: DbOrTrx): Promise<number> {
  const rows = await db.selectFrom('users').select(['roles']).where('enabled', '=', 1).execute();
  return rows.filter((r) => r.roles.split(',').includes('admin')).length;
}

export async function countUsers(db: DbOrTrx): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
