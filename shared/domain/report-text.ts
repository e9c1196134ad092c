import { DateTime } from 'luxon';
import { classOf, gradeName } from './grading';
import type { IncidentSource } from './incident-flags';
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
  forest_fire: '森林火灾',
  grassland_fire: '草原火灾',
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

/** 事故发生单位: where it happened, never the caller's unit. */
export interface ReportAccidentUnit {
  name: string;
  type?: string | null;
  address?: string | null;
}

/** One handling record: a dispatch, an instruction, an on-scene update. */
export interface ReportMeasure {
  type: 'dispatch' | 'instruction' | 'update';
  text: string;
  at: string;
}

/** What a report draft needs of an incident; a 续报 compares two of these. */
export interface ReportIncident {
  /** Kept in stored snapshots of earlier versions; not used for the text. */
  title?: string;
  category: CategoryCode;
  grade: Grade | null;
  nearMiss: boolean;
  drill?: boolean;
  occurredAt: string;
  receivedAt: string;
  address: string;
  summary: string;
  casualties: Casualties;
  directLossYuan?: number | null;
  burnedAreaHa?: number | null;
  caller: ReportCaller;
  source?: IncidentSource;
  /** null or absent: not yet known (正在核实). */
  accidentUnit?: ReportAccidentUnit | null;
  /** Handling records, oldest first (plain strings in snapshots stored before they carried a time). */
  measures: (ReportMeasure | string)[];
  outcome?: string | null;
  closedAt?: string | null;
}

/** The report this draft follows (a 续报 or 终报 names it). */
export interface PreviousReport {
  kind: ReportKind;
  sentAt: string;
  /** The incident as it was then: a 续报 reports only what changed since. */
  incident?: ReportIncident;
}

export interface DraftReportInput {
  kind: ReportKind;
  incident: ReportIncident;
  /** The incident as of the last report: a 续报 reports only what changed since. */
  previous?: ReportIncident;
  /** Reports already sent, oldest first (for 续报（第N次）, the 首报's time, and what is new). */
  reports?: PreviousReport[];
  /** When the draft is made: the 截至 of a 续报. Defaults to the latest known time. */
  asOf?: string;
  zone: string;
}

// ---------------------------------------------------------------- time and numbers (§2)

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function wall(at: string, zone: string): WallTime {
  const t = DateTime.fromJSDate(new Date(at)).setZone(zone);
  if (!t.isValid) throw new Error(`invalid instant "${at}" or zone "${zone}"`);
  return { year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute };
}

/** 7时, 7时05分, 14时38分: hours never padded, minutes two digits, no 0分. */
export function clockTime(at: string, zone: string): string {
  const t = wall(at, zone);
  return t.minute === 0 ? `${t.hour}时` : `${t.hour}时${String(t.minute).padStart(2, '0')}分`;
}

/** e.g. '2026年3月5日2时40分', '2026年3月5日3时' on the wall clock of `zone` (the header's 报送时间). */
export function chineseDateTime(at: string, zone: string): string {
  const t = wall(at, zone);
  return `${t.year}年${t.month}月${t.day}日${clockTime(at, zone)}`;
}

/**
 * A time in running text: the date only when it differs from `ref`'s (12月6日7时05分, then 7时20分;
 * the next day 7日8时); the year only when it crosses one.
 */
export function bodyTime(at: string, zone: string, ref?: string): string {
  const t = wall(at, zone);
  const r = ref ? wall(ref, zone) : null;
  const clock = clockTime(at, zone);
  if (r && r.year === t.year && r.month === t.month && r.day === t.day) return clock;
  if (r && r.year === t.year && r.month === t.month) return `${t.day}日${clock}`;
  if (r && r.year !== t.year) return `${t.year}年${t.month}月${t.day}日${clock}`;
  return `${t.month}月${t.day}日${clock}`;
}

/** Yuan as 万元 with at most two decimals: 1234567 → '123.46'. */
export function wanYuanText(yuan: number): string {
  return String(Number((yuan / 10_000).toFixed(2)));
}

