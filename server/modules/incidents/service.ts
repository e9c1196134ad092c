import type { DbOrTrx } from '../../db/database';

export { incidentHops, openFirstHop, reportsFromBelow, takeHop, type UnitCaller } from './hops';
/**
 * The incidents module's front door: what other modules, the scanner and the demo seed may use.
 * The work is split by concern (intake, lifecycle, reports, queries, overdue); routes use those
 * files directly, everyone else comes through here.
 */
// The idempotent intake (Idempotency-Key), shared with the warnings intake.
export { requestHash, runIdempotent } from './idempotency';
export { createIncident } from './intake';
export { acknowledgeIncident, addAction, closeIncident, patchIncident, verifyIncident } from './lifecycle';
export { overdueObligations } from './overdue';
export { getDeadlinePolicy } from './policy';
export { handoverIncidents, handoverWork, incidentDetail, listIncidents } from './queries';
export { draftFor, type SendReport, sendReport } from './reports';

/** Whether any incident was ever recorded (the demo seeds an empty database only). */
export async function anyIncident(db: DbOrTrx): Promise<boolean> {
  return (await db.selectFrom('incidents').select('id').limit(1).executeTakeFirst()) !== undefined;
}
