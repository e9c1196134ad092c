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
  followupEvery: { I: 'PT12H', II: 'PT12H', III: 'P1D', IV: 'P1D' },
  changeWindow: { default: 'P30D', road_traffic: 'P7D', fire: 'P7D' },
};

/** Per-hop clocks when the policy names none (DESIGN §2.7): community → township 1 h, township → district 1.5 h. */
export const DEFAULT_HOPS = { communityToTownship: 'PT1H', townshipToDistrict: 'PT1H30M' } as const;

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
  for (const g of GRADES) problems.push(...durationProblem(`followupEvery.${g}`, p.followupEvery?.[g]));
  const window = p.changeWindow ?? ({} as DeadlinePolicy['changeWindow']);
  problems.push(...durationProblem('changeWindow.default', window.default));
  for (const [key, value] of Object.entries(window)) {
    if (key === 'default') continue;
    if (!CATEGORY_SET.has(key)) problems.push(`changeWindow.${key}: unknown category`);
    else problems.push(...durationProblem(`changeWindow.${key}`, value));
  }
  if (p.hops !== undefined) {
    problems.push(...durationProblem('hops.communityToTownship', p.hops?.communityToTownship));
    problems.push(...durationProblem('hops.townshipToDistrict', p.hops?.townshipToDistrict));
  }
  return problems;
}
