import type { DutySettings } from '../schemas/settings';
import type { DutyPeriod, LocalDate, RosterContext, Staffing } from './roster-types';

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
 * The staffing minimum of duty day `day`. Every strengthening that applies (season or period) is a
 * candidate; the highest officers and the highest leaders win separately, and strengthening never
 * goes below the normal minimum. A make-up workday (调休) is a calendar fact, not strengthened duty.
 */
export function staffingFor(day: LocalDate, ctx: RosterContext): Staffing {
  const { settings } = ctx;
  const strong = settings.strengthenedStaffing;
  const raises: { officers: number; leaders: number; reason: string }[] = [];
  if (inSeason(day, settings.floodSeason)) raises.push({ ...strong, reason: '汛期' });
  if (inSeason(day, settings.fireSeason)) raises.push({ ...strong, reason: '防火期' });
  for (const p of periodsOn(day, ctx.periods)) {
    if (p.kind === 'makeup_workday') continue;
    raises.push({
      officers: p.officers ?? strong.officers,
      leaders: p.leaders ?? strong.leaders,
      reason: p.name,
    });
  }
  return {
    officers: Math.max(settings.staffing.officers, ...raises.map((r) => r.officers)),
    leaders: Math.max(settings.staffing.leaders, ...raises.map((r) => r.leaders)),
    strengthened: raises.length > 0,
    reasons: [...new Set(raises.map((r) => r.reason))],
  };
}
