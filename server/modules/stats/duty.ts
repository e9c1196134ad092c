import { addDays, dutyDayBounds, dutyDayOf } from '@shared/domain/duty-day';
import type { Stats } from '@shared/schemas/stats';
import type { DbOrTrx } from '../../db/database';
import { hoursReport } from '../roster/service';
import { getDutySettings } from '../settings/service';
import { countWhere, num, type StatsScope, wholeDistrict } from './scope';
import { spread } from './spread';

/** Shifts starting in the period: checked in on time, late, or missed (alerted, never checked in). */
async function checkIns(db: DbOrTrx, s: StatsScope): Promise<Stats['duty']['checkIns']> {
  const row = await db
    .selectFrom('roster_shifts')
    .where('start_at', '>=', s.from)
    .where('start_at', '<', s.to)
    .select((eb) => [
      countWhere(eb, eb.and([eb('check_in_at', 'is not', null), eb('check_in_late', '=', 0)])).as('on_time'),
      countWhere(eb, eb.and([eb('check_in_at', 'is not', null), eb('check_in_late', '=', 1)])).as('late'),
      countWhere(eb, eb.and([eb('check_in_at', 'is', null), eb('missed_raised_at', 'is not', null)])).as(
        'missed',
      ),
    ])
    .executeTakeFirstOrThrow();
  return { onTime: num(row.on_time), late: num(row.late), missed: num(row.missed) };
}

/** Spot-checks issued in the period, by status as the spot-check module derives it (answered beats missed). */
async function spotChecks(db: DbOrTrx, s: StatsScope): Promise<Stats['duty']['spotChecks']> {
  const inPeriod = db
    .selectFrom('spot_checks')
    .where('issued_at', '>=', s.from)
    .where('issued_at', '<', s.to);
  const row = await inPeriod
    .select((eb) => [
      eb.fn.countAll().as('issued'),
      countWhere(
        eb,
        eb.and([eb('answered_at', 'is not', null), eb('answered_at', '<=', eb.ref('due_at'))]),
      ).as('answered'),
      countWhere(eb, eb('answered_at', '>', eb.ref('due_at'))).as('late'),
      countWhere(eb, eb.and([eb('answered_at', 'is', null), eb('missed_raised_at', 'is not', null)])).as(
        'missed',
      ),
    ])
    .executeTakeFirstOrThrow();
  const answers = await inPeriod
    .select(['issued_at', 'answered_at'])
    .where('answered_at', 'is not', null)
    .execute();
  const seconds = answers.map((a) => (Date.parse(a.answered_at!) - Date.parse(a.issued_at)) / 1000);
  return {
    issued: num(row.issued),
    answered: num(row.answered),
    late: num(row.late),
    missed: num(row.missed),
    medianAnswerSeconds: spread(seconds).median,
  };
}

async function swaps(db: DbOrTrx, s: StatsScope): Promise<Stats['duty']['swaps']> {
  const row = await db
    .selectFrom('swaps')
    .where('requested_at', '>=', s.from)
    .where('requested_at', '<', s.to)
    .select((eb) => [
      eb.fn.countAll().as('requested'),
      countWhere(eb, eb('status', '=', 'approved')).as('approved'),
      countWhere(eb, eb('status', '=', 'rejected')).as('rejected'),
    ])
    .executeTakeFirstOrThrow();
  return { requested: num(row.requested), approved: num(row.approved), rejected: num(row.rejected) };
}

/**
 * The duty days whose hand-over falls within [from, to); a period shorter than that (this shift)
 * takes the duty day under way at `from`.
 */
export function dutyDaysOf(
  from: Date,
  to: Date,
  zone: string,
  handover: string,
): { from: string; to: string } {
  let first = dutyDayOf(from, zone, handover);
  if (dutyDayBounds(first, zone, handover).start < from) first = addDays(first, 1);
  const last = dutyDayOf(new Date(to.getTime() - 1), zone, handover);
  return last < first ? { from: addDays(first, -1), to: addDays(first, -1) } : { from: first, to: last };
}

/** A unit's statistics carry no duty record: roster, check-ins, spot-checks and swaps are the district room's. */
const NO_DUTY_RECORD: Stats['duty'] = {
  checkIns: { onTime: 0, late: 0, missed: 0 },
  spotChecks: { issued: 0, answered: 0, late: 0, missed: 0, medianAnswerSeconds: null },
  swaps: { requested: 0, approved: 0, rejected: 0 },
  hours: [],
};

export async function dutyRecord(db: DbOrTrx, s: StatsScope, zone: string): Promise<Stats['duty']> {
  if (!wholeDistrict(s)) return NO_DUTY_RECORD;
  const { handoverTime } = await getDutySettings(db);
  const days = dutyDaysOf(new Date(s.from), new Date(s.to), zone, handoverTime);
  return {
    checkIns: await checkIns(db, s),
    spotChecks: await spotChecks(db, s),
    swaps: await swaps(db, s),
    hours: await hoursReport(db, zone, days.from, days.to),
  };
}