const hectares = (ha: number) => String(Number(ha.toFixed(1)));

/** Trailing punctuation replaced by one 。; half-width punctuation made full-width. */
function sentence(text: string): string {
  const t = fullWidth(text.trim()).replace(/[。．.；;，,、：:]+$/u, '');
  return t === '' ? '' : `${t}。`;
}

function fullWidth(text: string): string {
  return text
    .replace(/,/g, '，')
    .replace(/;/g, '；')
    .replace(/:/g, '：')
    .replace(/!/g, '')
    .replace(/\?/g, '？')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/\s+/g, '');
}

// ---------------------------------------------------------------- names

/** The event as a person would say it (燃气爆炸事故, 森林火灾), never a category label. */
export function eventName(i: Pick<ReportIncident, 'category' | 'summary'>): string {
  const s = i.summary;
  const blast = /爆炸|爆燃|闪爆/u.test(s);
  const leak = /泄漏|泄露/u.test(s);
  const blaze = /起火|着火|火灾|燃烧/u.test(s);
  switch (i.category) {
    case 'urban_gas':
      return blast ? '燃气爆炸事故' : leak ? '燃气泄漏事故' : blaze ? '燃气火灾事故' : '燃气事故';
    case 'hazardous_chemicals':
      return blast
        ? '危险化学品爆炸事故'
        : leak
          ? '危险化学品泄漏事故'
          : blaze
            ? '危险化学品火灾事故'
            : '危险化学品事故';
    case 'road_traffic':
      return '道路交通事故';
    case 'construction':
      return /坍塌|倒塌/u.test(s)
        ? '建筑施工坍塌事故'
        : /坠落/u.test(s)
          ? '建筑施工高处坠落事故'
          : '建筑施工事故';
    case 'fire':
      return '火灾';
    case 'industry_trade':
      return blast ? '爆炸事故' : /中毒|窒息/u.test(s) ? '中毒窒息事故' : '生产安全事故';
    case 'special_equipment':
      return /电梯/u.test(s) ? '电梯事故' : /锅炉|压力容器/u.test(s) ? '锅炉压力容器事故' : '特种设备事故';
    case 'other_accident':
      return '生产安全事故';
    case 'flood':
      return '洪涝灾害';
    case 'drought':
      return '旱灾';
    case 'meteorological':
      return '气象灾害';
    case 'earthquake':
      return '地震灾害';
    case 'geological':
      return /滑坡/u.test(s) ? '山体滑坡' : /泥石流/u.test(s) ? '泥石流灾害' : '地质灾害';
    case 'forest_fire':
      return '森林火灾';
    case 'grassland_fire':
      return '草原火灾';
    case 'public_health':
      return '突发公共卫生事件';
    case 'social_security':
      return '社会安全事件';
  }
}

/** Production accidents run the six items of 第十二条 and 首报/续报/终报; the rest 基本情况/处置情况/研判/下一步. */
const isAccident = (i: ReportIncident) => classOf(i.category) === 'accident';

/** 关于长青街道和平路一餐馆燃气爆炸事故的首报: place without house number, the unit by its kind. */
const UNIT_KINDS = [
  '餐馆',
  '饭店',
  '酒店',
  '酒楼',
  '宾馆',
  '商店',
  '超市',
  '市场',
  '工地',
  '工厂',
  '厂',
  '公司',
  '仓库',
  '加油站',
  '学校',
  '医院',
  '小区',
  '门店',
  '商铺',
];

