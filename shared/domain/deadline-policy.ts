import { Duration as LuxonDuration } from 'luxon';
import { DEFAULT_DISASTER_CLOCKS } from './disasters';
import { CATEGORIES, type DeadlinePolicy, type Duration, type Grade } from './incident-types';

const GRADES: Grade[] = ['I', 'II', 'III', 'IV'];

/**
 * National defaults for a district (county-level) bureau, DESIGN §2.3: 首报 written within 2 h for
 * everything (条例 第十一条); 重大 and 特别重大 by phone within 30 min and in writing within 1 h (2015
 * notice, which does not cover 较大: provinces extend it in their profiles); 续报 at least twice a
 * local calendar day for 重大/特别重大, once otherwise (令第21号); 补报 on figure changes within 30
 * calendar days of the accident, 7 for road traffic and fires (条例 第十三条); natural disasters
 * clocked from when they happened.
 */
export const NATIONAL_DEFAULT_POLICY: DeadlinePolicy = {
  name: '国家默认（县级）',
  initial: [
    { applies: '*', grades: '*', kind: 'initial_written', within: 'PT2H' },
    { applies: '*', grades: ['I', 'II'], kind: 'initial_phone', within: 'PT30M' },
    { applies: '*', grades: ['I', 'II'], kind: 'initial_written', within: 'PT1H' },
  ],
  followupPerDay: { I: 2, II: 2, III: 1, IV: 1 },
  changeWindowDays: { default: 30, road_traffic: 7, fire: 7 },
  disasterClockFrom: 'occurred',
  disasters: DEFAULT_DISASTER_CLOCKS,
};

/** Days of a stored window duration, a part day counting as a whole one; null when unreadable. */
function wholeDays(d: unknown): number | null {
  try {
    return Math.min(366, Math.max(1, Math.ceil(parseDuration(d as Duration) / 86_400_000)));
  } catch {
    return null;
  }
}

/**
 * A stored policy of the shape before issue 14 (followupEvery as intervals, changeWindow as
 * durations) read as the current shape, at read time (settings and incident snapshots alike): an
 * interval becomes as many a day as fit in 24 h (PT12H: 2, PT8H: 3, P1D or longer: 1); a window keeps
 * its days, a part day counting as a whole one (PT36H: 2; unreadable: the national default for that
 * key); natural disasters are clocked
 * from occurrence. A policy already in the current shape comes back unchanged.
 */
export function upgradePolicy(stored: unknown): DeadlinePolicy {
  const p = stored as Record<string, unknown> & Partial<DeadlinePolicy>;
  if (!p || typeof p !== 'object') return p as DeadlinePolicy;
  if (!('followupEvery' in p || 'changeWindow' in p))
    return p.disasters
      ? (p as DeadlinePolicy)
      : ({ ...p, disasters: { ...DEFAULT_DISASTER_CLOCKS } } as DeadlinePolicy);
  const { followupEvery, changeWindow, ...rest } = p as Record<string, unknown>;
  const every = (followupEvery ?? {}) as Record<string, unknown>;
  const perDay = {} as Record<Grade, number>;
  for (const g of GRADES) {
    let interval: number | null = null;
    try {
      interval = parseDuration(every[g] as Duration);
    } catch {
      interval = null;
    }
    perDay[g] =
      interval === null
        ? NATIONAL_DEFAULT_POLICY.followupPerDay[g]
        : Math.min(24, Math.max(1, Math.round(86_400_000 / interval)));
  }
  const windowDays: Record<string, number> = {};
  for (const [key, value] of Object.entries((changeWindow ?? {}) as Record<string, unknown>)) {
    const days = wholeDays(value);
    const fallback = (NATIONAL_DEFAULT_POLICY.changeWindowDays as Record<string, number | undefined>)[key];
    if (days !== null) windowDays[key] = days;
    else if (fallback !== undefined) windowDays[key] = fallback;
  }
  if (windowDays.default === undefined) windowDays.default = NATIONAL_DEFAULT_POLICY.changeWindowDays.default;
  return {
    ...(rest as Omit<DeadlinePolicy, 'followupPerDay' | 'changeWindowDays'>),
    followupPerDay: perDay,
    changeWindowDays: windowDays as DeadlinePolicy['changeWindowDays'],
    disasterClockFrom: (rest.disasterClockFrom as DeadlinePolicy['disasterClockFrom']) ?? 'occurred',
    disasters: (rest.disasters as DeadlinePolicy['disasters']) ?? { ...DEFAULT_DISASTER_CLOCKS },
  };
}

/** Per-hop clocks when the policy names none (DESIGN §2.7): community → township 1 h, township → district 1.5 h. */
export const DEFAULT_HOPS = { communityToTownship: 'PT1H', townshipToDistrict: 'PT1H30M' } as const;

