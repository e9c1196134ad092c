import type { FastifyInstance } from 'fastify';
import { nowStored } from '../../time';
import { findSpotCheck, markMissed, overdueUnraised } from './repo';

const BATCH = 100;

/**
 * Raises spotcheck.missed for every spot-check left unanswered past its limit. The claiming update
 * and the event share one transaction, so each is raised exactly once: across restarts and with
 * several nodes scanning the same database. An answer that comes later makes it late, not unmissed.
 */
export async function raiseMissedSpotChecks(app: FastifyInstance): Promise<number> {
  const now = nowStored(app.clock);
  let raised = 0;
  for (const id of await overdueUnraised(app.db, now, BATCH)) {
    await app.command('system', async (tx) => {
      if (!(await markMissed(tx.trx, id, now))) return;
      const spotCheck = (await findSpotCheck(tx.trx, id))!;
      await tx.record({ type: 'spotcheck.missed', subject: `spotcheck:${id}`, payload: { spotCheck } });
      raised += 1;
    });
  }
  return raised;
}
