import { eachDay, localDateOf } from '@shared/domain/duty-day';
import {
  type CalendarData,
  calendarDay,
  missingYear,
  OFFICIAL_YEARS,
  yearKnown,
} from '@shared/domain/official-calendar';
import type { CalendarOverride, CalendarStatus, CalendarYear } from '@shared/schemas/calendar';
import { DEFAULT_DUTY_SETTINGS, type DutySettings } from '@shared/schemas/settings';
import type { DbOrTrx } from '../../db/database';
import { DutyError, notFound } from '../../errors';
import type { Tx } from '../../events/command';
import { nowStored } from '../../time';
import { allOverrides, deleteOverride, findOverride, upsertOverride } from './repo';

/** The official calendar in force: the shipped notices plus the administrator's corrections. */
export async function calendarData(db: DbOrTrx): Promise<CalendarData> {
  return { years: OFFICIAL_YEARS, overrides: await allOverrides(db) };
}

export async function calendarYear(db: DbOrTrx, year: number, settings: DutySettings): Promise<CalendarYear> {
  const cal = await calendarData(db);
  const key = settings.keyFestivals ?? DEFAULT_DUTY_SETTINGS.keyFestivals ?? [];
  const official = OFFICIAL_YEARS.find((y) => y.year === year);
  const days = eachDay(`${year}-01-01`, `${year}-12-31`)
    .map((date) => calendarDay(date, cal))
    .filter((d) => d.kind === 'holiday' || d.kind === 'makeup_workday' || d.source === 'override')
    .map((d) => ({ ...d, key: d.kind === 'holiday' && d.festival !== null && key.includes(d.festival) }));
  return {
    year,
    known: yearKnown(year, cal),
    notice: official
      ? {
          title: official.title,
          document: official.document,
          issuedOn: official.issuedOn,
          sources: official.sources,
        }
      : null,
    days,
    overrides: cal.overrides.filter((o) => o.date.startsWith(`${year}-`)),
  };
}

/** Which year's schedule is missing, by the bureau's local date (from November 1: next year's). */
export async function calendarStatus(db: DbOrTrx, zone: string, now: Date): Promise<CalendarStatus> {
  const cal = await calendarData(db);
  const today = localDateOf(now, zone);
  const years = new Set([
    ...cal.years.map((y) => y.year),
    ...cal.overrides.map((o) => Number(o.date.slice(0, 4))),
  ]);
  return {
    today,
    missingYear: missingYear(today, cal),
    knownYears: [...years].filter((y) => yearKnown(y, cal)).sort((a, b) => a - b),
  };
}

/** Corrections of one or more dates, all or nothing: one event. */
export async function setCalendarDays(tx: Tx, days: CalendarOverride[]): Promise<CalendarOverride[]> {
  const dates = days.map((d) => d.date);
  const twice = dates.find((d, i) => dates.indexOf(d) !== i);
  if (twice) throw new DutyError('DUTY_ERR_VALIDATION', `body.days: ${twice} is given twice`);
  for (const [i, day] of days.entries())
    if (day.kind === 'holiday' && !day.name.trim())
      throw new DutyError('DUTY_ERR_VALIDATION', `body.days.${i}.name: a holiday needs a name`);
  const at = nowStored(tx.clock);
  for (const day of days) await upsertOverride(tx.trx, day, at, tx.actor);
  await tx.record({ type: 'calendar.days_set', subject: `calendar:${dates[0]}`, payload: { days } });
  return days;
}

/** Takes a correction back: the date follows the shipped schedule again. */
export async function clearCalendarDay(tx: Tx, date: string): Promise<CalendarOverride> {
  const day = (await findOverride(tx.trx, date)) ?? notFound(`calendar correction of ${date}`);
  await deleteOverride(tx.trx, date);
  await tx.record({ type: 'calendar.day_cleared', subject: `calendar:${date}`, payload: { day } });
  return day;
}
