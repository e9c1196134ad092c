import type { DbOrTrx } from '../../db/database';
import { displayNames as usersDisplayNames } from '../users/service';

/** The people's display names by username (the users module's reading; `system` reads 系统). */
export async function displayNames(db: DbOrTrx, usernames: string[]): Promise<Map<string, string>> {
  return new Map(Object.entries(await usersDisplayNames(db, usernames)));
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
