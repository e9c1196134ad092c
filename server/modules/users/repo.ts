import type { Role, User } from '@shared/schemas/users';
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import type { UsersTable } from './table';

/** A person's row with the path of their unit (joined from units). */
export type UserRow = Selectable<UsersTable> & { unit_path: string | null };

/** A path under which nothing lies: a person whose unit row is missing sees nothing. */
const NO_UNIT_PATH = '/0/';

function selectUsers(db: DbOrTrx) {
  return db
    .selectFrom('users')
    .leftJoin('units', 'units.id', 'users.unit_id')
    .selectAll('users')
    .select('units.path as unit_path');
}

export function toUser(row: UserRow): User {
  return {
    id: Number(row.id),
    username: row.username,
    displayName: row.display_name,
    phone: row.phone,
    roles: row.roles.split(',').filter(Boolean) as Role[],
    qualified: row.qualified === 1,
    enabled: row.enabled === 1,
    unitId: Number(row.unit_id),
    unitPath: row.unit_path ?? NO_UNIT_PATH,
    informantRole: row.informant_role ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function findUserRowById(db: DbOrTrx, id: number): Promise<UserRow | undefined> {
  return selectUsers(db).where('users.id', '=', id).executeTakeFirst();
}

export function findUserRowByUsername(db: DbOrTrx, username: string): Promise<UserRow | undefined> {
  return selectUsers(db).where('users.username', '=', username).executeTakeFirst();
}

export async function listUserRows(db: DbOrTrx): Promise<UserRow[]> {
  return selectUsers(db).orderBy('users.id').execute();
}

export async function insertUserRow(db: DbOrTrx, row: Insertable<UsersTable>): Promise<UserRow> {
  const inserted = await db.insertInto('users').values(row).returning('id').executeTakeFirstOrThrow();
  return (await findUserRowById(db, Number(inserted.id))) as UserRow;
}

export async function updateUserRow(
  db: DbOrTrx,
  id: number,
  patch: Updateable<UsersTable>,
): Promise<UserRow> {
  await db.updateTable('users').set(patch).where('id', '=', id).executeTakeFirstOrThrow();
  const row = await findUserRowById(db, id);
  if (!row) throw new Error(`user ${id} vanished while being updated`);
  return row;
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
