import { instantToLocal } from './duty-day';

/**
 * 'MM-dd HH:mm' on the bureau's wall clock, fast: a handover draft writes one for each of thousands
 * of lines: a stored instant's minute is formatted (by the time module's wall clock) once per zone
 * and then looked up by its text.
 */
const MAX_CACHED = 20_000;
/** Instants written with their offset (stored ones end in Z): `Date.parse` reads those exactly. */
const WITH_OFFSET = /(?:Z|[+-]\d\d:?\d\d)$/;

/** The digits of ':ss.sssZ' after a stored instant's minute. */
const TAIL_DIGITS = [17, 18, 20, 21, 22];

/** Whether the rest of a stored instant after its minute is ':ss.sssZ' with valid seconds. */
function storedTail(at: string): boolean {
  if (at.length !== 24 || at.charCodeAt(16) !== 58 || at.charCodeAt(19) !== 46 || at.charCodeAt(23) !== 90)
    return false;
  for (const i of TAIL_DIGITS) {
    const c = at.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return at.charCodeAt(17) < 54; // seconds below 60
}

/** Formatted minutes by zone, keyed by the stored instant's first 16 characters (its UTC minute). */
const byStoredMinute = new Map<string, Map<string, string>>();

/** The wall-clock 'MM-dd HH:mm' of an instant with an offset, or null for text it does not read. */
export function wallMinute(at: string, zone: string): string | null {
  // A stored instant ('2026-03-10T00:30:00.000Z', as toISOString writes it) is looked up by its
  // UTC minute as it stands, without parsing it: every line of a draft has one.
  if (!storedTail(at)) return parsedWallMinute(at, zone);
  let cache = byStoredMinute.get(zone);
  if (!cache) {
    cache = new Map();
    byStoredMinute.set(zone, cache);
  }
  const key = at.slice(0, 16);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const text = parsedWallMinute(at, zone);
  if (text !== null) {
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, text);
  }
  return text;
}

function parsedWallMinute(at: string, zone: string): string | null {
  if (!WITH_OFFSET.test(at)) return null;
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return null;
  const local = instantToLocal(new Date(ms), zone);
  return `${local.slice(5, 10)} ${local.slice(11, 16)}`;
}