function titlePlace(i: ReportIncident): string {
  const place = i.address
    .replace(/[（(].*$/u, '')
    .replace(/[0-9０-９-]+(号|弄|栋|幢|楼|室|单元).*$/u, '')
    .replace(/[A-Za-z0-9\s]/gu, '');
  const name = i.accidentUnit?.name ?? '';
  const kind = UNIT_KINDS.find((k) => name.endsWith(k));
  return `${place}${kind ? `一${kind}` : ''}`;
}

/** The heading line of the draft: 关于……的首报 / 的续报（第一次） / 的终报. */
export function reportHeading(i: ReportIncident, kind: ReportKind, followupsBefore: number): string {
  const what =
    kind === 'initial'
      ? '首报'
      : kind === 'final'
        ? '终报'
        : `续报（第${chineseNumeral(followupsBefore + 1)}次）`;
  return `${i.drill ? '【演练】' : ''}关于${titlePlace(i)}${eventName(i)}的${what}`;
}

const SOURCES: Record<IncidentSource, string> = {
  phone: '群众电话报告',
  api: '系统推送信息',
  walk_in: '群众来访报告',
  monitoring: '监测预警信息',
  tip_off: '群众举报',
  media: '媒体报道信息',
};

/** Who told us: the caller's unit, named here and nowhere else. */
function sourceText(i: ReportIncident): string {
  const unit = i.caller.unit?.trim();
  if (unit) return `${fullWidth(unit)}报告`;
  return SOURCES[i.source ?? 'phone'];
}

// ---------------------------------------------------------------- figures (§2.2, 第十二条（四）)

const n = (v: number | undefined) => v ?? 0;

function injuredTotal(c: Casualties): number {
  return n(c.seriousInjuries) + n(c.poisoned) + n(c.minorInjuries) + n(c.injuredUnknown);
}

/** 已造成2人死亡、5人受伤 — or '' when nobody died or was hurt. */
function harmPhrase(c: Casualties): string {
  const parts: string[] = [];
  if (n(c.deaths) > 0) parts.push(`${c.deaths}人死亡`);
  const injured = injuredTotal(c);
  if (injured > 0) parts.push(`${injured}人受伤`);
  return parts.join('、');
}

const figuresKnown = (c: Casualties) => Object.values(c).some((v) => v !== undefined);

/** The casualty sentence: deaths, injuries (by severity where known), missing — always stated. */
function casualtySentence(c: Casualties, subject: string, final = false): string {
  if (!figuresKnown(c)) return '人员伤亡情况正在核实。';
  const injured = injuredTotal(c);
  const parts: string[] = [];
  if (n(c.deaths) > 0) parts.push(`${c.deaths}人死亡`);
  if (injured > 0) {
    const kinds: string[] = [];
    if (n(c.seriousInjuries) > 0) kinds.push(`重伤${c.seriousInjuries}人`);
    if (n(c.poisoned) > 0) kinds.push(`急性工业中毒${c.poisoned}人`);
    if (n(c.minorInjuries) > 0) kinds.push(`轻伤${c.minorInjuries}人`);
    if (n(c.injuredUnknown) > 0 && kinds.length > 0) kinds.push(`伤情待核${c.injuredUnknown}人`);
    // 5人受伤（其中重伤1人、轻伤2人、伤情待核2人）; all of unknown severity: （伤情正在核实）.
    const detail =
      kinds.length > 0 ? `（其中${kinds.join('、')}）` : n(c.injuredUnknown) > 0 ? '（伤情正在核实）' : '';
    parts.push(`${injured}人受伤${detail}`);
  }
  const first = parts.length > 0 ? `${subject}已造成${parts.join('、')}` : `${subject}暂未造成人员死亡和受伤`;
  const rest: string[] = [];
  if (n(c.trapped) > 0) rest.push(`${c.trapped}人被困`);
  rest.push(n(c.missing) > 0 ? `${c.missing}人下落不明` : final ? '无人员下落不明' : '暂未发现人员下落不明');
  if (n(c.endangered) > 0) rest.push(`危及${c.endangered}人生命安全`);
  return `${first}；${rest.join('，')}。`;
}

function lossSentence(i: ReportIncident): string {
  return i.directLossYuan == null
    ? '直接经济损失正在核算。'
    : `初步估计直接经济损失${wanYuanText(i.directLossYuan)}万元。`;
}

/** Running totals in one sentence (a 续报 restates them). */
function totalsSentence(i: ReportIncident): string {
  const c = i.casualties;
  const harm = harmPhrase(c);
  const missing = n(c.missing) > 0 ? `${c.missing}人下落不明` : '暂无人员下落不明';
  const unknown = n(c.injuredUnknown) > 0 ? `（其中伤情待核${c.injuredUnknown}人）` : '';
  return harm ? `目前共造成${harm}${unknown}；${missing}。` : `目前暂未造成人员死亡和受伤；${missing}。`;
}

// ---------------------------------------------------------------- grade (§2.2 grades, C05)

/** Forest and grassland fires: natural disasters told like fires (过火面积, 火情和扑救). */
function isFire(i: ReportIncident): boolean {
  return i.category === 'forest_fire' || i.category === 'grassland_fire';
}

function gradeWords(i: ReportIncident): string {
  if (i.category === 'social_security' || i.category === 'public_health') return '';
  if (isFire(i)) return i.grade ? `${gradeName(i.grade)}${eventName(i)}` : '';
  if (isAccident(i)) {
    if (i.nearMiss) return '较大涉险事故';
    return i.grade ? `${gradeName(i.grade)}事故` : '';
  }
  return i.grade ? `${gradeName(i.grade)}${eventName(i)}` : '';
}

function gradeSentence(i: ReportIncident): string {
  if (i.category === 'social_security') return '';
  const words = gradeWords(i);
  if (!words) return '事件等级正在研判。';
  const basis =
    i.category === 'forest_fire'
      ? '按初步估算的受害森林面积'
      : i.category === 'grassland_fire'
        ? '按初步估算的受害草原面积'
        : '按目前掌握的情况';
  return `${basis}，初步研判为${words}。`;
}

// ---------------------------------------------------------------- measures (第十二条（五）)

function measuresOf(i: ReportIncident): ReportMeasure[] {
  return i.measures
    .map((m) => (typeof m === 'string' ? { type: 'dispatch' as const, text: m, at: '' } : m))
    .filter((m) => m.text.trim() !== '');
}

/** What the summary says was already done (消防、120已到场); only the handling parts of it. */
const DONE =
  /到场|到达|赶赴|出动|调派|派出|疏散|转移|救治|送医|送往|转运|管制|警戒|扑灭|控制|处置|抢险|救援|救出|封控|关阀|切断|已通知|已报告/u;

function measuresFromSummary(summary: string): string[] {
  return summary
    .split(/[。；;！!\n]/u)
    .flatMap((s) => s.split(/[，,]/u))
    .map((s) => s.trim())
    .filter((s) => s !== '' && DONE.test(s));
}

function measureLine(m: ReportMeasure, zone: string, ref: string): string {
  const when = m.at ? `${bodyTime(m.at, zone, ref)}，` : '';
  const text = fullWidth(m.text.trim()).replace(/[。；，]+$/u, '');
  if (m.type === 'instruction') return `${when}有关领导作出指示：“${text}”。`;
  if (m.type === 'update') return `${when}据现场报告，${text}。`;
  return `${when}${text}。`;
}

function measuresParagraph(i: ReportIncident, zone: string): string {
  const ref = i.receivedAt;
  const lines = [`${bodyTime(i.receivedAt, zone, ref)}接报后，我局立即核实情况并报告带班领导。`];
  const fromSummary = measuresFromSummary(i.summary);
  if (fromSummary.length > 0) lines.push(`据报，${fromSummary.join('，')}。`);
  for (const m of measuresOf(i)) lines.push(measureLine(m, zone, ref));
  return lines.join('');
}

// ---------------------------------------------------------------- 首报

function opening(i: ReportIncident, zone: string): string {
  const received = bodyTime(i.receivedAt, zone);
  const occurred = bodyTime(i.occurredAt, zone, i.receivedAt);
  const unit = i.accidentUnit?.name ? fullWidth(i.accidentUnit.name) : '';
  const harm = harmPhrase(i.casualties);
  return `　　${received}，我局接${sourceText(i)}：${occurred}许，${fullWidth(i.address)}${unit}发生一起${eventName(i)}${harm ? `，已造成${harm}` : ''}。现将有关情况报告如下：`;
}

function unitParagraph(i: ReportIncident): string {
  const u = i.accidentUnit;
  if (!u?.name?.trim()) {
    return i.category === 'road_traffic'
      ? '事故发生在道路上，涉事车辆及其所属单位情况正在核实。'
      : '事发单位名称、性质及证照等情况正在核实。';
  }
  const type = u.type?.trim() ? `，系${fullWidth(u.type)}` : '';
  const where = u.address?.trim() ? `，位于${fullWidth(u.address)}` : '';
  return `事发单位为${fullWidth(u.name)}${type}${where}；其${type ? '' : '性质及'}证照等情况正在核实。`;
}

function latestUpdate(i: ReportIncident): ReportMeasure | undefined {
  return measuresOf(i)
    .filter((m) => m.type === 'update')
    .at(-1);
}

function accidentInitial(i: ReportIncident, zone: string): string[] {
  const ref = i.receivedAt;
  const update = latestUpdate(i);
  const scene = update
    ? `据现场报告，截至${bodyTime(update.at || i.receivedAt, zone, ref)}，${sentence(update.text)}`
    : '现场情况正在进一步了解。';
  const unitName = i.accidentUnit?.name ? fullWidth(i.accidentUnit.name) : '';
  return [
    opening(i, zone),
    `　　（一）事发单位概况。${unitParagraph(i)}`,
    `　　（二）事发时间、地点及现场情况。${bodyTime(i.occurredAt, zone)}许，事故发生在${fullWidth(i.address)}${unitName}。${scene}`,
    `　　（三）事故简要经过。${i.summary.trim() ? `据初步了解，${sentence(i.summary)}` : '事故经过正在进一步调查了解。'}事故原因正在调查。`,
    `　　（四）人员伤亡和直接经济损失。${casualtySentence(i.casualties, '事故')}${lossSentence(i)}`,
    `　　（五）已采取的措施。${measuresParagraph(i, zone)}`,
    `　　（六）其他情况。${gradeSentence(i)}下一步，我局将跟踪做好事故处置工作，有关情况将及时续报。`,
  ];
}

function eventInitial(i: ReportIncident, zone: string): string[] {
  const area =
    i.burnedAreaHa == null
      ? isFire(i)
        ? '过火面积正在核实。'
        : ''
      : `初步估算过火面积约${hectares(i.burnedAreaHa)}公顷。`;
  const update = latestUpdate(i);
  const scene = update ? `据现场报告，${sentence(update.text)}` : '';
  const subject = isFire(i) ? '火灾' : '';
  const judge = gradeSentence(i);
  return [
    opening(i, zone),
    `　　一、基本情况。${i.summary.trim() ? `据初步了解，${sentence(i.summary)}` : '现场情况正在进一步了解。'}${scene}${area}${casualtySentence(i.casualties, subject)}`,
    `　　二、处置情况。${measuresParagraph(i, zone)}`,
    ...(judge ? [`　　三、研判情况。${judge}`] : []),
    `　　${judge ? '四' : '三'}、下一步工作。我局将持续跟踪${isFire(i) ? '火情和扑救' : '事态和处置'}进展，有关情况将及时续报。`,
  ];
}

// ---------------------------------------------------------------- 续报 (§4.2)

/** 由1人增至3人 / 由3人减至2人. */
function changed(name: string, before: number, now: number, unit: string): string {
  return `${name}由${before}${unit}${now > before ? '增至' : '减至'}${now}${unit}`;
}

const FIGURE_WORDS: [keyof Casualties, string][] = [
  ['deaths', '死亡人数'],
  ['seriousInjuries', '重伤人数'],
  ['poisoned', '急性工业中毒人数'],
  ['minorInjuries', '轻伤人数'],
  ['injuredUnknown', '伤情待核的受伤人数'],
  ['missing', '下落不明人数'],
  ['trapped', '被困人数'],
  ['endangered', '受威胁人数'],
  ['evacuated', '疏散转移人数'],
];

const numbered = (sections: [string, string][]) =>
  sections.map(([head, text], k) => `　　${chineseNumeral(k + 1)}、${head}。${text}`);

function followupSections(
  i: ReportIncident,
  before: ReportIncident | undefined,
  since: string | undefined,
  zone: string,
): [string, string][] {
  const sections: [string, string][] = [];
  const ref = since ?? i.receivedAt;
  const figureLines: string[] = [];
  if (before) {
    for (const [f, name] of FIGURE_WORDS) {
      const a = n(before.casualties[f]);
      const b = n(i.casualties[f]);
      if (a !== b) figureLines.push(changed(name, a, b, '人'));
    }
  }
  if (!before || figureLines.length > 0) {
    sections.push([
      '伤亡情况',
      `${figureLines.length > 0 ? `${figureLines.join('，')}。` : ''}${totalsSentence(i)}`,
    ]);
  }
  if (before && (before.grade !== i.grade || before.nearMiss !== i.nearMiss) && gradeWords(i)) {
    const from = gradeWords(before);
    sections.push([
      isAccident(i) ? '事故等级' : '等级研判',
      `${isAccident(i) ? '依据《生产安全事故报告和调查处理条例》第三条，' : ''}按目前掌握的情况，${from ? `等级由${from}调整为${gradeWords(i)}` : `初步研判为${gradeWords(i)}`}。`,
    ]);
  }
  const facts: string[] = [];
  if (before && before.address.trim() !== i.address.trim())
    facts.push(`经核实，事发地点为${fullWidth(i.address)}。`);
  if (before && (before.accidentUnit?.name ?? '') !== (i.accidentUnit?.name ?? '') && i.accidentUnit?.name) {
    facts.push(`经核实，${unitParagraph(i)}`);
  }
  if (before && before.summary.trim() !== i.summary.trim())
    facts.push(`据进一步了解，${sentence(i.summary)}`);
  if (facts.length > 0) sections.push(['事故情况', facts.join('')]);
  const seen = new Set((before ? measuresOf(before) : []).map((m) => `${m.at}|${m.text.trim()}`));
  const fresh = measuresOf(i).filter((m) =>
    since && m.at ? m.at > since : !seen.has(`${m.at}|${m.text.trim()}`),
  );
  if (fresh.length > 0) sections.push(['现场处置', fresh.map((m) => measureLine(m, zone, ref)).join('')]);
  const lossBefore = before?.directLossYuan ?? null;
  const lossNow = i.directLossYuan ?? null;
  if (before && lossBefore !== lossNow && lossNow != null) {
    sections.push([
      '损失情况',
      lossBefore == null
        ? `初步估计直接经济损失${wanYuanText(lossNow)}万元。`
        : `初步估计直接经济损失由${wanYuanText(lossBefore)}万元${lossNow > lossBefore ? '增至' : '减至'}${wanYuanText(lossNow)}万元。`,
    ]);
  }
  const areaBefore = before?.burnedAreaHa ?? null;
  const areaNow = i.burnedAreaHa ?? null;
  if (before && areaBefore !== areaNow && areaNow != null) {
    sections.push([
      '过火面积',
      areaBefore == null
        ? `初步估算过火面积约${hectares(areaNow)}公顷。`
        : `初步估算过火面积由${hectares(areaBefore)}公顷${areaNow > areaBefore ? '增至' : '减至'}${hectares(areaNow)}公顷。`,
    ]);
  }
  return sections;
}

function followup(input: DraftReportInput, followupsBefore: number): string[] {
  const { incident: i, zone } = input;
  const reports = input.reports ?? [];
  const last = reports.at(-1);
  const first = reports.find((r) => r.kind === 'initial');
  const before = input.previous ?? last?.incident;
  const asOf = input.asOf ?? latestTime(i);
  const named = first
    ? `我局已于${bodyTime(first.sentAt, zone)}报送首报${followupsBefore > 0 ? `，并先后续报${followupsBefore}次` : ''}。`
    : '';
  const sections = followupSections(i, before, last?.sentAt, zone);
  const what = isAccident(i) ? '事故' : isFire(i) ? '火灾' : '事件';
  // 截至6日14时: the day is always named at the cut-off.
  const cutRef = first?.sentAt ?? i.receivedAt;
  const cut = bodyTime(asOf, zone, cutRef);
  const cutOff = `截至${/日/u.test(cut) ? cut : `${wall(asOf, zone).day}日${cut}`}`;
  if (sections.length === 0) {
    return [`　　${named}${cutOff}，${what}情况无新变化，现场处置仍在进行。有关情况将及时续报。`];
  }
  sections.push(['下一步工作', `我局将继续跟踪${what}处置进展，有关情况将及时续报。`]);
  return [`　　${named}${cutOff}，${what}有关进展续报如下：`, ...numbered(sections)];
}

function latestTime(i: ReportIncident): string {
  const times = [i.receivedAt, ...measuresOf(i).map((m) => m.at), i.closedAt ?? ''].filter(Boolean);
  return times.sort().at(-1)!;
}

// ---------------------------------------------------------------- 终报 (§4.4)

function final(input: DraftReportInput, followupsBefore: number): string[] {
  const { incident: i, zone } = input;
  const first = (input.reports ?? []).find((r) => r.kind === 'initial');
  const what = isAccident(i) ? '事故' : isFire(i) ? '火灾' : '事件';
  const named = first
    ? `${what}已于${bodyTime(first.sentAt, zone)}首报${followupsBefore > 0 ? `，并先后续报${followupsBefore}次` : ''}。`
    : '';
  const ref = first?.sentAt ?? i.receivedAt;
  const steps = measuresOf(i).map((m) => measureLine(m, zone, ref));
  const ended = i.closedAt ? `处置工作于${bodyTime(i.closedAt, zone, ref)}结束。` : '';
  const outcome = i.outcome?.trim() ? sentence(i.outcome) : '';
  const handling =
    `${steps.join('')}${outcome}${ended}` ||
    `${bodyTime(i.receivedAt, zone, ref)}接报后，我局组织开展了处置工作。`;
  const losses = `${casualtySentence(i.casualties, what, true)}${isFire(i) && i.burnedAreaHa != null ? `过火面积约${hectares(i.burnedAreaHa)}公顷。` : ''}${lossSentence(i)}`;
  const grade = gradeWords(i);
  const sections: [string, string][] = [
    ['处置经过', handling],
    ['伤亡和损失', `${losses}${grade ? `按上述情况，属${grade}。` : ''}`],
  ];
  if (isAccident(i) || isFire(i)) {
    sections.push([`${what}原因`, `${what}原因正在调查。`]);
  }
  return [`　　${named}现将最终情况报告如下：`, ...numbered(sections), '　　此为终报。'];
}

// ---------------------------------------------------------------- the draft

/**
 * A draft for the officer to edit, in the form of REPORT-STYLE §3–§4: the heading, 主送 left to the
 * composer, then the body — the six items of 条例 第十二条 for an accident's 首报 (基本情况/处置情况/
 * 研判/下一步 for other events), what changed since the last report for a 续报, the close for a 终报.
 */
export function draftReportText(input: DraftReportInput): string {
  const { incident: i, zone, kind } = input;
  const followupsBefore = (input.reports ?? []).filter((r) => r.kind === 'followup').length;
  const body =
    kind === 'initial'
      ? isAccident(i)
        ? accidentInitial(i, zone)
        : eventInitial(i, zone)
      : kind === 'followup'
        ? followup(input, followupsBefore)
        : final(input, followupsBefore);
  return [reportHeading(i, kind, followupsBefore), '', ...body].join('\n');
}
