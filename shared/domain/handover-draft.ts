import type {
  CarriedItem,
  DutyPerson,
  HandoverDraft,
  OpenIncident,
  PendingItem,
  Section,
  SectionKey,
} from '../schemas/handover';
import type { Incident } from '../schemas/incidents';
import type { Shift } from '../schemas/roster';
import { nextDeadline } from './deadlines';
import {
  callLine,
  type DraftLogEntry,
  type DraftReport,
  type DraftSpotCheck,
  EQUIPMENT_OK,
  incidentTitle,
  instructionLine,
  type LineStyle,
  localTime,
  NONE,
  noteLine,
  numbered,
  openIncidentLine,
  openSectionText,
  pendingSectionText,
  receivedLine,
  reportLine,
  SECTION_TITLES,
  spotCheckLine,
} from './handover-lines';
import { type DraftWarnings, warningsSectionText } from './handover-warnings';

export type DraftIncident = Pick<
  Incident,
  | 'id'
  | 'category'
  | 'grade'
  | 'stage'
  | 'receivedAt'
  | 'location'
  | 'summary'
  | 'obligations'
  | 'overdue'
  | 'drill'
>;
export type DraftShift = Pick<Shift, 'userId' | 'userName' | 'role' | 'checkInAt' | 'checkInLate' | 'missed'>;
export interface DraftInstruction {
  incidentId: number;
  text: string;
  actor: string;
  at: string;
}

export interface DraftInput {
  zone: string;
  now: string;
  shift: { dutyDate: string; start: string; end: string };
  /** Every officer, leader and backup shift over the window. */
  onShift: DraftShift[];
  /** The officers rostered on the next shift. */
  incoming: DraftShift[];
  spotChecks: DraftSpotCheck[];
  /** Incidents received during the shift and every incident still open, in any order. */
  incidents: DraftIncident[];
  reports: DraftReport[];
  /** Leader instructions (批示) given on incidents during the shift. */
  instructions: DraftInstruction[];
  log: DraftLogEntry[];
  /** The last handover before this shift's: what it carried and what was left to do. */
  last: { id: number; carried: CarriedItem[]; pending: PendingItem[] } | null;
  existing: { id: number; status: string } | null;
  /** Display names by username, for the people who answered, reported or instructed. */
  names?: Record<string, string>;
  /** Titles of incidents that reports and instructions are about, where not among `incidents`. */
  titles?: Record<number, string>;
  /** Warnings and responses in force during the shift, consultations held (预警与应急响应). */
  warnings?: DraftWarnings;
}

export function openIncidentOf(i: DraftIncident, now: string, carriedBefore: boolean): OpenIncident {
  const next = nextDeadline(i.obligations, new Date(now));
  const finalOwed = i.obligations.some((o) => o.kind === 'final' && o.doneAt === null);
  return {
    id: i.id,
    title: incidentTitle(i),
    category: i.category,
    grade: i.grade,
    stage: i.stage,
    receivedAt: i.receivedAt,
    next: next ? { kind: next.kind, dueAt: next.dueAt } : finalOwed ? { kind: 'final', dueAt: null } : null,
    overdue: i.overdue,
    drill: i.drill,
    carriedBefore,
  };
}

/** Every open incident and every unfinished pending item, each to be signed for by the incoming officer. */
export function carriedItems(open: OpenIncident[], pending: PendingItem[], zone: string): CarriedItem[] {
  const incidents = open.map((o) => ({
    key: `incident:${o.id}`,
    kind: 'incident' as const,
    ref: String(o.id),
    text: openIncidentLine(o, zone),
    confirmed: false,
  }));
  const todo = pending
    .filter((p) => !p.done)
    .map((p) => ({
      key: `pending:${p.key}`,
      kind: 'pending' as const,
      ref: p.key,
      text: p.text,
      confirmed: false,
    }));
  return [...incidents, ...todo];
}

function uniquePeople(shifts: DraftShift[], role: DraftShift['role']): DutyPerson[] {
  const seen = new Set<number>();
  return shifts
    .filter((s) => s.role === role && !seen.has(s.userId) && seen.add(s.userId))
    .map((s) => ({
      userId: s.userId,
      name: s.userName,
      checkInAt: s.checkInAt,
      checkInLate: s.checkInLate,
      missed: s.missed,
    }));
}

/** Soonest deadline first; incidents owing only the 终报 (no due time) last. */
const dueOrder = (o: OpenIncident) => (o.next?.dueAt ? Date.parse(o.next.dueAt) : Number.POSITIVE_INFINITY);
const names = (people: DutyPerson[]) => (people.length ? people.map((p) => p.name).join('、') : NONE);
/** Stored instants sort by code unit; localeCompare would give the same order, many times slower. */
const textOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byTime = <T extends { at: string }>(a: T, b: T) => textOrder(a.at, b.at);

