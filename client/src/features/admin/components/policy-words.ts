import { categoryLabel, gradeText } from '@client/lib/domain-labels';
import type { Lang } from '@client/lib/i18n';
import type { CategoryCode, DeadlinePolicy, DeadlineRule, Grade } from '@shared/domain/incident-types';

/** A deadline policy table said in words, line by line, in the console's language (DESIGN §2.3). */
export interface PolicyWords {
  initial: string[];
  followup: string[];
  changeWindow: string;
  disasterClock: string;
}

const CLASS: Record<string, Record<Lang, string>> = {
  '*': { zh: '各类事件', en: 'Every event' },
  accident: { zh: '事故灾难', en: 'Accidents' },
  natural_disaster: { zh: '自然灾害', en: 'Natural disasters' },
  public_health: { zh: '公共卫生事件', en: 'Public health events' },
  social_security: { zh: '社会安全事件', en: 'Social security events' },
};
const GRADES: Grade[] = ['I', 'II', 'III', 'IV'];

/** PT15M → 15 分钟 / 15 min; P1DT2H → 1 天 2 小时. */
export function durationWords(d: string, lang: Lang): string {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(d);
  if (!m) return d;
  const units: [string | undefined, string, string][] = [
    [m[1], ' 天', ' d'],
    [m[2], ' 小时', ' h'],
    [m[3], ' 分钟', ' min'],
    [m[4], ' 秒', ' s'],
  ];
  return units
    .filter(([n]) => n !== undefined && Number(n) > 0)
    .map(([n, zh, en]) => `${Number(n)}${lang === 'zh' ? zh : en}`)
    .join(' ');
}

function appliesWords(applies: DeadlineRule['applies'], lang: Lang): string {
  return CLASS[applies]?.[lang] ?? categoryLabel(applies as CategoryCode, lang);
}

function gradesWords(grades: DeadlineRule['grades'], lang: Lang): string {
  if (grades === '*') return lang === 'zh' ? '各等级' : 'any grade';
  return grades
    .map((g) =>
      g === 'near_miss'
        ? lang === 'zh'
          ? '较大涉险'
          : 'major near miss'
        : g === 'ungraded'
          ? lang === 'zh'
            ? '未定级'
            : 'not graded'
          : gradeText(g, lang),
    )
    .join(lang === 'zh' ? '、' : ', ');
}

export function policyWords(policy: DeadlinePolicy, lang: Lang): PolicyWords {
  const zh = lang === 'zh';
  const initial = policy.initial.map((rule) => {
    const how =
      rule.kind === 'initial_phone' ? (zh ? '电话报告' : 'by phone') : zh ? '书面报告' : 'in writing';
    const within = durationWords(rule.within, lang);
    return zh
      ? `首报 · ${appliesWords(rule.applies, lang)}（${gradesWords(rule.grades, lang)}）：接报后 ${within}内${how}`
      : `First report · ${appliesWords(rule.applies, lang)} (${gradesWords(rule.grades, lang)}): ${how} within ${within} of receipt`;
  });
  const perDay = GRADES.map((g) =>
    zh
      ? `${gradeText(g, lang)}每日至少 ${policy.followupPerDay[g]} 次`
      : `${gradeText(g, lang)}: at least ${policy.followupPerDay[g]} a day`,
  ).join(zh ? '；' : '; ');
  const followup = [zh ? `续报：${perDay}（按自然日计）` : `Follow-up reports: ${perDay} (per calendar day)`];
  if (policy.followupAt?.length) {
    const times = policy.followupAt.join(zh ? '前、' : ', ');
    const grades = policy.followupAtGrades
      ? policy.followupAtGrades.map((g) => gradeText(g, lang)).join(zh ? '、' : ', ')
      : zh
        ? '各级'
        : 'every grade';
    followup.push(
      zh
        ? `定时续报（${grades}）：每日 ${times}前各续报一次`
        : `Fixed-time follow-ups (${grades}): one each day before ${times}`,
    );
  }
  const { default: days, ...byCategory } = policy.changeWindowDays;
  const others = Object.entries(byCategory).map(([code, n]) =>
    zh
      ? `${categoryLabel(code as CategoryCode, lang)} ${n} 日`
      : `${categoryLabel(code as CategoryCode, lang)} ${n} days`,
  );
  const changeWindow = zh
    ? `伤亡变化补报：自事故发生之日起 ${days} 日内${others.length ? `（${others.join('，')}）` : ''}，当日续报`
    : `Casualty changes: reported the same day, within ${days} days of the accident${others.length ? ` (${others.join(', ')})` : ''}`;
  const fromOccurred = (policy.disasterClockFrom ?? 'occurred') === 'occurred';
  const disasterClock = zh
    ? `自然灾害${fromOccurred ? '自发生时起计时' : '自接报时起计时'}`
    : `Natural disasters are clocked from ${fromOccurred ? 'when they happened' : 'receipt'}`;
  return { initial, followup, changeWindow, disasterClock };
}
