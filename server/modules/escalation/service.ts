import type { Escalation } from '@shared/schemas/escalation';
import type { DbOrTrx } from '../../db/database';
import { DutyError, notFound } from '../../errors';
import type { Tx } from '../../events/command';
import { type Raiser, raiseOnce } from '../../jobs/raise-once';
import { nowStored } from '../../time';
import { findEscalation, listEscalations, markAcknowledged } from './repo';
import { escalationSteps } from './steps';
import { claimTriggers, dueTriggers } from './triggers';

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
/**
 * A pass over the log's triggers is one command (one transaction, one commit): every report is a
 * trigger, and a commit for each would double what a report costs the disk.
 */
export const raiseEscalationTriggers: Raiser = async (app) => {
  const { after, triggers } = await dueTriggers(app.db);
  if (triggers.length === 0) return 0;
  return app.command('system', async (tx) => {
    const events = await claimTriggers(tx.trx, after, triggers);
    for (const event of events) await tx.record(event);
    return events.length;
  });
};
export const raiseEscalationSteps: Raiser = (app) =>
  raiseOnce(escalationSteps(app.config.escalationGatewayUrl))(app);

export { scanEscalationMessages } from './sender';
export { getEscalationSettings, putEscalationSettings } from './settings';
