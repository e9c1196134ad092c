import { DateTime } from 'luxon';
import type { LocalDate, LocalDateTime } from './roster-types';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A calendar date as a zone-free luxon value, for date arithmetic that must not see DST. */
function calendar(day: LocalDate): DateTime {
  const dt = LOCAL_DATE.test(day) ? DateTime.fromISO(day, { zone: 'utc' }) : null;
  if (!dt?.isValid) throw new Error(`invalid local date "${day}", expected YYYY-MM-DD`);
  return dt;
}

function assertZone(zone: string): void {
  if (!DateTime.local().setZone(zone).isValid) throw new Error(`unknown time zone "${zone}"`);
}

export function assertClock(clock: string): void {
  if (!CLOCK.test(clock)) throw new Error(`invalid time "${clock}", expected HH:mm`);
}

/**
 * The instant a wall-clock time denotes in `zone`.
 * A time inside a spring-forward gap does not exist; it moves forward by the gap (02:30 → 03:30 in
 * Europe/Berlin). A time in the repeated autumn hour is ambiguous; luxon takes the later one
 * (standard time).
 */
export function localToInstant(local: LocalDateTime, zone: string): Date {
  // Parsed by hand: fromObject is about twice as fast as fromISO, and this runs for every shift.
  const [year, month, day, hour, minute] = (LOCAL_DATE_TIME.exec(local) ?? []).slice(1).map(Number);
  const dt = year ? DateTime.fromObject({ year, month, day, hour, minute }, { zone }) : null;
  if (!dt?.isValid) {
    assertZone(zone);
    throw new Error(`invalid local date-time "${local}", expected YYYY-MM-DDTHH:mm`);
  }
  return dt.toJSDate();
}

/** The wall-clock time of an instant in `zone`, to the minute (seconds are dropped). */
export function instantToLocal(at: Date, zone: string): LocalDateTime {
  assertZone(zone);
  return DateTime.fromJSDate(at).setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** The local calendar date of an instant in `zone`. */
export function localDateOf(at: Date, zone: string): LocalDate {
  return instantToLocal(at, zone).slice(0, 10);
}

/** Plain UTC date arithmetic: a calendar date has no zone, and this runs in every loop over days. */
export function addDays(day: LocalDate, n: number): LocalDate {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const valid = LOCAL_DATE.test(day) && new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
  if (!valid) throw new Error(`invalid local date "${day}", expected YYYY-MM-DD`);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Every date from `from` to `to`, both included; empty when `to` is before `from`. */
export function eachDay(from: LocalDate, to: LocalDate): LocalDate[] {
  calendar(from);
  calendar(to);
  const days: LocalDate[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

export function monthRange(month: string): { from: LocalDate; to: LocalDate } {
  if (!MONTH.test(month)) throw new Error(`invalid month "${month}", expected YYYY-MM`);
  const first = calendar(`${month}-01`);
  return { from: first.toISODate()!, to: first.endOf('month').toISODate()! };
}

/** When the duty day `day` begins and ends: hand-over to hand-over, by the wall clock. */
export function dutyDayBounds(
  day: LocalDate,
  zone: string,
  handoverTime: string,
): { start: Date; end: Date } {
  assertClock(handoverTime);
  return {
    start: localToInstant(`${calendar(day).toISODate()}T${handoverTime}`, zone),
    end: localToInstant(`${addDays(day, 1)}T${handoverTime}`, zone),
  };
}

/** The duty day an instant belongs to: before the hand-over it is still the previous day's. */
export function dutyDayOf(at: Date, zone: string, handoverTime: string): LocalDate {
  const date = localDateOf(at, zone);
  // Compared as instants rather than clock faces so the answer always agrees with dutyDayBounds,
  // even when the hand-over time falls in a DST gap or the repeated hour.
  return at < dutyDayBounds(date, zone, handoverTime).start ? addDays(date, -1) : date;
}
