import { DateTime } from 'luxon';
import type { OpenIncident, PendingItem, SectionKey } from '../schemas/handover';
import type { Incident, Report } from '../schemas/incidents';
import type { LogEntry } from '../schemas/logbook';
import type { SpotCheck } from '../schemas/spot-checks';
import { gradeLabel } from './grading';
import { wallMinute } from './handover-time';
import { categoryName } from './report-text';

export const SECTION_TITLES: Record<SectionKey, string> = {
  people: '值班人员',
  warnings: '预警与应急响应',
  attendance: '签到与查岗',
  received: '本班接报事件',
  open: '未结事件',
  reports: '报告情况',
  calls: '来电与通知',
  instructions: '领导批示',
  pending: '待办事项',
  equipment: '通信与装备',
  notes: '备注',
};
export const STAGE_NAMES: Record<Incident['stage'], string> = {
  received: '已接报',
  verified: '已核实',
  reported: '已报告',
  handling: '处置中',
  closed: '已结案',
};
export const OBLIGATION_NAMES: Record<Incident['obligations'][number]['kind'], string> = {
  initial_phone: '首报(电话)',
  initial_written: '首报(书面)',
  followup_daily: '续报(每日)',
  followup_change: '补报(伤亡变化)',
  final: '终报',
  direct_entry: '直报录入',
  direct_notified: '直报通报(消防/交警)',
  notification: '首报通报有关部门',
  hop: '逐级上报',
};
const CHANNEL_NAMES: Record<Report['channel'], string> = { phone: '电话', written: '书面', system: '系统' };
export const EQUIPMENT_OK = '通信、装备状态正常';
export const NONE = '无';

export type DraftSpotCheck = Pick<
  SpotCheck,
  'source' | 'caller' | 'issuedBy' | 'issuedAt' | 'dueAt' | 'answeredAt' | 'answeredBy' | 'status'
>;
export type DraftReport = Pick<
  Report,
  'incidentId' | 'title' | 'channel' | 'recipient' | 'sentAt' | 'sentBy' | 'late'
>;
export type DraftLogEntry = Pick<
  LogEntry,
  | 'kind'
  | 'at'
  | 'callerName'
  | 'callerUnit'
  | 'callerPost'
  | 'callerPhone'
  | 'content'
  | 'alreadyTold'
  | 'handling'
  | 'incidentId'
>;

/** How lines show times and people: the bureau's wall clock, display names. */
export interface LineStyle {
  t(at: string): string;
  name(username: string): string;
}

const SHORT = 'MM-dd HH:mm';

/** An instant on the bureau's wall clock, e.g. '03-05 14:20'. */
export function localTime(at: string, zone: string, format = SHORT): string {
  if (format === SHORT) {
    const fast = wallMinute(at, zone);
    if (fast !== null) return fast;
  }
  return DateTime.fromISO(at, { zone: 'utc' }).setZone(zone).toFormat(format);
}

export function incidentTitle(i: Pick<Incident, 'category' | 'location'>): string {
  return `${categoryName(i.category)}：${i.location.address}`;
}

export function numbered(lines: string[]): string {
  return lines.length ? lines.map((l, i) => `${i + 1}. ${l}`).join('\n') : NONE;
}

/** The stage, the next report owed and its deadline, overdue or not. */
export function openIncidentLine(o: OpenIncident, zone: string): string {
  const due = o.next?.dueAt ? `时限 ${localTime(o.next.dueAt, zone)}` : '处置结束时报送';
  const next = o.next ? `下一项：${OBLIGATION_NAMES[o.next.kind]}，${due}` : '无待报事项';
  const flags = `${o.drill ? '【演练】' : ''}${o.overdue ? '【已超时】' : ''}`;
  return `#${o.id} ${o.title}，${gradeLabel(o.grade)}，阶段：${STAGE_NAMES[o.stage]}；${next}${flags}`;
}

/** The 未结事件 section: written from the open incidents, never typed. */
export function openSectionText(open: OpenIncident[], zone: string): string {
  return numbered(open.map((o) => openIncidentLine(o, zone)));
}

/**
 * The 待办事项 section, written from the pending list (the console previews it with the same words):
 * items handed on by the last shift, items added now, items done.
 */
export function pendingSectionText(
  pending: (Pick<PendingItem, 'text' | 'done'> & { key?: string })[],
  handedOn: ReadonlySet<string>,
): string {
  return numbered(
    pending
      .filter((p) => p.text.trim())
      .map((p) => {
        const suffix = p.done
          ? '（已办结）'
          : p.key !== undefined && handedOn.has(p.key)
            ? '（上班移交）'
            : '';
        return `${p.text.trim()}${suffix}`;
      }),
  );
}

export function receivedLine(
  i: Pick<Incident, 'id' | 'category' | 'location' | 'grade' | 'drill' | 'receivedAt' | 'summary' | 'stage'>,
  s: LineStyle,
): string {
  const drill = i.drill ? '【演练】' : '';
  return `${s.t(i.receivedAt)} #${i.id} ${incidentTitle(i)}，${gradeLabel(i.grade)}${drill}：${i.summary} —— ${STAGE_NAMES[i.stage]}`;
}

export function spotCheckLine(c: DraftSpotCheck, s: LineStyle): string {
  const who = c.source === 'upper' ? `上级来电（${c.caller}）` : s.name(c.issuedBy);
  const answer =
    c.answeredAt && c.answeredBy
      ? `${s.t(c.answeredAt)} ${s.name(c.answeredBy)} 应答${c.status === 'late' ? '（超时）' : '（按时）'}`
      : c.status === 'missed'
        ? '未应答（已告警）'
        : `待应答（时限 ${s.t(c.dueAt)}）`;
  return `${s.t(c.issuedAt)} ${who} 查岗，${answer}`;
}

export function reportLine(r: DraftReport, about: string, s: LineStyle): string {
  const late = r.late ? '【迟报】' : '';
  return `${s.t(r.sentAt)} ${about} ${r.title}（${CHANNEL_NAMES[r.channel]}）报 ${r.recipient}，${s.name(r.sentBy)}${late}`;
}

export function callLine(e: DraftLogEntry, s: LineStyle): string {
  const from = [e.callerUnit, e.callerPost].filter(Boolean).join(' ');
  const phone = e.callerPhone ? ` ${e.callerPhone}` : '';
  const caller = e.callerName ? `${e.callerName}${from ? `（${from}）` : ''}${phone}` : from;
  const parts = [
    `${s.t(e.at)} ${e.kind === 'call' ? '来电' : '通知'}${caller ? ` ${caller}` : ''}：${e.content}`,
  ];
  if (e.alreadyTold) parts.push(`已告知：${e.alreadyTold}`);
  if (e.handling) parts.push(`处理：${e.handling}`);
  if (e.incidentId !== null) parts.push(`已转事件 #${e.incidentId}`);
  return parts.join('；');
}

export function instructionLine(e: DraftLogEntry, s: LineStyle): string {
  const from = [e.callerUnit, e.callerName].filter(Boolean).join(' ') || '领导';
  return `${s.t(e.at)} ${from} 指示：${e.content}`;
}

export function noteLine(e: DraftLogEntry, s: LineStyle): string {
  return `${s.t(e.at)} ${e.content}${e.handling ? `；处理：${e.handling}` : ''}`;
}
