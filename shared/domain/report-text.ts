import { DateTime } from 'luxon';
import { gradeLabel, wanYuan } from './grading';
import { CASUALTY_FIELDS, type CasualtyField, figuresChanged } from './incident-flags';
import type { Casualties, CategoryCode, Grade, ReportKind } from './incident-types';

const CATEGORY_NAMES: Record<CategoryCode, string> = {
  hazardous_chemicals: '危险化学品',
  road_traffic: '道路交通',
  construction: '建设施工',
  urban_gas: '城镇燃气',
  fire: '火灾',
  industry_trade: '工贸',
  special_equipment: '特种设备',
  other_accident: '其他事故',
  flood: '洪涝',
  drought: '干旱',
  meteorological: '气象',
  earthquake: '地震',
  geological: '地质',
  forest_fire: '森林草原火灾',
  public_health: '公共卫生事件',
  social_security: '社会安全事件',
};

export function categoryName(code: CategoryCode): string {
  return CATEGORY_NAMES[code];
}

const DIGITS = '零一二三四五六七八九';
const UNITS = ['', '十', '百', '千'];

/** 1 → 一, 10 → 十, 11 → 十一, 21 → 二十一, 105 → 一百零五, up to 9999. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new Error(`cannot write ${n} in Chinese numerals`);
  let text = '';
  let gap = false;
  for (let pos = 3; pos >= 0; pos--) {
    const digit = Math.floor(n / 10 ** pos) % 10;
    if (digit === 0) {
      gap = text !== '';
      continue;
    }
    text += `${gap ? '零' : ''}${DIGITS[digit]}${UNITS[pos]}`;
    gap = false;
  }
  return n >= 10 && n < 20 ? text.slice(1) : text;
}

/** 首报, 续报一, 续报二 … (the follow-up's place among follow-ups, not its report number), 终报. */
export function reportTitle(number: number, kind: ReportKind, totalFollowupsBefore: number): string {
  if (!Number.isInteger(number) || number < 1) throw new Error(`invalid report number ${number}`);
  if (kind === 'initial') return '首报';
  if (kind === 'final') return '终报';
  return `续报${chineseNumeral(totalFollowupsBefore + 1)}`;
}

export interface ReportCaller {
  name: string;
  unit?: string | null;
  post?: string | null;
  phone?: string | null;
  /** Leaders and units the caller has already told. */
  alreadyTold?: string | null;
}

/** What a report draft needs of an incident; a 续报 compares two of these. */
export interface ReportIncident {
  title: string;
  category: CategoryCode;
  /** Defaults to categoryName(category). */
  categoryName?: string;
  grade: Grade | null;
  nearMiss: boolean;
  occurredAt: string;
  receivedAt: string;
  address: string;
  summary: string;
  casualties: Casualties;
  directLossYuan?: number | null;
  burnedAreaHa?: number | null;
  caller: ReportCaller;
  /** Actions taken so far, oldest first. */
  measures: string[];
  outcome?: string | null;
}

export interface DraftReportInput {
  kind: ReportKind;
  incident: ReportIncident;
  /** The incident as of the last report: a 续报 reports only what changed since. */
  previous?: ReportIncident;
  zone: string;
}

const FIGURE_NAMES: Record<CasualtyField, string> = {
  deaths: '死亡',
  missing: '下落不明',
  seriousInjuries: '重伤',
  poisoned: '急性工业中毒',
  minorInjuries: '轻伤',
  trapped: '被困',
  endangered: '受威胁',
  evacuated: '疏散转移',
};
/** Always stated, even at 0: a 首报 never goes without casualty figures. */
const CORE_FIGURES = new Set<CasualtyField>(['deaths', 'missing', 'seriousInjuries', 'minorInjuries']);

/** e.g. '2026年3月5日2时40分' on the wall clock of `zone`. */
export function chineseDateTime(at: string, zone: string): string {
  const t = DateTime.fromJSDate(new Date(at)).setZone(zone);
  if (!t.isValid) throw new Error(`invalid instant "${at}" or zone "${zone}"`);
  return `${t.year}年${t.month}月${t.day}日${t.hour}时${t.minute}分`;
}

const sentence = (text: string) => `${text.trim().replace(/[。．.；;，,]+$/, '')}。`;
const loss = (yuan: number | null | undefined) =>
  yuan == null ? '直接经济损失正在核实' : `直接经济损失初步估计 ${wanYuan(yuan)} 万元`;
const numbered = (items: string[]) => items.map((m, i) => `${i + 1}. ${m.trim()}`).join('；');

function figuresLine(i: ReportIncident): string {
  const people = CASUALTY_FIELDS.filter((f) => CORE_FIGURES.has(f) || (i.casualties[f] ?? 0) > 0).map(
    (f) => `${FIGURE_NAMES[f]} ${i.casualties[f] ?? 0} 人`,
  );
  const area = i.burnedAreaHa == null ? [] : [`过火面积 ${i.burnedAreaHa} 公顷`];
  return [people.join('，'), loss(i.directLossYuan), ...area].join('；');
}

