/**
 * The bureau's zone as people say it, never the IANA id: "北京时间" / "Beijing Time" for China's
 * zones, else the zone's own name in the language ("日本标准时间", "Central European Standard Time"),
 * else a "UTC+8"-style label. Used by the server's exports (Markdown, PDF) and the console.
 */
export type ZoneLang = 'zh' | 'en';

const CHINA = new Set([
  'Asia/Shanghai',
  'Asia/Chongqing',
  'Asia/Chungking',
  'Asia/Harbin',
  'Asia/Urumqi',
  'PRC',
]);
const LOCALE: Record<ZoneLang, string> = { zh: 'zh-CN', en: 'en-GB' };
const cache = new Map<string, string>();

function part(zone: string, lang: ZoneLang, style: 'long' | 'shortOffset', at: number): string | null {
  try {
    const p = new Intl.DateTimeFormat(LOCALE[lang], { timeZone: zone, timeZoneName: style })
      .formatToParts(at)
      .find((x) => x.type === 'timeZoneName');
    return p?.value ?? null;
  } catch {
    return null;
  }
}

/** `UTC+8`, `UTC-3:30`, `UTC` for the zone's offset at `at`. */
export function utcOffsetLabel(zone: string, at = Date.now()): string {
  const raw = part(zone, 'en', 'shortOffset', at);
  const m = raw ? /^GMT([+-]\d{1,2}(?::\d{2})?)?$/.exec(raw) : null;
  if (!m) return zone;
  return m[1] ? `UTC${m[1]}` : 'UTC';
}

export function zoneName(zone: string, lang: ZoneLang = 'zh', at = Date.now()): string {
  if (CHINA.has(zone)) return lang === 'zh' ? '北京时间' : 'Beijing Time';
  if (zone === 'UTC' || zone === 'Etc/UTC') return 'UTC';
  const key = `${lang} ${zone} ${Math.floor(at / 86_400_000)}`;
  const known = cache.get(key);
  if (known) return known;
  const long = part(zone, lang, 'long', at);
  // A name the locale does not know comes back as "GMT+09:00": say it as an offset instead.
  const name = long && !/^(GMT|UTC)([+-]|$)/.test(long) ? long : utcOffsetLabel(zone, at);
  cache.set(key, name);
  return name;
}
