import { NATIONAL_DEFAULT_POLICY } from './deadline-policy';
import { DEFAULT_DISASTER_CLOCKS } from './disasters';
import type { DeadlinePolicy } from './incident-types';

/**
 * Deadline policy profiles (DESIGN §2.3): the national defaults and the provincial tables that ship
 * with the product, as data. An administrator picks one or edits a copy (server/modules/incidents/
 * policy.ts); built-ins are read-only. Sources are cited in each profile and in docs/policy-profiles.md.
 */
export interface BuiltInProfile {
  id: string;
  policy: DeadlinePolicy;
  /** Where each rule comes from: document, number, and an address it was read at. */
  sources: string[];
}

/**
 * 国家默认 (county-level bureau), DESIGN §2.3:
 * - 首报 written within 2 h for every accident: 《生产安全事故报告和调查处理条例》(国务院令第493号) 第十一条
 *   ("每级上报的时间不得超过2小时");
 * - 重大 and 特别重大 by phone within 30 min and in writing within 1 h: the State Council's 2015
 *   requirement on 突发事件信息报告 (the 30 min phone / 1 h written rule; provinces extend it to 较大);
 * - 续报: 重大/特别重大 twice a day, the rest daily; 补报 of casualty changes within 30 days from the
 *   accident (7 for road traffic and fires): 原国家安全监管总局令第21号《生产安全事故信息报告和处置办法》,
 *   条例 第十三条, and 安监总统计〔2016〕80号 (归口直报: 30 日, 火灾、道路交通 7 日), reported at
 *   http://hnqxp02.cn/newsshow.php?Id=3541&SortID=69 (中国林业网 2016-07-12);
 * - natural disasters are clocked from when they happened (DESIGN §2.6).
 */
export const NATIONAL_PROFILE: BuiltInProfile = {
  id: 'national',
  policy: NATIONAL_DEFAULT_POLICY,
  sources: [
    '《生产安全事故报告和调查处理条例》（国务院令第493号）第十一条、第十三条',
    '国务院应急办 2015 年突发事件信息报告要求（重大、特别重大：30 分钟电话、1 小时书面；据 DESIGN §2.3，原文未再核）',
    '《生产安全事故信息报告和处置办法》（原国家安全监管总局令第21号）',
    '安全监管总局等五部门 2016 年生产安全事故统计归口直报通知（30 日；火灾、道路交通 7 日） http://hnqxp02.cn/newsshow.php?Id=3541&SortID=69',
  ],
};

/**
 * 河南省 (the province whose published table we could cite; see docs/policy-profiles.md for what was
 * found for 安徽省): 河南省应急管理厅 notice on 事故灾难类、自然灾害类突发事件信息报告, reported by 大河报 /
 * 河南广播电视台 (http://news.hnr.cn/snxw/article/1/1335773042856562688):
 * - 重大、特别重大: phone to the province within 15 min, written within 35 min;
 * - 较大: written within 1 h;
 * - 一般: written within 6 h to the province — looser than 条例 第十一条's 2 h, which stays;
 * - 较大 and above: one 续报 each day before 08:00 and one before 17:00 (特殊情况随时续报).
 * The notice counts from 事发; the console counts from receipt (from occurrence for natural disasters),
 * so a call received late shows a later deadline than the notice would: the officer reports at once.
 */
export const HENAN_PROFILE: BuiltInProfile = {
  id: 'henan',
  policy: {
    name: '河南省（事故灾难类、自然灾害类从严）',
    initial: [
      { applies: '*', grades: '*', kind: 'initial_written', within: 'PT2H' },
      { applies: 'accident', grades: ['I', 'II'], kind: 'initial_phone', within: 'PT15M' },
      { applies: 'accident', grades: ['I', 'II'], kind: 'initial_written', within: 'PT35M' },
      { applies: 'accident', grades: ['III'], kind: 'initial_written', within: 'PT1H' },
      { applies: 'natural_disaster', grades: ['I', 'II'], kind: 'initial_phone', within: 'PT15M' },
      { applies: 'natural_disaster', grades: ['I', 'II'], kind: 'initial_written', within: 'PT35M' },
      { applies: 'natural_disaster', grades: ['III'], kind: 'initial_written', within: 'PT1H' },
    ],
    followupPerDay: { I: 2, II: 2, III: 2, IV: 1 },
    followupAt: ['08:00', '17:00'],
    followupAtGrades: ['I', 'II', 'III'],
    changeWindowDays: { default: 30, road_traffic: 7, fire: 7 },
    disasterClockFrom: 'occurred',
    disasters: DEFAULT_DISASTER_CLOCKS,
  },
  sources: [
    '河南省应急管理厅关于事故灾难类、自然灾害类突发事件信息报告工作的通知（文号以原文为准；大河报报道：重大、特别重大 15 分钟电话、35 分钟书面；较大 1 小时书面；一般 6 小时书面；较大及以上每天 8 时前、17 时前各续报 1 次） http://news.hnr.cn/snxw/article/1/1335773042856562688',
    '《生产安全事故报告和调查处理条例》（国务院令第493号）第十一条（书面 2 小时）、第十三条',
  ],
};

export const BUILT_IN_PROFILES: readonly BuiltInProfile[] = [NATIONAL_PROFILE, HENAN_PROFILE];

export const DEFAULT_PROFILE_ID = NATIONAL_PROFILE.id;

export function builtInProfile(id: string): BuiltInProfile | undefined {
  return BUILT_IN_PROFILES.find((p) => p.id === id);
}