function gradeLine(i: ReportIncident): string {
  if (i.category === 'social_security') return '事件等级：社会安全事件，不分级';
  return `事件等级：${i.grade ? gradeLabel(i.grade) : '待定级'}${i.nearMiss ? '，属较大涉险事故' : ''}`;
}

function initialText(i: ReportIncident, zone: string): string {
  const c = i.caller;
  const callerAbout = [c.unit, c.post].filter(Boolean).join(' ');
  const callerLine = [
    `报告人 ${c.name}${callerAbout ? `（${callerAbout}）` : ''}`,
    c.phone ? `联系电话 ${c.phone}` : '',
    `已告知：${c.alreadyTold?.trim() || '无'}`,
    gradeLine(i),
  ].filter(Boolean);
  return [
    `${chineseDateTime(i.receivedAt, zone)}，我局接报${i.title}，现将有关情况报告如下：`,
    `（一）事故发生单位概况：${sentence(c.unit?.trim() || '待核实')}`,
    `（二）事故发生的时间、地点以及事故现场情况：${chineseDateTime(i.occurredAt, zone)}，${i.address.trim()}，发生${i.categoryName ?? categoryName(i.category)}事件。`,
    `（三）事故的简要经过：${sentence(i.summary || '正在核实')}`,
    `（四）事故已经造成或者可能造成的伤亡人数（包括下落不明的人数）和初步估计的直接经济损失：${figuresLine(i)}。`,
    `（五）已经采取的措施：${sentence(i.measures.length > 0 ? numbered(i.measures) : '正在核实')}`,
    `（六）其他应当报告的情况：${callerLine.join('；')}。`,
  ].join('\n');
}

function changes(now: ReportIncident, before: ReportIncident): string[] {
  const lines = figuresChanged(before.casualties, now.casualties).map(
    (f) => `${FIGURE_NAMES[f]}人数由 ${before.casualties[f] ?? 0} 人变为 ${now.casualties[f] ?? 0} 人`,
  );
  if ((before.directLossYuan ?? null) !== (now.directLossYuan ?? null)) {
    lines.push(
      before.directLossYuan == null
        ? loss(now.directLossYuan)
        : `直接经济损失由 ${wanYuan(before.directLossYuan)} 万元变为 ${now.directLossYuan == null ? '待核实' : `${wanYuan(now.directLossYuan)} 万元`}`,
    );
  }
  if ((before.burnedAreaHa ?? null) !== (now.burnedAreaHa ?? null)) {
    lines.push(`过火面积由 ${before.burnedAreaHa ?? '待核实'} 公顷变为 ${now.burnedAreaHa ?? '待核实'} 公顷`);
  }
  if (before.grade !== now.grade) {
    lines.push(
      `事件等级由${before.grade ? gradeLabel(before.grade) : '待定级'}调整为${now.grade ? gradeLabel(now.grade) : '待定级'}`,
    );
  }
  if (before.nearMiss !== now.nearMiss)
    lines.push(now.nearMiss ? '经核实属较大涉险事故' : '经核实不属较大涉险事故');
  if (before.address.trim() !== now.address.trim()) lines.push(`事发地点更正为${now.address.trim()}`);
  if (before.summary.trim() !== now.summary.trim()) lines.push(`事故经过补充：${now.summary.trim()}`);
  const seen = new Set(before.measures.map((m) => m.trim()));
  const added = now.measures.filter((m) => !seen.has(m.trim()));
  if (added.length > 0) lines.push(`新采取的措施：${numbered(added)}`);
  return lines;
}

const list = (lines: string[]) => lines.map((l, n) => `${chineseNumeral(n + 1)}、${sentence(l)}`);

function followupText(i: ReportIncident, previous: ReportIncident | undefined): string {
  if (!previous) {
    const measures = i.measures.length > 0 ? numbered(i.measures) : '正在核实';
    return [
      `${i.title}续报如下：`,
      ...list([`截至目前，${figuresLine(i)}`, gradeLine(i), `已经采取的措施：${measures}`]),
    ].join('\n');
  }
  const lines = changes(i, previous);
  return [`${i.title}续报如下：`, ...(lines.length > 0 ? list(lines) : ['暂无新的变化。'])].join('\n');
}

function finalText(i: ReportIncident): string {
  const measures = i.measures.length > 0 ? numbered(i.measures) : '无';
  return [
    `${i.title}终报如下：`,
    ...list([
      `处置结果：${i.outcome?.trim() || '待补充'}`,
      `最终伤亡和损失：${figuresLine(i)}`,
      gradeLine(i),
      `采取的主要措施：${measures}`,
    ]),
  ].join('\n');
}

/** A draft for the officer to edit: the six items of 条例 第十二条 for a 首报, the changes for a 续报. */
export function draftReportText(input: DraftReportInput): string {
  if (input.kind === 'initial') return initialText(input.incident, input.zone);
  if (input.kind === 'followup') return followupText(input.incident, input.previous);
  return finalText(input.incident);
}
