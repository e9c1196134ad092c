/**
 * 'MM-dd HH:mm' on the bureau's wall clock, fast: a handover draft writes one for each of thousands
 * of lines, and luxon (parse, zone, format) costs ~20 µs a time. Intl's formatter is made once per
 * zone, and a line's minute is formatted once per draft.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatted = new Map<string, string>();
const MAX_CACHED = 20_000;
/** Instants written with their offset (stored ones end in Z): `Date.parse` reads those exactly. */
const WITH_OFFSET = /(?:Z|[+-]\d\d:?\d\d)$/;

function formatterOf(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall-clock 'MM-dd HH:mm' of an instant with an offset, or null for text it does not read. */
export function wallMinute(at: string, zone: string): string | null {
  if (!WITH_OFFSET.test(at)) return null;
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return null;
  const key = `${zone} ${Math.floor(ms / 60_000)}`;
  const hit = formatted.get(key);
  if (hit !== undefined) return hit;
  const parts: Record<string, string> = {};
  for (const p of formatterOf(zone).formatToParts(ms)) parts[p.type] = p.value;
  const text = `${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
  if (formatted.size >= MAX_CACHED) formatted.clear();
  formatted.set(key, text);
  return text;
}
