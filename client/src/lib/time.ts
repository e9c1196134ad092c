import { DateTime } from 'luxon';
import type { Lang } from './i18n';

/**
 * The only place the console formats instants. Everything is shown in the bureau's zone, not the
 * browser's, so a laptop set to another zone still shows the times the duty post works by.
 */
let bureauZone = 'Asia/Shanghai';

const luxonLocale: Record<Lang, string> = { zh: 'zh-CN', en: 'en-GB' };

export function setBureauZone(zone: string): void {
  if (DateTime.now().setZone(zone).isValid) bureauZone = zone;
}

export function getBureauZone(): string {
  return bureauZone;
}

function inZone(iso: string): DateTime | null {
  const dt = DateTime.fromISO(iso, { setZone: true });
  return dt.isValid ? dt.setZone(bureauZone) : null;
}

/** `2026-03-05 14:03:22`, in the bureau zone; the raw text if it is not an instant. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '';
  return inZone(iso)?.toFormat('yyyy-MM-dd HH:mm:ss') ?? iso;
}

/** `14:03:22`, for compact places such as the connection badge. */
export function formatTimeOfDay(iso: string | null | undefined): string {
  if (!iso) return '';
  return inZone(iso)?.toFormat('HH:mm:ss') ?? iso;
}

/** The header clock: date, weekday and time in the bureau zone. */
export function formatClock(epochMs: number, lang: Lang): { date: string; time: string } {
  const dt = DateTime.fromMillis(epochMs, { zone: bureauZone }).setLocale(luxonLocale[lang]);
  return { date: dt.toFormat('yyyy-MM-dd ccc'), time: dt.toFormat('HH:mm:ss') };
}

/** `UTC+8` style label of the bureau zone at an instant. */
export function zoneLabel(epochMs: number): string {
  const offset = DateTime.fromMillis(epochMs, { zone: bureauZone }).offset;
  const hours = Math.trunc(offset / 60);
  const minutes = Math.abs(offset % 60);
  const sign = offset < 0 ? '-' : '+';
  return `UTC${sign}${Math.abs(hours)}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}

/** `03-05 14:03`, compact instant for calendars, lists and problem reports. */
export function formatShortInstant(iso: string | null | undefined): string {
  if (!iso) return '';
  return inZone(iso)?.toFormat('MM-dd HH:mm') ?? iso;
}

/** `14:03`, a time of day to the minute. */
export function formatHourMinute(iso: string | null | undefined): string {
  if (!iso) return '';
  return inZone(iso)?.toFormat('HH:mm') ?? iso;
}

/** A roster wall-clock time `2026-03-05T08:30` (already local to the bureau) as `03-05 08:30`. */
export function formatLocalWall(local: string): string {
  const dt = DateTime.fromISO(local, { zone: 'utc' });
  return dt.isValid ? dt.toFormat('MM-dd HH:mm') : local;
}

/** Today's calendar date in the bureau zone, `2026-03-05`. */
export function bureauToday(): string {
  return DateTime.now().setZone(bureauZone).toFormat('yyyy-MM-dd');
}

/** This month in the bureau zone, `2026-03`. */
export function bureauMonth(): string {
  return DateTime.now().setZone(bureauZone).toFormat('yyyy-MM');
}

/** `2026-03` moved by `n` months. */
export function addMonths(month: string, n: number): string {
  const dt = DateTime.fromISO(`${month}-01`, { zone: 'utc' });
  return dt.isValid ? dt.plus({ months: n }).toFormat('yyyy-MM') : month;
}

/** `2026年3月` / `March 2026`. */
export function formatMonth(month: string, lang: Lang): string {
  const dt = DateTime.fromISO(`${month}-01`, { zone: 'utc' }).setLocale(luxonLocale[lang]);
  if (!dt.isValid) return month;
  return lang === 'zh' ? dt.toFormat('yyyy年M月') : dt.toFormat('LLLL yyyy');
}

/** Monday = 1 … Sunday = 7 of a calendar date. */
export function weekdayOf(day: string): number {
  const dt = DateTime.fromISO(day, { zone: 'utc' });
  return dt.isValid ? dt.weekday : 1;
}

/** Short weekday names Monday first: `周一`… / `Mon`…. */
export function weekdayNames(lang: Lang): string[] {
  const monday = DateTime.fromISO('2024-01-01', { zone: 'utc' }).setLocale(luxonLocale[lang]);
  return [0, 1, 2, 3, 4, 5, 6].map((n) => monday.plus({ days: n }).toFormat('ccc'));
}

/** A calendar date as `3月5日 周四` / `Thu 5 Mar`. */
export function formatDay(day: string, lang: Lang): string {
  const dt = DateTime.fromISO(day, { zone: 'utc' }).setLocale(luxonLocale[lang]);
  if (!dt.isValid) return day;
  return lang === 'zh' ? dt.toFormat('M月d日 ccc') : dt.toFormat('ccc d LLL');
}

/** A remaining duration as `1:05:09` or `05:09`; negative durations count as zero. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

/** `2026-03-05 14:03`, an instant to the minute. */
export function formatMinute(iso: string | null | undefined): string {
  if (!iso) return '';
  return inZone(iso)?.toFormat('yyyy-MM-dd HH:mm') ?? iso;
}

/** Now as a bureau wall-clock value for `<input type="datetime-local">`, `2026-03-05T14:03`. */
export function bureauWallNow(): string {
  return DateTime.now().setZone(bureauZone).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** A bureau wall-clock value from `<input type="datetime-local">` as an ISO instant; null if invalid. */
export function bureauWallToIso(wall: string): string | null {
  const dt = DateTime.fromISO(wall, { zone: bureauZone });
  return dt.isValid ? dt.toUTC().toISO() : null;
}

/** An instant as a bureau wall-clock value for `<input type="datetime-local">`; '' if invalid. */
export function bureauWallOf(iso: string | null | undefined): string {
  if (!iso) return '';
  return inZone(iso)?.toFormat("yyyy-MM-dd'T'HH:mm") ?? '';
}

/** A calendar date `2026-03-05` as `03-05`, for chart axes. */
export function formatShortDay(day: string): string {
  const dt = DateTime.fromISO(day, { zone: 'utc' });
  return dt.isValid ? dt.toFormat('MM-dd') : day;
}
