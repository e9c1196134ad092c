import {
  DISASTER_TYPE_LABELS,
  type DisasterFigures,
  type DisasterRecipient,
  type DisasterReportKind,
  type DisasterType,
  FIGURE_FIELDS,
  FIGURE_LABELS,
  RECIPIENT_LABELS,
  sameFigures,
} from '@shared/domain/disasters';
import { bodyTime, chineseNumeral } from '@shared/domain/report-text';
import type { ReportFigures } from '@shared/schemas/disasters';
import { formatLocal } from '../../time';

/**
 * 灾情初报 / 续报 / 核报 / 24小时零报告 drafted from the 快报表 figures, the two text fields (灾情文字说明,
 * 救灾工作文字说明) and the 因灾死亡失踪人员 list — REPORT-STYLE.md §1, §2, §4.5, §4.6 and §6's required
 * elements. Pure: everything it needs comes in; the officer edits the result before it is signed off.
 * Indicators run in the 快报表 order of FIGURE_FIELDS (受灾人口 → 死亡 → 失踪 → 紧急转移安置 → 需紧急生活救助 →
 * 农作物 → 房屋 → 直接经济损失), as REPORT-STYLE.md §4.5 and the 快报表 put them.
 */

export interface DraftVictim {
  name: string;
  unitName: string;
  status: 'dead' | 'missing';
  cause: string;
  /** Local yyyy-MM-dd. */
  date: string;
  createdAt: string;
}

export interface DraftPrevious {
  kind: DisasterReportKind;
  sentAt: string;
  forDate: string | null;
  totals: DisasterFigures;
}

export interface DisasterDraftInput {
  kind: DisasterReportKind;
  disaster: {
    type: DisasterType;
    subtype: string | null;
    beganAt: string;
    disasterText: string;
    reliefText: string;
    severe: boolean;
  };
  /** The reporting district (unit 1): 瑶泉区. */
  districtName: string;
  recipients: readonly DisasterRecipient[];
  /** The draft's 截至 instant (a daily report: ignored, its cut-off is 24:00 of the day before forDate). */
  asOf: string;
  /** Daily: the local date the report is due (09:00), its figures to the previous 24:00. */
  forDate: string | null;
  figures: ReportFigures;
  victims: readonly DraftVictim[];
  /** Reports already sent (one per send, to the city), oldest first. */
  previous: readonly DraftPrevious[];
  zone: string;
}

const INDENT = '　　';

// ---------------------------------------------------------------- numbers (§2.2)

const people = (n: number) => String(Math.round(n));
const hectares = (n: number) => String(Number(n.toFixed(1)));
const wanYuan = (n: number) => String(Number(n.toFixed(2)));

/** A figure in a table cell: people and rooms whole, areas one decimal, money two at most. */
export function figureCell(field: (typeof FIGURE_FIELDS)[number], n: number): string {
  if (field.endsWith('Ha')) return hectares(n);
  if (field === 'directLossWanYuan') return wanYuan(n);
  return people(n);
}

function figureText(field: (typeof FIGURE_FIELDS)[number], n: number): string {
  return `${figureCell(field, n)}${FIGURE_LABELS[field].unit.zh}`;
}

/** 因灾死亡2人、失踪1人 / 无人员死亡、失踪 — zero is a sentence (F09). */
function deathsPhrase(f: DisasterFigures): string {
  if (f.dead > 0 && f.missing > 0) return `因灾死亡${people(f.dead)}人、失踪${people(f.missing)}人`;
  if (f.dead > 0) return `因灾死亡${people(f.dead)}人，暂无人员失踪`;
  if (f.missing > 0) return `无人员死亡，失踪${people(f.missing)}人`;
  return '无人员死亡、失踪';
}

const allZero = (f: DisasterFigures) => FIGURE_FIELDS.every((k) => f[k] === 0);

