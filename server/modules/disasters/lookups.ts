import type { DbOrTrx } from '../../db/database';

export async function displayNames(db: DbOrTrx, usernames: string[]): Promise<Map<string, string>> {
  const names = [...new Set(usernames)];
  const map = new Map<string, string>([['system', '系统']]);
  if (names.length === 0) return map;
  const rows = await db
    .selectFrom('users')
    .select(['username', 'display_name'])
    .where('username', 'in', names)
    .execute();
  for (const r of rows) map.set(r.username, r.display_name);
  return map;
}

export async function unitNames(db: DbOrTrx, ids: number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('units').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [Number(r.id), r.name]));
}

export async function affectedTownships(
  db: DbOrTrx,
  disasterId: number,
): Promise<{ id: number; name: string; path: string }[]> {
  const rows = await db
    .selectFrom('disaster_units')
    .innerJoin('units', 'units.id', 'disaster_units.unit_id')
    .select(['units.id', 'units.name', 'units.path'])
    .where('disaster_units.disaster_id', '=', disasterId)
    .orderBy('units.path')
    .execute();
  return rows.map((r) => ({ id: Number(r.id), name: r.name, path: r.path }));
}
