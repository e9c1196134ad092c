import { Duration as LuxonDuration } from 'luxon';
import { CATEGORIES, type DeadlinePolicy, type Duration, type Grade } from './incident-types';

/**
 * National defaults for a district (county-level) bureau, DESIGN §2.3: 首报 written within 2 h for
 * everything (条例 第十一条); 较大 and above by phone within 30 min and in writing within 1 h (2015
 * notice); 续报 twice a day for 重大/特别重大, daily otherwise (令第21号); 补报 on figure changes within
 * 30 days, 7 for road traffic and fires (条例 第十三条).
 */
export const NATIONAL_DEFAULT_POLICY: DeadlinePolicy = {
  name: '国家默认（县级）',
  initial: [
    { applies: '*', grades: '*', kind: 'initial_written', within: 'PT2H' },
    { applies: '*', grades: ['I', 'II', 'III'], kind: 'initial_phone', within: 'PT30M' },
    { applies: '*', grades: ['I', 'II', 'III'], kind: 'initial_written', within: 'PT1H' },
  ],
  followupPerDay: { I: 2, II: 2, III: 1, IV: 1 },
  changeWindowDays: { default: 30, road_traffic: 7, fire: 7 },
  disasterClockFrom: 'occurred',
};

/**
 * An ISO 8601 duration in milliseconds, as elapsed time: a day is 24 hours (and a month 30 days),
 * so deadlines are the same length whatever the zone's clock changes do.
 */
export function parseDuration(d: Duration): number {
  const parsed = typeof d === 'string' ? LuxonDuration.fromISO(d) : null;
  if (!parsed?.isValid) throw new Error(`invalid duration "${String(d)}", expected ISO 8601 such as PT30M`);
  const ms = parsed.toMillis();
  if (!(ms > 0)) throw new Error(`duration "${d}" must be longer than zero`);
  return ms;
}

const GRADES: Grade[] = ['I', 'II', 'III', 'IV'];
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

function countProblem(where: string, n: unknown, max: number): string[] {
  return Number.isInteger(n) && (n as number) >= 1 && (n as number) <= max
    ? []
    : [`${where}: must be a whole number from 1 to ${max}`];
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
  for (const g of GRADES) problems.push(...countProblem(`followupPerDay.${g}`, p.followupPerDay?.[g], 24));
  if (p.followupAt !== undefined) {
    if (!Array.isArray(p.followupAt)) problems.push('followupAt: must be a list of HH:mm times');
    else {
      p.followupAt.forEach((at, i) => {
        if (typeof at !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(at))
          problems.push(`followupAt[${i}]: "${at}" is not a time HH:mm`);
      });
      if (new Set(p.followupAt).size !== p.followupAt.length)
        problems.push('followupAt: a time is listed twice');
    }
  }
  const window = p.changeWindowDays ?? ({} as DeadlinePolicy['changeWindowDays']);
  problems.push(...countProblem('changeWindowDays.default', window.default, 366));
  for (const [key, value] of Object.entries(window)) {
    if (key === 'default') continue;
    if (!CATEGORY_SET.has(key)) problems.push(`changeWindowDays.${key}: unknown category`);
    else problems.push(...countProblem(`changeWindowDays.${key}`, value, 366));
  }
  if (
    p.disasterClockFrom !== undefined &&
    p.disasterClockFrom !== 'occurred' &&
    p.disasterClockFrom !== 'received'
  )
    problems.push(`disasterClockFrom: "${p.disasterClockFrom}" is neither 'occurred' nor 'received'`);
  return problems;
}
