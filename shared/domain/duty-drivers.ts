import { dutyDayBounds } from './duty-day';
import type { LocalDate } from './roster-types';

/**
 * A warning or emergency response as the duty sees it (the contract of server/modules/warnings:
 * dutyDrivers). from / to are UTC ISO instants; to null = still in force.
 */
export interface DutyDriver {
  kind: 'warning' | 'response';
  id: number;
  label: string;
  level: 'red' | 'orange' | 'yellow' | 'blue' | 'I' | 'II' | 'III' | 'IV';
  from: string;
  to: string | null;
}

export type WarningColour = 'red' | 'orange' | 'yellow' | 'blue';

const COLOUR_RANK: Record<WarningColour, number> = { blue: 1, yellow: 2, orange: 3, red: 4 };

/**
 * What a driver asks of the duty, or null when it does not strengthen it: a warning below the
 * configured colour does not; any response does. Red and Ⅰ–Ⅲ-level responses want the leader in
 * the duty room (领导在岗带班); orange and Ⅳ want the strengthened minimum (two officers).
 */
export function driverDemand(driver: DutyDriver, threshold: WarningColour): { leaderOnSite: boolean } | null {
  if (driver.kind === 'warning') {
    const rank = COLOUR_RANK[driver.level as WarningColour];
    if (rank === undefined || rank < COLOUR_RANK[threshold]) return null;
    return { leaderOnSite: driver.level === 'red' };
  }
  return { leaderOnSite: driver.level !== 'IV' };
}

/**
 * Whether a driver's [from, to) overlaps duty day `day` (hand-over to hand-over, not midnight to
 * midnight). A driver still in force lasts until `asOf` (at least its own start) when given, else
 * for ever.
 */
export function driverTouches(
  driver: DutyDriver,
  day: LocalDate,
  zone: string,
  handoverTime: string,
  asOf?: string,
): boolean {
  const { start, end } = dutyDayBounds(day, zone, handoverTime);
  const from = Date.parse(driver.from);
  const to =
    driver.to !== null
      ? Date.parse(driver.to)
      : asOf !== undefined
        ? Math.max(Date.parse(asOf), from) + 1
        : Number.POSITIVE_INFINITY;
  return from < end.getTime() && start.getTime() < to;
}
