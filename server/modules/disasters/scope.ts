import { DISTRICT_PATH } from '@shared/domain/district';
import type { DbOrTrx } from '../../db/database';
import { notFound } from '../../errors';
import type { DisasterCaller, DisasterRow } from './types';

export const isDistrict = (caller: { unitPath: string }) => caller.unitPath === DISTRICT_PATH;

/** The township a unit path belongs to (`/1/4/` and `/1/4/12/` → 4); null for the district. */
export function townshipOfPath(path: string): number | null {
  const ids = path.split('/').filter(Boolean);
  return ids.length >= 2 ? Number(ids[1]) : null;
}

/** The path of a township's own unit (`/1/4/`), from any path at or below it. */
export function townshipPath(path: string): string {
  const ids = path.split('/').filter(Boolean);
  return `/${ids.slice(0, 2).join('/')}/`;
}

/** The filings a caller sees: every one for the district, its own unit's and those below it for a unit (§2.7). */
export const sightPath = (caller: { unitPath: string }) =>
  isDistrict(caller) ? DISTRICT_PATH : caller.unitPath;

/**
 * The township's rows (its figures, victims and obligations) are the township's own: the district and
 * the township see them; a community or village under it sees only its own filings, never its
 * township's list of the dead nor a sibling community's report.
 */
export const belowTownship = (caller: { unitPath: string }) =>
  !isDistrict(caller) && townshipPath(caller.unitPath) !== caller.unitPath;

/** The disaster row when the caller may see it (the district; a unit whose township is affected); else 404. */
export async function disasterInSight(
  db: DbOrTrx,
  caller: Pick<DisasterCaller, 'unitPath'>,
  id: number,
): Promise<DisasterRow> {
  const row = await db.selectFrom('disasters').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) notFound(`disaster ${id}`);
  if (isDistrict(caller)) return row;
  const township = townshipOfPath(caller.unitPath);
  const affected =
    township !== null &&
    (await db
      .selectFrom('disaster_units')
      .select('unit_id')
      .where('disaster_id', '=', id)
      .where('unit_id', '=', township)
      .executeTakeFirst()) !== undefined;
  if (!affected) notFound(`disaster ${id}`);
  return row;
}
