import {
  addDays,
  dutyDayBounds,
  dutyDayOf,
  localDateOf,
  localToInstant,
  monthRange,
} from '@shared/domain/duty-day';
import type { DutyNow } from '@shared/schemas/attendance';
import type { DutySettings } from '@shared/schemas/settings';
import type { StatsBucket } from '@shared/schemas/stats';

export type PeriodKind = 'shift' | 'today' | 'week' | 'month' | 'year' | 'custom';
export const PERIOD_KINDS: PeriodKind[] = ['shift', 'today', 'week', 'month', 'year', 'custom'];

export interface PeriodChoice {
  kind: PeriodKind;
  /** Custom only: calendar dates, both included. */
  fromDay: string;
  toDay: string;
}

export interface Range {
  from: string;
  to: string;
}

export interface PeriodDeps {
  now: number;
  zone: string;
  /** Today's calendar date in the bureau zone. */
  today: string;
  dutyNow: () => Promise<DutyNow>;
  settings: () => Promise<DutySettings>;
}

const DAY_MS = 86_400_000;
/** The API answers at most 400 days at once. */
export const MAX_DAYS = 400;

const midnight = (day: string, zone: string) => localToInstant(`${day}T00:00`, zone).getTime();

/** Monday = 1 … Sunday = 7, of a calendar date. */
function isoWeekday(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

/** First day and the day after the last, of the calendar week, month or year holding `today`. */
export function calendarSpan(
  kind: 'week' | 'month' | 'year',
  today: string,
): { first: string; after: string } {
  if (kind === 'week') {
    const first = addDays(today, 1 - isoWeekday(today));
    return { first, after: addDays(first, 7) };
  }
  if (kind === 'month') {
    const { from, to } = monthRange(today.slice(0, 7));
    return { first: from, after: addDays(to, 1) };
  }
  const year = Number(today.slice(0, 4));
  return { first: `${year}-01-01`, after: `${year + 1}-01-01` };
}

/** [start, end) as ISO instants, ending now while the period is still under way: figures so far. */
export function clampToNow(start: number, end: number, now: number): Range {
  const to = start < now && now < end ? now : end;
  return { from: new Date(start).toISOString(), to: new Date(to).toISOString() };
}

/** Why a custom range cannot be asked for, or null when it can. */
export function customProblem(choice: PeriodChoice): 'pick' | 'tooLong' | null {
  if (choice.kind !== 'custom') return null;
  if (!choice.fromDay || !choice.toDay) return 'pick';
  const [a, b] = [choice.fromDay, choice.toDay].sort() as [string, string];
  return (Date.parse(b) - Date.parse(a)) / DAY_MS + 1 > MAX_DAYS ? 'tooLong' : null;
}

/** The instants a period choice stands for, read at `deps.now`. */
export async function resolvePeriod(choice: PeriodChoice, deps: PeriodDeps): Promise<Range> {
  const { now, zone } = deps;
  switch (choice.kind) {
    case 'shift': {
      // The officers now on duty came on at their shift start; with nobody rostered, the duty day's.
      const duty = await deps.dutyNow();
      const starts = duty.officers.map((s) => Date.parse(s.start)).filter((at) => at <= now);
      if (starts.length > 0)
        return { from: new Date(Math.min(...starts)).toISOString(), to: new Date(now).toISOString() };
      const { handoverTime } = await deps.settings();
      const bounds = dutyDayBounds(duty.dutyDate, duty.zone, handoverTime);
      return clampToNow(bounds.start.getTime(), bounds.end.getTime(), now);
    }
    case 'today': {
      const { handoverTime } = await deps.settings();
      const bounds = dutyDayBounds(dutyDayOf(new Date(now), zone, handoverTime), zone, handoverTime);
      return clampToNow(bounds.start.getTime(), bounds.end.getTime(), now);
    }
    case 'custom': {
      const [a, b] = [choice.fromDay, choice.toDay].sort() as [string, string];
      return clampToNow(midnight(a, zone), midnight(addDays(b, 1), zone), now);
    }
    default: {
      const { first, after } = calendarSpan(choice.kind, deps.today);
      return clampToNow(midnight(first, zone), midnight(after, zone), now);
    }
  }
}

/** Days for up to two months, weeks up to half a year, months beyond. */
export function autoBucket(range: Range): StatsBucket {
  const days = (Date.parse(range.to) - Date.parse(range.from)) / DAY_MS;
  if (days <= 62) return 'day';
  return days <= 186 ? 'week' : 'month';
}

/** The last month (YYYY-MM) a period reaches into: the printable summary's default. */
export function monthOf(range: Range, zone: string): string {
  return localDateOf(new Date(Date.parse(range.to) - 1), zone).slice(0, 7);
}