/** 一、灾情总体情况: the totals in 快报表 order, groups joined by ；. */
export function totalsSentence(f: DisasterFigures): string {
  if (allZero(f)) {
    return '暂无人员受灾，无人员死亡、失踪，无房屋倒塌损坏，暂无直接经济损失。';
  }
  const groups: string[] = [];
  const persons = [f.affected > 0 ? `受灾人口${people(f.affected)}人` : '暂无人员受灾', deathsPhrase(f)];
  groups.push(persons.join('，'));
  const relief: string[] = [];
  if (f.relocated > 0) relief.push(`紧急转移安置${people(f.relocated)}人`);
  if (f.needAssistance > 0) relief.push(`需紧急生活救助${people(f.needAssistance)}人`);
  if (relief.length > 0) groups.push(relief.join('，'));
  if (f.cropAffectedHa > 0 || f.cropDamagedHa > 0 || f.cropLostHa > 0) {
    const within: string[] = [];
    if (f.cropDamagedHa > 0) within.push(`成灾${hectares(f.cropDamagedHa)}公顷`);
    if (f.cropLostHa > 0) within.push(`绝收${hectares(f.cropLostHa)}公顷`);
    groups.push(
      `农作物受灾面积${hectares(f.cropAffectedHa)}公顷${within.length > 0 ? `，其中${within.join('、')}` : ''}`,
    );
  }
  const houses: string[] = [];
  if (f.housesCollapsed > 0) houses.push(`倒塌房屋${people(f.housesCollapsed)}间`);
  if (f.housesSevere > 0) houses.push(`严重损坏房屋${people(f.housesSevere)}间`);
  if (f.housesGeneral > 0) houses.push(`一般损坏房屋${people(f.housesGeneral)}间`);
  if (houses.length > 0) groups.push(houses.join('，'));
  if (f.directLossWanYuan > 0) groups.push(`直接经济损失${wanYuan(f.directLossWanYuan)}万元`);
  return `${groups.join('；')}。`;
}

/** 受灾人口由1200人增至1850人 — each indicator that changed since the last report. */
function changesSentence(before: DisasterFigures, after: DisasterFigures): string {
  const parts: string[] = [];
  for (const field of FIGURE_FIELDS) {
    if (before[field] === after[field]) continue;
    const label = FIGURE_LABELS[field].zh;
    const verb = after[field] > before[field] ? '增至' : '减至';
    parts.push(`${label}由${figureText(field, before[field])}${verb}${figureText(field, after[field])}`);
  }
  return parts.length === 0 ? '' : `${parts.join('，')}。`;
}

/** The 分乡镇 table: 乡镇 and the twelve columns, one row per township, 合计 last (the sum of the rows). */
export function townshipTable(figures: ReportFigures): string[] {
  const head = ['乡镇', ...FIGURE_FIELDS.map((f) => `${FIGURE_LABELS[f].zh}（${FIGURE_LABELS[f].unit.zh}）`)];
  const row = (name: string, f: DisasterFigures) => [name, ...FIGURE_FIELDS.map((k) => figureCell(k, f[k]))];
  const lines = [head, head.map((_, i) => (i === 0 ? '---' : '---:'))];
  for (const t of figures.townships) lines.push(row(t.name, t.figures));
  lines.push(row('合计', figures.totals));
  return lines.map((cells) => `| ${cells.join(' | ')} |`);
}

// ---------------------------------------------------------------- names and times (§1, §2.1)

function dateParts(date: string): { y: number; m: number; d: number } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

/** yyyy-MM-dd → 6月21日 */
export function chineseDate(date: string): string {
  const { m, d } = dateParts(date);
  return `${m}月${d}日`;
}

