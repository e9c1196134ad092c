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
