import { DateTime, IANAZone } from 'luxon';
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

/** The zone by its IANA name; luxon keeps one per name, with its formatter. */
function zoneNamed(zone: string): IANAZone {
  const named = IANAZone.create(zone);
  if (!named.isValid) throw new Error(`unknown time zone "${zone}"`);
  return named;
}

const HOUR_MS = 3_600_000;
/** Offsets by zone and UTC hour, for hours the zone's offset does not change within. */
const hourOffsets = new Map<string, number>();

/**
 * The zone's UTC offset in minutes at `ms`. Asking the zone costs an Intl formatting call, and the
 * same few hours are asked again and again: an hour whose start and end have the same offset has it
 * throughout (clock changes are hours or more apart), so it is kept; an hour with a change is not.
 */
function offsetAt(zone: IANAZone, ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  const key = `${zone.name} ${hour}`;
  const kept = hourOffsets.get(key);
  if (kept !== undefined) return kept;
  const start = zone.offset(hour * HOUR_MS);
  if (start !== zone.offset((hour + 1) * HOUR_MS - 1)) return zone.offset(ms);
  if (hourOffsets.size >= 20_000) hourOffsets.clear();
  hourOffsets.set(key, start);
  return start;
}

export function assertClock(clock: string): void {
  if (!CLOCK.test(clock)) throw new Error(`invalid time "${clock}", expected HH:mm`);
}

/**
 * The instant a wall-clock time denotes in `zone`.
 * A time inside a spring-forward gap does not exist; it moves forward by the gap (02:30 → 03:30 in
 * Europe/Berlin). A time in the repeated autumn hour is ambiguous; the later one (standard time) is
 * taken, whatever the season of the server's own clock.
 */
export function localToInstant(local: LocalDateTime, zone: string): Date {
  const named = zoneNamed(zone);
  const [year, month, day, hour, minute] = (LOCAL_DATE_TIME.exec(local) ?? []).slice(1).map(Number);
  const wall = year ? Date.UTC(year, month! - 1, day, hour, minute) : Number.NaN;
  const wallDate = new Date(wall);
  if (!year || wallDate.getUTCDate() !== day || wallDate.getUTCMonth() !== month! - 1)
    throw new Error(`invalid local date-time "${local}", expected YYYY-MM-DDTHH:mm`);
  // The offsets half a day either side: clock changes are far further apart, so these are the one
  // or two offsets this wall time can have. Each that maps back to itself is a reading of it.
  const before = offsetAt(named, wall - 12 * HOUR_MS);
  const after = offsetAt(named, wall + 12 * HOUR_MS);
  const reads = (offset: number) => offsetAt(named, wall - offset * 60_000) === offset;
  const readings = [before, after].filter(reads);
  // Two readings (the repeated hour): the later instant, the smaller offset. None (the gap): the
  // offset from before the change, which moves the time forward by the gap.
  const offset = readings.length > 0 ? Math.min(...readings) : Math.min(before, after);
  return new Date(wall - offset * 60_000);
}

/** The wall-clock time of an instant in `zone`, to the minute (seconds are dropped). */
export function instantToLocal(at: Date, zone: string): LocalDateTime {
  const ms = at.getTime();
  if (!Number.isFinite(ms)) throw new Error('invalid instant');
  // The zone's offset at that instant, then plain UTC fields: this runs for every deadline of every
  // incident, and a DateTime in the zone costs several times more.
  const offsetMinutes = offsetAt(zoneNamed(zone), ms);
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 16);
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