/** The draft without what the server adds from elsewhere: the open alarms and the handover window. */
export type DraftCore = Omit<HandoverDraft, 'alarms' | 'window'>;

/** The handover drafted from the shift's own records; pure, so the console can preview it too. */
export function draftHandover(input: DraftInput): DraftCore {
  const { zone, now, shift } = input;
  const style: LineStyle = { t: (at) => localTime(at, zone), name: (u) => input.names?.[u] ?? u };
  const people = {
    officers: uniquePeople(input.onShift, 'officer'),
    leaders: uniquePeople(input.onShift, 'leader'),
    backups: uniquePeople(input.onShift, 'backup'),
    incoming: uniquePeople(input.incoming, 'officer'),
  };
  const carriedBefore = new Set(input.last?.carried.map((c) => c.key) ?? []);
  const open = input.incidents
    .filter((i) => i.stage !== 'closed')
    .map((i) => openIncidentOf(i, now, carriedBefore.has(`incident:${i.id}`)))
    .sort((a, b) => dueOrder(a) - dueOrder(b) || a.id - b.id);
  const pending = (input.last?.pending ?? []).filter((p) => !p.done);
  const titles = new Map([
    ...Object.entries(input.titles ?? {}).map(([id, title]) => [Number(id), title] as const),
    ...input.incidents.map((i) => [i.id, incidentTitle(i)] as const),
  ]);
  const about = (id: number) => `#${id}${titles.has(id) ? ` ${titles.get(id)}` : ''}`;
  const log = [...input.log].sort(byTime);
  const ofKind = (...kinds: DraftLogEntry['kind'][]) => log.filter((e) => kinds.includes(e.kind));

  const attendance = [
    ...[...people.officers, ...people.backups].map((p) =>
      p.checkInAt
        ? `${p.name} ${style.t(p.checkInAt)} 签到${p.checkInLate ? '（迟到）' : '（按时）'}`
        : `${p.name} 未签到${p.missed ? '（已告警漏岗）' : ''}`,
    ),
    ...[...input.spotChecks]
      .sort((a, b) => textOrder(a.issuedAt, b.issuedAt))
      .map((c) => spotCheckLine(c, style)),
  ];
  const received = input.incidents
    .filter((i) => i.receivedAt >= shift.start && i.receivedAt < shift.end)
    .sort((a, b) => textOrder(a.receivedAt, b.receivedAt))
    .map((i) => receivedLine(i, style));
  const reports = [...input.reports]
    .sort((a, b) => textOrder(a.sentAt, b.sentAt))
    .map((r) => reportLine(r, about(r.incidentId), style));
  const instructions = [
    ...input.instructions.map((a) => ({
      at: a.at,
      line: `${style.t(a.at)} ${style.name(a.actor)} 就 ${about(a.incidentId)} 批示：${a.text}`,
    })),
    ...ofKind('instruction').map((e) => ({ at: e.at, line: instructionLine(e, style) })),
  ].sort(byTime);
  const equipment = ofKind('equipment').map((e) => noteLine(e, style));

  const text: Record<SectionKey, string> = {
    people: [
      `值班员：${names(people.officers)}`,
      `带班领导：${names(people.leaders)}`,
      `备班：${names(people.backups)}`,
      `接班人：${names(people.incoming)}`,
    ].join('\n'),
    warnings: warningsSectionText(input.warnings, style.t),
    attendance: numbered(attendance),
    received: numbered(received),
    open: openSectionText(open, zone),
    reports: numbered(reports),
    calls: numbered(ofKind('call', 'notice').map((e) => callLine(e, style))),
    instructions: numbered(instructions.map((x) => x.line)),
    pending: pendingSectionText(pending, new Set(pending.map((p) => p.key))),
    equipment: equipment.length ? numbered(equipment) : EQUIPMENT_OK,
    notes: numbered(ofKind('note').map((e) => noteLine(e, style))),
  };
  const sections: Section[] = (Object.keys(SECTION_TITLES) as SectionKey[]).map((key) => ({
    key,
    title: SECTION_TITLES[key],
    text: text[key],
  }));
  return {
    shift: { ...shift, zone },
    people,
    openIncidents: open,
    carried: carriedItems(open, pending, zone),
    pending,
    sections,
    lastHandoverId: input.last?.id ?? null,
    existing: input.existing,
  };
}
