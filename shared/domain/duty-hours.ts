import { DateTime } from 'luxon';
import { addDays, localToInstant } from './duty-day';
import { type CalendarData, calendarDay } from './official-calendar';
import type { DutyPeriod, RosterShift } from './roster-types';
import { shiftInstants } from './shift-templates';
import { periodsOn } from './staffing';

export interface DutyHours {
  total: number;
  nights: number;
  weekends: number;
  holidays: number;
  shifts: number;
}

export interface DutyHoursInput {
  shifts: RosterShift[];
  from: Date;
  to: Date;
  periods: DutyPeriod[];
  /** The official calendar: its holidays count as holidays, its make-up workdays are not weekend. */
  calendar?: CalendarData;
}

const NIGHT_START = '22:00';
const NIGHT_END = '06:00';

/** A day's three boundaries in a zone, computed once: zone arithmetic is the slow part of a year's report. */
const boundaryCache = new Map<string, number[]>();

function boundariesOf(date: string, zone: string): number[] {
  const key = `${zone} ${date}`;
  let found = boundaryCache.get(key);
  if (!found) {
    found = [`${date}T${NIGHT_END}`, `${date}T${NIGHT_START}`, `${addDays(date, 1)}T00:00`].map((local) =>
      localToInstant(local, zone).getTime(),
    );
    if (boundaryCache.size > 50_000) boundaryCache.clear();
    boundaryCache.set(key, found);
  }
  return found;
}

/** The next local midnight, 06:00 or 22:00 after `at`: within a piece between them nothing changes. */
function nextBoundary(at: DateTime): number {
  const candidates = boundariesOf(at.toISODate()!, at.zoneName!);
  // A boundary inside a DST gap moves forward, so the next midnight is always still ahead.
  return Math.min(...candidates.filter((ms) => ms > at.toMillis()));
}

const round2 = (hours: number) => Math.round(hours * 100) / 100;

/**
 * Each person's duty hours in [from, to): real elapsed hours, split at local midnight, 06:00 and
 * 22:00 so each piece is wholly night or not and wholly on one calendar date. Nights are 22:00–06:00;
 * weekends are Saturday and Sunday unless the date is a make-up workday (调休); holidays are dates
 * in a holiday period or days off of the official calendar (when given).
 */
export function dutyHours(input: DutyHoursInput): Map<number, DutyHours> {
  const totals = new Map<number, DutyHours>();
  const kindsOn = (date: string) => {
    const kinds = new Set(periodsOn(date, input.periods).map((p) => p.kind));
    const official = input.calendar ? calendarDay(date, input.calendar).kind : null;
    if (official === 'holiday' || official === 'makeup_workday') kinds.add(official);
    return kinds;
  };
  for (const shift of input.shifts) {
    const bounds = shiftInstants(shift);
    const start = Math.max(bounds.start.getTime(), input.from.getTime());
    const end = Math.min(bounds.end.getTime(), input.to.getTime());
    if (end <= start) continue;
    const sum = totals.get(shift.userId) ?? { total: 0, nights: 0, weekends: 0, holidays: 0, shifts: 0 };
    sum.shifts += 1;
    for (let cursor = start; cursor < end; ) {
      const local = DateTime.fromMillis(cursor, { zone: shift.zone });
      const pieceEnd = Math.min(nextBoundary(local), end);
      const ms = pieceEnd - cursor;
      const kinds = kindsOn(local.toISODate()!);
      sum.total += ms;
      const clock = local.toFormat('HH:mm');
      if (clock >= NIGHT_START || clock < NIGHT_END) sum.nights += ms;
      if (local.weekday >= 6 && !kinds.has('makeup_workday')) sum.weekends += ms;
      if (kinds.has('holiday')) sum.holidays += ms;
      cursor = pieceEnd;
    }
    totals.set(shift.userId, sum);
  }
  const hours = new Map<number, DutyHours>();
  for (const [userId, s] of totals) {
    const h = (ms: number) => round2(ms / 3_600_000);
    hours.set(userId, {
      ...s,
      total: h(s.total),
      nights: h(s.nights),
      weekends: h(s.weekends),
      holidays: h(s.holidays),
    });
  }
  return hours;
}
