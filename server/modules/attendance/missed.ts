import type { Timer } from '../../jobs/raise-once';
import { claimMissedCheckIn, dueMissedCheckIns } from '../roster/service';

/**
 * attendance.missed, once for every published officer shift whose check-in time passed with no
 * check-in (the scanner raises it: server/jobs/scanner.ts).
 */
export const missedCheckIns: Timer<number> = {
  due: (db, now) => dueMissedCheckIns(db, now, 100),
  async claim(trx, id, now) {
    const shift = await claimMissedCheckIn(trx, id, now);
    return shift && { type: 'attendance.missed', subject: `shift:${id}`, payload: { shift } };
  },
};
