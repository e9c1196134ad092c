import type { Escalation } from '@shared/schemas/escalation';
import type { DbOrTrx } from '../../db/database';
import { DutyError, notFound } from '../../errors';
import type { Tx } from '../../events/command';
import { type Raiser, raiseAllOnce, raiseOnce } from '../../jobs/raise-once';
import { nowStored } from '../../time';
import { findEscalation, listEscalations, markAcknowledged } from './repo';
import { escalationSteps } from './steps';
import { escalationTriggers } from './triggers';

/** Escalations on view: the active ones (the console's banner), or every recent one. */
export async function escalations(db: DbOrTrx, active: boolean): Promise<Escalation[]> {
  return listEscalations(db, active);
}

/** The leader on call acknowledges: the chain stops, once. */
export async function acknowledgeEscalation(tx: Tx, id: number): Promise<Escalation> {
  const found = await findEscalation(tx.trx, id);
  if (!found) notFound(`escalation ${id}`);
  if (!(await markAcknowledged(tx.trx, id, nowStored(tx.clock), tx.actor)))
    throw new DutyError(
      'DUTY_ERR_ALREADY_DONE',
      `escalation ${id} was already acknowledged by ${found.acknowledgedBy}`,
    );
  const escalation = (await findEscalation(tx.trx, id))!;
  await tx.record({ type: 'escalation.acknowledged', subject: `escalation:${id}`, payload: { escalation } });
  return escalation;
}

/** The scanner's raisers (server/jobs/scanner.ts): triggers before steps, so an acknowledgement read in this pass stops a step. */
// A pass over the log's triggers is one transaction: every report is one, most start nothing.
export const raiseEscalationTriggers: Raiser = raiseAllOnce(escalationTriggers);
export const raiseEscalationSteps: Raiser = (app) =>
  raiseOnce(escalationSteps(app.config.escalationGatewayUrl))(app);

export { scanEscalationMessages } from './sender';
export { getEscalationSettings, putEscalationSettings } from './settings';
