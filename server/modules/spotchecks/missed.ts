import type { Timer } from '../../jobs/raise-once';
import { findSpotCheck, markMissed, overdueUnraised } from './repo';

/**
 * spotcheck.missed, once for every spot-check left unanswered past its limit (the scanner raises
 * it: server/jobs/scanner.ts). An answer that comes later makes it late, not unmissed.
 */
export const missedSpotChecks: Timer<number> = {
  due: (db, now) => overdueUnraised(db, now, 100),
  async claim(trx, id, now) {
    if (!(await markMissed(trx, id, now))) return undefined;
    const spotCheck = (await findSpotCheck(trx, id))!;
    return { type: 'spotcheck.missed', subject: `spotcheck:${id}`, payload: { spotCheck } };
  },
};
