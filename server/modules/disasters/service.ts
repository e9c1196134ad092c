/**
 * Natural disasters (灾害过程, DESIGN §2.6, PLAN-17): the process, per-township figures (快报表),
 * the 因灾死亡失踪人员 list, the clocks and the stored obligations. Other modules use it through
 * this file only.
 *
 * Scope: the district sees every disaster; a unit (township, community) sees a disaster only when
 * its township is affected. A township then sees only its own figures, filings, victims and
 * obligations (its totals are its own); a community or village only its own filings and figures.
 * An unseen id is a 404, never a 403.
 *
 * The work is split by concern: scope (who sees what), figures, views, the process (create, update,
 * state), filings, victims and obligations (the clocks, the overdue timer). Routes use those files
 * directly, everyone else comes through here.
 */

export { districtFigures } from './figures';
export { dailyFilings, fileFigures, listFilings } from './filings';
export {
  raiseOverdueDisasterObligations,
  refreshDisasterObligations,
  refreshOpenDisasters,
  reportOnTime,
} from './obligations';
export { changeDisasterState, createDisaster, updateDisaster } from './process';
export { disasterInSight, townshipOfPath } from './scope';
export type { DisasterCaller, DisasterRow } from './types';
export { addVictim, listVictims, removeVictim, updateVictim } from './victims';
export { listDisasters, loadDisaster } from './views';
