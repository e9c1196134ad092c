import type { DisasterFigures } from '@shared/domain/disasters';
import { ZERO_FIGURES } from '@shared/domain/disasters';
import type { Disaster, Filing, FilingBody, TownshipFigures, Victim } from '@shared/schemas/disasters';
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import { notFound } from '../../errors';
import type { Tx } from '../../events/command';
import type { DisastersTable } from './table';

/**
 * Natural disasters (灾害过程, DESIGN §2.6, PLAN-17): the process, per-township figures, victims,
 * clocks and obligations. Other modules use these through this file only.
 */

/** Who acts: a person of a unit (the district is unit 1). */
export interface DisasterCaller {
  userId: number;
  username: string;
  unitId: number;
  unitPath: string;
  roles: string[];
}

export type DisasterRow = Selectable<DisastersTable>;

/** The disaster row when the caller may see it (the district; a unit whose township is affected); else 404. */
export async function disasterInSight(
  db: DbOrTrx,
  _caller: DisasterCaller,
  id: number,
): Promise<DisasterRow> {
  const row = await db.selectFrom('disasters').selectAll().where('id', '=', id).executeTakeFirst();
  return row ?? notFound(`disaster ${id}`);
}

/** The scoped view of one disaster. */
export async function loadDisaster(
  _db: DbOrTrx,
  _id: number,
  _caller: DisasterCaller,
  _now: Date,
  _zone: string,
): Promise<Disaster> {
  throw new Error('loadDisaster: not implemented yet');
}

/** Files a unit's figures (one event); returns the filing. */
export async function fileFigures(
  _tx: Tx,
  _zone: string,
  _caller: DisasterCaller,
  _disasterId: number,
  _body: FilingBody,
): Promise<Filing> {
  throw new Error('fileFigures: not implemented yet');
}

/** Each affected township's latest figures and their sum. */
export async function districtFigures(
  _db: DbOrTrx,
  _disasterId: number,
): Promise<{ totals: DisasterFigures; townships: TownshipFigures[] }> {
  return { totals: { ...ZERO_FIGURES }, townships: [] };
}

/** Recomputes and stores the disaster's obligations (after a report is sent, a filing, a change). */
export async function refreshDisasterObligations(
  _tx: Tx,
  _disasterId: number,
  _zone: string,
): Promise<void> {}

/** The daily filings of one local date (for the zero-report tool). */
export async function dailyFilings(_db: DbOrTrx, _disasterId: number, _forDate: string): Promise<Filing[]> {
  return [];
}

/** The 因灾死亡失踪人员 list the caller may see. */
export async function listVictims(
  _db: DbOrTrx,
  _disasterId: number,
  _caller: DisasterCaller,
): Promise<Victim[]> {
  return [];
}
