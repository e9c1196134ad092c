import type { HandoverAlarm } from '../schemas/handover';
import type { Incident } from '../schemas/incidents';
import type { Shift } from '../schemas/roster';
import type { SpotCheck } from '../schemas/spot-checks';
import { incidentTitle, localTime, OBLIGATION_NAMES } from './handover-lines';

/** An upstream endpoint's queue, as the outbox reports it. */
export interface UpstreamQueue {
  endpoint: string;
  pending: number;
  oldestCreatedAt: string | null;
  oldestAgeSeconds: number;
}

export interface AlarmInput {
  zone: string;
  now: string;
  /** The shifts of the window being handed over; officers must have checked in. */
  shifts: Pick<Shift, 'id' | 'userName' | 'role' | 'start' | 'checkInAt' | 'missed'>[];
  checkInAfterMinutes: number;
  /** Spot-checks not answered yet. */
  spotChecks: Pick<
    SpotCheck,
    'id' | 'source' | 'caller' | 'issuedBy' | 'issuedAt' | 'dueAt' | 'answeredAt'
  >[];
  /** Every incident open now. */
  incidents: Pick<Incident, 'id' | 'category' | 'location' | 'stage' | 'drill' | 'obligations'>[];
  upstream: UpstreamQueue[];
  /** Display names by username. */
  names?: Record<string, string>;
}

const KIND_ORDER: HandoverAlarm['kind'][] = [
  'missed_check_in',
  'spot_check',
  'overdue_report',
  'upstream_backlog',
];
/** A queue younger than this is ordinary delivery (the console's backlog banner waits as long). */
const BACKLOG_AFTER_SECONDS = 60;

/** What is still wrong at the hand-over: each alarm once, by kind, then oldest first. */
export function handoverAlarms(input: AlarmInput): HandoverAlarm[] {
  const now = Date.parse(input.now);
  const t = (at: string) => localTime(at, input.zone);
  const name = (username: string) => input.names?.[username] ?? username;
  const alarms: HandoverAlarm[] = [];

  for (const s of input.shifts) {
    if (s.role !== 'officer' || s.checkInAt !== null || Date.parse(s.start) > now) continue;
    const due = new Date(Date.parse(s.start) + input.checkInAfterMinutes * 60_000).toISOString();
    if (!s.missed && Date.parse(due) >= now) continue;
    alarms.push({
      kind: 'missed_check_in',
      ref: `shift:${s.id}`,
      at: due,
      text: `${s.userName} 未签到（班次 ${t(s.start)} 起，签到时限 ${t(due)}）`,
    });
  }

  for (const c of input.spotChecks) {
    if (c.answeredAt !== null) continue;
    const who = c.source === 'upper' ? `上级来电（${c.caller}）` : name(c.issuedBy);
    const late = Date.parse(c.dueAt) < now ? '，已超时' : '';
    alarms.push({
      kind: 'spot_check',
      ref: `spotcheck:${c.id}`,
      at: c.dueAt,
      text: `查岗未应答：${t(c.issuedAt)} ${who} 查岗，时限 ${t(c.dueAt)}${late}`,
    });
  }

  for (const i of input.incidents) {
    if (i.stage === 'closed') continue;
    for (const o of i.obligations) {
      if (o.doneAt !== null || o.dueAt === null || Date.parse(o.dueAt) >= now) continue;
      alarms.push({
        kind: 'overdue_report',
        ref: `incident:${i.id}:${o.key}`,
        at: o.dueAt,
        text: `报告超时：#${i.id} ${incidentTitle(i)} ${OBLIGATION_NAMES[o.kind]}，时限 ${t(o.dueAt)}${i.drill ? '【演练】' : ''}`,
      });
    }
  }

  for (const q of input.upstream) {
    if (q.pending === 0 || q.oldestAgeSeconds < BACKLOG_AFTER_SECONDS) continue;
    alarms.push({
      kind: 'upstream_backlog',
      ref: `outbox:${q.endpoint}`,
      at: q.oldestCreatedAt,
      text: `上报通道积压：${q.endpoint} 有 ${q.pending} 条报告待发${q.oldestCreatedAt ? `，最早 ${t(q.oldestCreatedAt)}` : ''}`,
    });
  }

  const rank = (a: HandoverAlarm) => KIND_ORDER.indexOf(a.kind);
  return alarms.sort(
    (a, b) => rank(a) - rank(b) || (a.at ?? '').localeCompare(b.at ?? '') || a.ref.localeCompare(b.ref),
  );
}
