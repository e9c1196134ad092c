import { staffingFor } from '@shared/domain/staffing';
import { type Raiser, raiseOnce, type Timer } from '../../jobs/raise-once';
import { toStored } from '../../time';
import { claimMissedCheckIn, dueLeaderCheckIns, dueMissedCheckIns, rosterContext } from '../roster/service';
import { getDutySettings } from '../settings/service';

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

/**
 * attendance.missed for a leader: when the duty day wants the leader in the duty room (a red
 * warning, a Ⅲ-level response or above: DESIGN §2.5), a rostered leader under way with no check-in
 * past the check-in time is a missed post, like an officer's. Raised at most once per shift; a
 * warning issued later in the day raises it from then on.
 */
function missedLeaderPosts(zone: string): Timer<number> {
  return {
    async due(db, now) {
      const settings = await getDutySettings(db);
      const startedBefore = toStored(new Date(Date.parse(now) - settings.checkInAfterMinutes * 60_000));
      const candidates = await dueLeaderCheckIns(db, now, startedBefore, 100);
      const ids: number[] = [];
      for (const { id, dutyDate } of candidates) {
        const ctx = await rosterContext(db, zone, dutyDate, dutyDate, new Date(now));
        if (staffingFor(dutyDate, ctx).leaderOnSite) ids.push(id);
      }
      return ids;
    },
    claim: missedCheckIns.claim,
  };
}

export const raiseMissedLeaderPosts: Raiser = (app) => raiseOnce(missedLeaderPosts(app.config.tzName))(app);
