import { addDays } from '../duty-day';
import { type Festival, OFFICIAL_YEARS, type OfficialYear } from './data';

export { FESTIVALS, type Festival, type HolidayBlock, OFFICIAL_YEARS, type OfficialYear } from './data';

/**
 * An administrator's correction of one date: it replaces what the shipped schedule says for it.
 * holiday: a day off (of `festival`, when it belongs to one); workday: a working day (调休上班 on a
 * weekend, or a shipped holiday taken back).
 */
export interface CalendarOverride {
  date: string;
  kind: 'holiday' | 'workday';
  festival: Festival | null;
  name: string;
}

/** The calendar in force: the shipped notices plus the administrator's corrections. */
export interface CalendarData {
  years: readonly OfficialYear[];
  overrides: readonly CalendarOverride[];
}

export const SHIPPED_CALENDAR: CalendarData = { years: OFFICIAL_YEARS, overrides: [] };

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface CalendarDay {
  date: string;
  kind: DayKind;
  /** Whether people work that day (a make-up weekend day is worked, a holiday is not). */
  working: boolean;
  festival: Festival | null;
  /** The festival's name as the notice (or the administrator) gives it. */
  name: string | null;
  source: 'official' | 'override' | 'weekly';
}

function weekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** What the calendar says about one local date. A year with no schedule falls back to the plain week. */
export function calendarDay(date: string, cal: CalendarData = SHIPPED_CALENDAR): CalendarDay {
  const override = cal.overrides.find((o) => o.date === date);
  const weekend = [0, 6].includes(weekday(addDays(date, 0)));
  if (override) {
    if (override.kind === 'holiday')
      return {
        date,
        kind: 'holiday',
        working: false,
        festival: override.festival,
        name: override.name,
        source: 'override',
      };
    return {
      date,
      kind: weekend ? 'makeup_workday' : 'workday',
      working: true,
      festival: override.festival,
      name: override.name || null,
      source: 'override',
    };
  }
  const year = cal.years.find((y) => y.year === Number(date.slice(0, 4)));
  for (const block of year?.holidays ?? []) {
    if (block.from <= date && date <= block.to)
      return {
        date,
        kind: 'holiday',
        working: false,
        festival: block.festival,
        name: block.name,
        source: 'official',
      };
    if (block.makeupWorkdays.includes(date))
      return {
        date,
        kind: 'makeup_workday',
        working: true,
        festival: block.festival,
        name: block.name,
        source: 'official',
      };
  }
  return weekend
    ? { date, kind: 'weekend', working: false, festival: null, name: null, source: 'weekly' }
    : { date, kind: 'workday', working: true, festival: null, name: null, source: 'weekly' };
}

/**
 * Whether a year's schedule is known: shipped with the product, or entered by an administrator
 * (at least one holiday of that year among the corrections).
 */
export function yearKnown(year: number, cal: CalendarData = SHIPPED_CALENDAR): boolean {
  return (
    cal.years.some((y) => y.year === year) ||
    cal.overrides.some((o) => o.kind === 'holiday' && Number(o.date.slice(0, 4)) === year)
  );
}

/**
 * The year whose schedule is missing and should be looked for: from November 1 (the bureau's local
 * date `today`), next year's when it is not known; the current year's whenever it is not known.
 */
export function missingYear(today: string, cal: CalendarData = SHIPPED_CALENDAR): number | null {
  const year = Number(today.slice(0, 4));
  if (!yearKnown(year, cal)) return year;
  if (today.slice(5) >= '11-01' && !yearKnown(year + 1, cal)) return year + 1;
  return null;
}

/** The days off of `festivals` (重点时段 from the calendar) that fall on `date`, if any. */
export function keyFestivalOn(
  date: string,
  festivals: readonly Festival[],
  cal: CalendarData = SHIPPED_CALENDAR,
): CalendarDay | null {
  const day = calendarDay(date, cal);
  return day.kind === 'holiday' && day.festival && festivals.includes(day.festival) ? day : null;
}
