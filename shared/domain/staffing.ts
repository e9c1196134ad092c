import type { DutySettings } from '../schemas/settings';
import { DEFAULT_DUTY_SETTINGS } from '../schemas/settings';
import { driverDemand, driverTouches } from './duty-drivers';
import { keyFestivalOn, SHIPPED_CALENDAR } from './official-calendar';
import type { DutyPeriod, LocalDate, RosterContext, Staffing, StaffingCause } from './roster-types';

type Season = DutySettings['floodSeason'];

/** The periods whose inclusive date range contains `day`. */
export function periodsOn(day: LocalDate, periods: DutyPeriod[]): DutyPeriod[] {
  return periods.filter((p) => p.fromDate <= day && day <= p.toDate);
}

/** Whether `day` falls in a yearly MM-DD range; a range whose end is before its start wraps the new year. */
export function inSeason(day: LocalDate, season: Season): boolean {
  if (!season) return false;
  const monthDay = day.slice(5, 10);
  return season.from <= season.to
    ? season.from <= monthDay && monthDay <= season.to
    : monthDay >= season.from || monthDay <= season.to;
}

/**
 * Everything that strengthens duty day `day`, each with what it asks for: seasons, declared periods,
 * 重点时段 of the official calendar (the days off of the key festivals), and the warnings and
 * responses (DESIGN §2.5) whose time overlaps the duty day (hand-over to hand-over).
 */
export function staffingCauses(day: LocalDate, ctx: RosterContext): StaffingCause[] {
  const { settings } = ctx;
  const strong = settings.strengthenedStaffing;
  const plain = { id: null, level: null, leaderOnSite: false, ...strong };
  const causes: StaffingCause[] = [];
  if (inSeason(day, settings.floodSeason)) causes.push({ ...plain, kind: 'season', label: '汛期' });
  if (inSeason(day, settings.fireSeason)) causes.push({ ...plain, kind: 'season', label: '防火期' });
  for (const p of periodsOn(day, ctx.periods)) {
    if (p.kind === 'makeup_workday') continue;
    causes.push({
      ...plain,
      kind: 'period',
      label: p.name,
      id: p.id,
      officers: p.officers ?? strong.officers,
      leaders: p.leaders ?? strong.leaders,
      leaderOnSite: p.leaderOnSite ?? false,
    });
  }
  const festivals = settings.keyFestivals ?? DEFAULT_DUTY_SETTINGS.keyFestivals ?? [];
  const key = keyFestivalOn(day, festivals, ctx.calendar ?? SHIPPED_CALENDAR);
  if (key) causes.push({ ...plain, kind: 'key_period', label: key.name ?? key.festival ?? '' });
  const threshold = settings.warningLevel ?? DEFAULT_DUTY_SETTINGS.warningLevel ?? 'orange';
  for (const driver of ctx.drivers ?? []) {
    const demand = driverDemand(driver, threshold);
    if (!demand || !driverTouches(driver, day, ctx.zone, settings.handoverTime, ctx.asOf)) continue;
    causes.push({
      kind: driver.kind,
      label: driver.label,
      id: driver.id,
      level: driver.level,
      officers: strong.officers,
      leaders: strong.leaders,
      leaderOnSite: demand.leaderOnSite,
    });
  }
  return causes;
}

/**
 * The staffing minimum of duty day `day`. Every strengthening that applies is a candidate; the
 * highest officers and the highest leaders win separately, a leader in the room is asked when any
 * cause asks for it, and strengthening never goes below the normal minimum. A make-up workday (调休)
 * is a calendar fact, not strengthened duty.
 */
export function staffingFor(day: LocalDate, ctx: RosterContext): Staffing {
  const { settings } = ctx;
  const causes = staffingCauses(day, ctx);
  return {
    officers: Math.max(settings.staffing.officers, ...causes.map((c) => c.officers)),
    leaders: Math.max(settings.staffing.leaders, ...causes.map((c) => c.leaders)),
    leaderOnSite: causes.some((c) => c.leaderOnSite),
    strengthened: causes.length > 0,
    reasons: [...new Set(causes.map((c) => c.label))],
    causes,
  };
}
