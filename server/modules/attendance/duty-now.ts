import { dutyDayOf } from '@shared/domain/duty-day';
import { dutyShortfall } from '@shared/domain/duty-shortfall';
import { staffingFor } from '@shared/domain/staffing';
import type { DutyNow } from '@shared/schemas/attendance';
import type { Shift } from '@shared/schemas/roster';
import type { DbOrTrx } from '../../db/database';
import { toStored } from '../../time';
import { monthsBetween, nextShiftsAfter, rosterContext, shiftsOverlapping } from '../roster/service';
import { getDutySettings } from '../settings/service';
import { listUsers } from '../users/service';

/**
 * Who is (was, will be) on duty at an instant, what the duty day asks for and how the post falls
 * short of it. `withPhones` (administrators): who to call, qualified people not in the room.
 */
export async function dutyAt(
  db: DbOrTrx,
  zone: string,
  at: Date,
  options: { withPhones?: boolean } = {},
): Promise<DutyNow> {
  const atStored = toStored(at);
  const after = toStored(new Date(at.getTime() + 1));
  const [current, next] = await Promise.all([
    shiftsOverlapping(db, atStored, after),
    nextShiftsAfter(db, atStored),
  ]);
  // Periods are duty days in the bureau's zone: the instant's UTC date is another day around the
  // hand-over (08:00–08:30 in Shanghai, the evening in New York), so find the duty day first.
  const { handoverTime } = await getDutySettings(db);
  const dutyDate = dutyDayOf(at, zone, handoverTime);
  // A warning still in force is taken to last until the instant asked about.
  const ctx = await rosterContext(db, zone, dutyDate, dutyDate, at);
  const staffing = staffingFor(dutyDate, ctx);
  const officers = current.filter((s) => s.role === 'officer');
  const leaders = current.filter((s) => s.role === 'leader');
  const standing = (s: Shift) => ({ userId: s.userId, checkedIn: s.checkInAt !== null });
  const shortfall = dutyShortfall(
    staffing,
    { officers: officers.map(standing), leaders: leaders.map(standing) },
    ctx.settings.staffing,
  );
  const month = (await monthsBetween(db, dutyDate.slice(0, 7), dutyDate.slice(0, 7)))[0];
  return {
    at: atStored,
    dutyDate,
    zone,
    officers,
    leaders,
    backups: current.filter((s) => s.role === 'backup'),
    shiftEnd: officers.length ? officers.map((s) => s.end).sort()[0]! : null,
    next,
    officersRequired: staffing.officers,
    leadersRequired: staffing.leaders,
    strengthened: staffing.strengthened,
    reasons: staffing.reasons,
    leaderOnSite: staffing.leaderOnSite,
    causes: staffing.causes,
    shortfall,
    toCall: options.withPhones && shortfall.length ? await whoToCall(db, shortfall, officers, leaders) : [],
    published: month?.status === 'published',
  };
}

/**
 * Qualified, enabled people holding the missing role who are not already standing it: for a leader
 * who must be in the room, the rostered leaders not checked in come first, then the other leaders.
 */
async function whoToCall(
  db: DbOrTrx,
  shortfall: DutyNow['shortfall'],
  officers: Shift[],
  leaders: Shift[],
): Promise<DutyNow['toCall']> {
  const users = (await listUsers(db)).filter((u) => u.enabled && u.qualified);
  const out: DutyNow['toCall'] = [];
  const add = (u: (typeof users)[number], rostered: boolean) => {
    if (!out.some((o) => o.userId === u.id))
      out.push({
        userId: u.id,
        displayName: u.displayName || u.username,
        phone: u.phone,
        roles: u.roles,
        rostered,
      });
  };
  const needs = new Set(shortfall.map((s) => s.need));
  if (needs.has('leader_on_site'))
    for (const s of leaders.filter((l) => l.checkInAt === null)) {
      const u = users.find((x) => x.id === s.userId);
      if (u) add(u, true);
    }
  if (needs.has('leaders') || needs.has('leader_on_site'))
    for (const u of users.filter(
      (x) => x.roles.includes('leader') && !leaders.some((l) => l.userId === x.id),
    ))
      add(u, false);
  if (needs.has('officers'))
    for (const u of users.filter(
      (x) => x.roles.includes('officer') && !officers.some((o) => o.userId === x.id),
    ))
      add(u, false);
  return out;
}