/** The local date before `date` (calendar arithmetic on the date itself, no zone involved). */
export function dayBefore(date: string): string {
  const { y, m, d } = dateParts(date);
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/** 暴雨洪涝, 森林火灾, 崩塌滑坡泥石流: the sub-type when given, else the type. */
function kindName(d: DisasterDraftInput['disaster']): string {
  return (d.subtype?.trim() || DISASTER_TYPE_LABELS[d.type].zh).replace(/[A-Za-z0-9\s/]/gu, '');
}

/** The event as a person would say it: 6月18日暴雨洪涝灾情, 3月28日森林火灾. */
export function disasterEventName(d: DisasterDraftInput['disaster'], zone: string): string {
  const kind = kindName(d);
  const began = bodyTime(d.beganAt, zone).replace(/\d+时.*$/u, '');
  return /火灾$|灾情$/u.test(kind) ? `${began}${kind}` : `${began}${kind.replace(/灾害$/u, '')}灾情`;
}

/** 我区遭受暴雨洪涝灾害 / 我区发生森林火灾 */
function openingEvent(d: DisasterDraftInput['disaster']): string {
  const kind = kindName(d);
  if (/火灾$|地震$/u.test(kind)) return `发生${kind}`;
  return `遭受${kind}${/灾害$|灾$/u.test(kind) ? '' : '灾害'}`;
}

const KIND_WORDS: Record<DisasterReportKind, string> = {
  initial: '初报',
  followup: '续报',
  daily: '零报告',
  verify: '核报',
};

export function draftTitle(input: DisasterDraftInput): string {
  const event = disasterEventName(input.disaster, input.zone);
  if (input.kind === 'daily') {
    const covered = dayBefore(input.forDate ?? '1970-01-02');
    return `${input.districtName}${chineseDate(covered)}灾情零报告`;
  }
  if (input.kind === 'followup') {
    const before = input.previous.filter((p) => p.kind === 'followup').length;
    return `关于${event}的续报（第${chineseNumeral(before + 1)}次）`;
  }
  return `关于${event}的${KIND_WORDS[input.kind]}`;
}

function addressee(recipients: readonly DisasterRecipient[]): string {
  return `${recipients.map((r) => RECIPIENT_LABELS[r].zh).join('、')}：`;
}

function paragraph(text: string): string {
  const t = text
    .trim()
    .replace(/\s+/gu, '')
    .replace(/[。；，]+$/u, '');
  return t === '' ? '' : `${t}。`;
}

function victimLine(v: DraftVictim): string {
  return `${v.name}（${v.unitName}，${v.cause.replace(/[。；，\s]+$/u, '')}，${chineseDate(v.date)}）`;
}

/** 因灾死亡人员：张某（柳湾镇，房屋倒塌，6月19日）。失踪人员：… */
function victimsSentence(victims: readonly DraftVictim[]): string {
  const dead = victims.filter((v) => v.status === 'dead');
  const missing = victims.filter((v) => v.status === 'missing');
  const parts: string[] = [];
  if (dead.length > 0) parts.push(`因灾死亡人员${dead.length}人：${dead.map(victimLine).join('；')}。`);
  if (missing.length > 0)
    parts.push(`因灾失踪人员${missing.length}人：${missing.map(victimLine).join('；')}。`);
  return parts.join('');
}

// ---------------------------------------------------------------- the drafts (§4.5, §4.6, §6)

export function draftDisasterText(input: DisasterDraftInput): string {
  const { disaster, figures, zone } = input;
  const event = disasterEventName(disaster, zone);
  const title = draftTitle(input);
  const last = input.previous.at(-1);
  const asOfText = `${bodyTime(input.asOf, zone)}`;
  const relief = paragraph(disaster.reliefText);
  const situation = paragraph(disaster.disasterText);

  if (input.kind === 'daily') {
    const covered = dayBefore(input.forDate ?? '1970-01-02');
    const cut = `截至${chineseDate(covered)}24时`;
    const unchanged = last !== undefined && sameFigures(last.totals, figures.totals);
    const lines = [title, '', addressee(input.recipients)];
    if (allZero(figures.totals)) {
      lines.push(`${INDENT}${cut}，我区${event}无新增灾情，无因灾死亡、失踪人员。`);
    } else if (unchanged && last) {
      const lastWhen = chineseDate(last.forDate ?? formatLocal(last.sentAt, zone, 'yyyy-MM-dd'));
      lines.push(
        `${INDENT}${cut}，我区${event}无新增，${deathsPhrase(figures.totals)}，累计数据与${lastWhen}${KIND_WORDS[last.kind]}一致。`,
      );
    } else {
      const change = last ? changesSentence(last.totals, figures.totals) : '';
      lines.push(`${INDENT}${cut}，我区${event}累计情况如下：${totalsSentence(figures.totals)}`);
      if (change) lines.push(`${INDENT}与上次报告相比，${change}`);
      lines.push(`${INDENT}分乡镇灾情见下表。`, ...townshipTable(figures));
    }
    const named = victimsSentence(input.victims);
    if (named) lines.push(`${INDENT}${named}`);
    return lines.join('\n');
  }

  const lines = [title, '', addressee(input.recipients)];
  if (input.kind === 'initial') {
    lines.push(
      `${INDENT}${bodyTime(disaster.beganAt, zone)}，我区${openingEvent(disaster)}。${situation}截至${asOfText}统计：`,
    );
    lines.push(`${INDENT}一、灾情总体情况。${totalsSentence(figures.totals)}`);
    lines.push(`${INDENT}二、分乡镇灾情。见下表。`, ...townshipTable(figures));
    const named = victimsSentence(input.victims);
    let n = 3;
    if (named) lines.push(`${INDENT}${chineseNumeral(n++)}、因灾死亡失踪人员。${named}`);
    lines.push(`${INDENT}${chineseNumeral(n++)}、救灾工作。${relief || '救灾工作情况正在核实。'}`);
    lines.push(
      `${INDENT}${chineseNumeral(n)}、下一步工作。灾情仍在统计核实中，我局将组织各乡镇逐村核查，及时续报。`,
    );
    return lines.join('\n');
  }

  if (input.kind === 'followup') {
    const first = input.previous.find((p) => p.kind === 'initial');
    const since = first ? `${event}已于${bodyTime(first.sentAt, zone)}初报。` : '';
    const change = last ? changesSentence(last.totals, figures.totals) : '';
    const added = last ? input.victims.filter((v) => v.createdAt > last.sentAt) : input.victims;
    lines.push(`${INDENT}${since}${situation}截至${asOfText}，现将有关情况续报如下：`);
    lines.push(`${INDENT}一、新增情况。${change || '灾情无新变化。'}`);
    const addedNames = victimsSentence(added);
    if (addedNames) lines.push(`${INDENT}新增${addedNames}`);
    lines.push(`${INDENT}二、累计灾情。${totalsSentence(figures.totals)}分乡镇灾情见下表。`);
    lines.push(...townshipTable(figures));
    const named = victimsSentence(input.victims);
    let n = 3;
    if (named) lines.push(`${INDENT}${chineseNumeral(n++)}、因灾死亡失踪人员。${named}`);
    lines.push(`${INDENT}${chineseNumeral(n++)}、救灾工作。${relief || '救灾工作情况正在核实。'}`);
    lines.push(`${INDENT}${chineseNumeral(n)}、下一步工作。我局将继续跟踪灾情发展，及时续报。`);
    return lines.join('\n');
  }

  // 核报
  const lastFollowup = [...input.previous].reverse().find((p) => p.kind !== 'verify');
  const diff = lastFollowup ? changesSentence(lastFollowup.totals, figures.totals) : '';
  lines.push(`${INDENT}${situation}经核定，截至${asOfText}，${event}最终情况报告如下：`);
  lines.push(`${INDENT}一、灾情总体情况。${totalsSentence(figures.totals)}`);
  lines.push(`${INDENT}二、分乡镇灾情。见下表。`, ...townshipTable(figures));
  lines.push(
    `${INDENT}三、因灾死亡失踪人员。${victimsSentence(input.victims) || '本次灾害未造成人员死亡、失踪。'}`,
  );
  lines.push(
    `${INDENT}四、与最后一次报告的差异。${lastFollowup ? diff || '核定数据与最后一次报告一致。' : '此前未报送续报。'}`,
  );
  lines.push(`${INDENT}五、救灾工作。${relief || '救灾工作情况正在核实。'}`);
  lines.push(`${INDENT}此为核报。`);
  return lines.join('\n');
}
