import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import type { UnitKind, UnitsTable } from './table';

/**
 * The units module's front door: the tree of the duty network (DESIGN 2.7) and the one rule of
 * scope: a viewer sees a unit when the unit's path starts with the viewer's own path.
 */
export type { UnitKind } from './table';

/** The district, the root of the tree: created by the migration, id 1. */
export const ROOT_UNIT_ID = 1;
export const ROOT_UNIT_PATH = '/1/';

export interface Unit {
  id: number;
  parentId: number | null;
  kind: UnitKind;
  name: string;
  code: string;
  path: string;
  phone: string;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export function toUnit(row: Selectable<UnitsTable>): Unit {
  return {
    id: Number(row.id),
    parentId: row.parent_id === null ? null : Number(row.parent_id),
    kind: row.kind,
    name: row.name,
    code: row.code,
    path: row.path,
    phone: row.phone,
    enabled: Number(row.enabled) === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Whether a viewer of `viewerPath` may see what belongs to `path` (its own unit or one below). */
export function isWithin(viewerPath: string, path: string): boolean {
  return path.startsWith(viewerPath);
}

export async function getUnit(db: DbOrTrx, id: number): Promise<Unit | undefined> {
  const row = await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUnit(row) : undefined;
}

/** The units at or below `underPath` (default: all), in tree order (by path). */
export async function listUnits(db: DbOrTrx, underPath: string = ROOT_UNIT_PATH): Promise<Unit[]> {
  const rows = await db
    .selectFrom('units')
    .selectAll()
    .where('path', 'like', `${underPath}%`)
    .orderBy('path')
    .execute();
  // `like` treats `_` and `%` as wildcards; paths hold digits and slashes only, but check anyway.
  return rows.filter((r) => isWithin(underPath, r.path)).map(toUnit);
}

/**
 * A path under which nothing lies: the scope of a caller whose unit is unknown (units are never
 * deleted, so only a row edited by hand) sees nothing rather than everything.
 */
export const NO_UNIT_PATH = '/0/';

/** The path of a unit; `NO_UNIT_PATH` for an unknown id. */
export async function unitPathOf(db: DbOrTrx, id: number): Promise<string> {
  const row = await db.selectFrom('units').select('path').where('id', '=', id).executeTakeFirst();
  return row?.path ?? NO_UNIT_PATH;
}
