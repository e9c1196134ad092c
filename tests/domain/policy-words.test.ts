import { durationWords, policyWords } from '@client/features/admin/components/policy-words';
import { HENAN_PROFILE } from '@shared/domain/policy-profiles';
import { describe, expect, it } from 'vitest';

// The admin page says a profile's table in words (zh first, then English).
describe('a deadline policy table in words', () => {
  it('says the Henan table in Chinese', () => {
    expect(policyWords(HENAN_PROFILE.policy, 'zh')).toEqual({
      initial: [
        '首报 · 各类事件（各等级）：接报后 2 小时内书面报告',
        '首报 · 事故灾难（特别重大（Ⅰ级）、重大（Ⅱ级））：接报后 15 分钟内电话报告',
        '首报 · 事故灾难（特别重大（Ⅰ级）、重大（Ⅱ级））：接报后 35 分钟内书面报告',
        '首报 · 事故灾难（较大（Ⅲ级））：接报后 1 小时内书面报告',
        '首报 · 自然灾害（特别重大（Ⅰ级）、重大（Ⅱ级））：接报后 15 分钟内电话报告',
        '首报 · 自然灾害（特别重大（Ⅰ级）、重大（Ⅱ级））：接报后 35 分钟内书面报告',
        '首报 · 自然灾害（较大（Ⅲ级））：接报后 1 小时内书面报告',
      ],
      followup: [
        '续报：特别重大（Ⅰ级）每日至少 2 次；重大（Ⅱ级）每日至少 2 次；较大（Ⅲ级）每日至少 2 次；一般（Ⅳ级）每日至少 1 次（按自然日计）',
        '定时续报（特别重大（Ⅰ级）、重大（Ⅱ级）、较大（Ⅲ级））：每日 08:00前、17:00前各续报一次',
      ],
      changeWindow: '伤亡变化补报：自事故发生之日起 30 日内（道路交通 7 日，火灾 7 日），当日续报',
      disasterClock: '自然灾害自发生时起计时',
    });
  });

  it('says it in English', () => {
    const words = policyWords(HENAN_PROFILE.policy, 'en');
    expect(words.initial[1]).toBe(
      'First report · Accidents (Extremely serious (I), Serious (II)): by phone within 15 min of receipt',
    );
    expect(words.followup).toEqual([
      'Follow-up reports: Extremely serious (I): at least 2 a day; Serious (II): at least 2 a day; Major (III): at least 2 a day; Ordinary (IV): at least 1 a day (per calendar day)',
      'Fixed-time follow-ups (Extremely serious (I), Serious (II), Major (III)): one each day before 08:00, 17:00',
    ]);
    expect(words.changeWindow).toBe(
      'Casualty changes: reported the same day, within 30 days of the accident (Road traffic 7 days, Fire 7 days)',
    );
    expect(words.disasterClock).toBe('Natural disasters are clocked from when they happened');
  });

  it('reads ISO 8601 durations', () => {
    expect(['PT30M', 'PT2H', 'P1D', 'P1DT2H30M'].map((d) => durationWords(d, 'zh'))).toEqual([
      '30 分钟',
      '2 小时',
      '1 天',
      '1 天 2 小时 30 分钟',
    ]);
    expect(durationWords('PT1H30M', 'en')).toBe('1 h 30 min');
  });
});
