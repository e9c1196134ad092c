import { dutyDayOf } from '@shared/domain/duty-day';
import { staffingFor } from '@shared/domain/staffing';
import type { DutyNow } from '@shared/schemas/attendance';
import type { DbOrTrx } from '../../db/database';
import { toStored } from '../../time';
import { monthsBetween, nextShiftsAfter, rosterContext, shiftsOverlapping } from '../roster/service';
import { getDutySettings } from '../settings/service';

/** Who is (was, will be) on duty at an instant. */
export async function dutyAt(db: DbOrTrx, zone: string, at: Date): Promise<DutyNow> {
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
  const ctx = await rosterContext(db, zone, dutyDate, dutyDate);
  const staffing = staffingFor(dutyDate, ctx);
  const officers = current.filter((s) => s.role === 'officer');
  const month = (await monthsBetween(db, dutyDate.slice(0, 7), dutyDate.slice(0, 7)))[0];
  return {
    at: atStored,
    dutyDate,
    zone,
    officers,
    leaders: current.filter((s) => s.role === 'leader'),
    backups: current.filter((s) => s.role === 'backup'),
    shiftEnd: officers.length ? officers.map((s) => s.end).sort()[0]! : null,
    next,
    officersRequired: staffing.officers,
    leadersRequired: staffing.leaders,
    strengthened: staffing.strengthened,
    reasons: staffing.reasons,
    published: month?.status === 'published',
  };
}