/**
 * An ISO 8601 duration in milliseconds, as elapsed time: a day is 24 hours (and a month 30 days),
 * so deadlines are the same length whatever the zone's clock changes do.
 */
export function parseDuration(d: Duration): number {
  const known = typeof d === 'string' ? durations.get(d) : undefined;
  if (known !== undefined) return known;
  const parsed = typeof d === 'string' ? LuxonDuration.fromISO(d) : null;
  if (!parsed?.isValid) throw new Error(`invalid duration "${String(d)}", expected ISO 8601 such as PT30M`);
  const ms = parsed.toMillis();
  if (!(ms > 0)) throw new Error(`duration "${d}" must be longer than zero`);
  // A policy names a handful of durations and every deadline computation reads them again.
  if (durations.size < 1000) durations.set(d, ms);
  return ms;
}

const durations = new Map<string, number>();

const APPLIES = new Set<string>([
  '*',
  ...CATEGORIES,
  'accident',
  'natural_disaster',
  'public_health',
  'social_security',
]);
const RULE_GRADES = new Set<string>([...GRADES, 'near_miss', 'ungraded']);
const KINDS = new Set<string>(['initial_phone', 'initial_written']);
const CATEGORY_SET = new Set<string>(CATEGORIES);

function durationProblem(where: string, d: unknown): string[] {
  try {
    parseDuration(d as Duration);
    return [];
  } catch (e) {
    return [`${where}: ${(e as Error).message}`];
  }
}

/** Problems with a policy (edited by an administrator or loaded from JSON); empty when it is usable. */
export function validatePolicy(p: DeadlinePolicy): string[] {
  const problems: string[] = [];
  if (typeof p?.name !== 'string' || p.name.trim() === '') problems.push('name: required');
  if (!Array.isArray(p?.initial)) return [...problems, 'initial: must be a list of rules'];
  p.initial.forEach((rule, i) => {
    const at = `initial[${i}]`;
    if (!APPLIES.has(rule?.applies))
      problems.push(`${at}.applies: unknown category or class "${rule?.applies}"`);
    if (rule?.grades !== '*') {
      const grades: unknown[] = Array.isArray(rule?.grades) ? rule.grades : [];
      if (grades.length === 0) problems.push(`${at}.grades: '*' or a non-empty list`);
      for (const g of grades)
        if (!RULE_GRADES.has(g as string)) problems.push(`${at}.grades: unknown grade "${g}"`);
    }
    if (!KINDS.has(rule?.kind)) problems.push(`${at}.kind: unknown kind "${rule?.kind}"`);
    problems.push(...durationProblem(`${at}.within`, rule?.within));
  });
  for (const g of GRADES) {
    const n = p.followupPerDay?.[g];
    if (!Number.isInteger(n) || (n as number) < 1 || (n as number) > 24)
      problems.push(`followupPerDay.${g}: a whole number from 1 to 24`);
  }
  if (p.followupAt !== undefined) {
    const times: unknown[] = Array.isArray(p.followupAt) ? p.followupAt : [];
    if (!Array.isArray(p.followupAt) || times.length === 0 || times.length > 24)
      problems.push('followupAt: a list of 1 to 24 local times HH:mm');
    for (const t of times)
      if (typeof t !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(t))
        problems.push(`followupAt: invalid time "${String(t)}", expected HH:mm`);
    if (new Set(times).size !== times.length) problems.push('followupAt: a time is listed twice');
  }
  if (p.followupAtGrades !== undefined) {
    const grades: unknown[] = Array.isArray(p.followupAtGrades) ? p.followupAtGrades : [];
    if (grades.length === 0 || grades.some((g) => !GRADES.includes(g as Grade)))
      problems.push('followupAtGrades: a list of grades I, II, III, IV');
  }
  const window = p.changeWindowDays ?? ({} as DeadlinePolicy['changeWindowDays']);
  for (const [key, value] of Object.entries({ ...window, default: window.default })) {
    if (key !== 'default' && !CATEGORY_SET.has(key))
      problems.push(`changeWindowDays.${key}: unknown category`);
    else if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > 366)
      problems.push(`changeWindowDays.${key}: a whole number of days from 1 to 366`);
  }
  if (
    p.disasterClockFrom !== undefined &&
    p.disasterClockFrom !== 'occurred' &&
    p.disasterClockFrom !== 'received'
  )
    problems.push(`disasterClockFrom: 'occurred' or 'received'`);
  if (p.hops !== undefined) {
    problems.push(...durationProblem('hops.communityToTownship', p.hops?.communityToTownship));
    problems.push(...durationProblem('hops.townshipToDistrict', p.hops?.townshipToDistrict));
  }
  return problems;
}
