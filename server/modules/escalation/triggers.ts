import type { EventPayloads } from '@shared/events';
import type { EscalationKind } from '@shared/schemas/escalation';
import type { IncidentCard } from '@shared/schemas/incidents';
import type { DbOrTrx, Trx } from '../../db/database';
import type { TimerEvent } from '../../jobs/raise-once';
import { addMinutes, toStored } from '../../time';
import {
  activeIncidentEscalation,
  cursorSeq,
  findEscalation,
  insertEscalation,
  markAcknowledged,
  moveCursor,
} from './repo';
import { getEscalationSettings } from './settings';

/** Events that start an escalation, and the leader's acknowledgement of an incident that stops one. */
const TRIGGERS = [
  'incident.created',
  'incident.overdue',
  'spotcheck.missed',
  'unitcheck.missed',
  'incident.acknowledged',
] as const;
type TriggerType = (typeof TRIGGERS)[number];

export interface Trigger {
  seq: number;
  at: string;
  type: TriggerType;
  actor: string;
  subject: string;
  payload: string;
}

const OBLIGATION_WORDS: Record<string, string> = {
  initial_phone: '电话首报',
  initial_written: '书面首报',
  followup_daily: '续报',
  followup_change: '续报',
  final: '终报',
  direct_entry: '直报录入',
};

/**
 * Overdue obligations alerted on the console but not escalated to the leaders' phones: each
 * department told with the 首报 (five at once would wake the chain five times; the 首报's own deadline
 * escalates), and the fire service's / traffic police's notification (another department's clock).
 */
const NOT_ESCALATED = new Set(['notification', 'direct_notified']);

/** From an event's card (or the whole incident an event recorded before issue 18 carries). */
function incidentTitle(incident: Pick<IncidentCard, 'location' | 'summary'>): string {
  const text = `${incident.location.address}：${incident.summary}`;
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function describe(
  t: Trigger,
): { kind: EscalationKind; incidentId: number | null; title: string } | undefined {
  if (t.type === 'incident.created') {
    const { incident } = JSON.parse(t.payload) as EventPayloads['incident.created'];
    // A drill practises the reporting, not the waking of the bureau's leaders.
    if (incident.drill) return undefined;
    return { kind: 'incident', incidentId: incident.id, title: `新事件：${incidentTitle(incident)}` };
  }
  if (t.type === 'incident.overdue') {
    const { incident, obligation } = JSON.parse(t.payload) as EventPayloads['incident.overdue'];
    if (incident.drill || NOT_ESCALATED.has(obligation.kind)) return undefined;
    const what = OBLIGATION_WORDS[obligation.kind] ?? '报告';
    return { kind: 'overdue', incidentId: incident.id, title: `${what}逾期：${incidentTitle(incident)}` };
  }
  if (t.type === 'spotcheck.missed') {
    const { spotCheck } = JSON.parse(t.payload) as EventPayloads['spotcheck.missed'];
    // Words, not usernames: the title goes to the console and into the text message.
    const by =
      spotCheck.source === 'upper'
        ? `上级${spotCheck.caller ? `（${spotCheck.caller}）` : ''}`
        : spotCheck.source === 'leader'
          ? '带班领导'
          : '管理员';
    return { kind: 'spotcheck', incidentId: null, title: `查岗未应答（${by}查岗）` };
  }
  if (t.type === 'unitcheck.missed') {
    const { check } = JSON.parse(t.payload) as EventPayloads['unitcheck.missed'];
    return { kind: 'spotcheck', incidentId: null, title: `查岗未应答：${check.unitName}（区级查岗）` };
  }
  return undefined;
}

/** The triggers past the cursor (read outside any transaction) and the cursor they were read at. */
export async function dueTriggers(db: DbOrTrx): Promise<{ after: number; triggers: Trigger[] }> {
  const after = await cursorSeq(db);
  const rows = await db
    .selectFrom('events')
    .select(['seq', 'at', 'type', 'actor', 'subject', 'payload'])
    .where('seq', '>', after)
    .where('type', 'in', [...TRIGGERS])
    .orderBy('seq')
    .limit(100)
    .execute();
  return { after, triggers: rows.map((r) => ({ ...r, seq: Number(r.seq), type: r.type as TriggerType })) };
}

/**
 * Claims a pass's triggers at once: the cursor moves from where they were read past the last one (a
 * conditional update, so across restarts and nodes each trigger is claimed once; a node that finds
 * the cursor moved meanwhile claims nothing), then each starts its escalation, or for the leader's
 * acknowledgement of an incident stops that incident's. The events to record, in order.
 */
export async function claimTriggers(trx: Trx, after: number, triggers: Trigger[]): Promise<TimerEvent[]> {
  const last = triggers.at(-1);
  if (!last || !(await moveCursor(trx, after, last.seq))) return [];
  const settings = await getEscalationSettings(trx);
  const events: TimerEvent[] = [];
  for (const t of triggers) {
    if (t.type === 'incident.acknowledged') {
      const stopped = await stopForIncident(trx, t);
      if (stopped) events.push(stopped);
      continue;
    }
    // No chain configured, nobody to escalate to: the leader on call's own alerts stand alone (and
    // the trigger's payload need not even be read).
    if (settings.steps.length === 0) continue;
    const what = describe(t);
    if (!what) continue;
    // The clock runs from the trigger, not from when a pass noticed it.
    const startedAt = t.at;
    const escalation = await insertEscalation(trx, {
      ...what,
      sourceSeq: t.seq,
      subject: t.subject,
      chain: settings.steps,
      delayMinutes: settings.delayMinutes,
      startedAt,
      nextAt: toStored(addMinutes(new Date(startedAt), settings.delayMinutes)),
    });
    events.push({
      type: 'escalation.started',
      subject: `escalation:${escalation.id}`,
      payload: { escalation },
    });
  }
  return events;
}

async function stopForIncident(trx: Trx, t: Trigger): Promise<TimerEvent | undefined> {
  const incidentId = Number(t.subject.split(':')[1]);
  const id = await activeIncidentEscalation(trx, incidentId);
  if (id === undefined || !(await markAcknowledged(trx, id, t.at, t.actor))) return undefined;
  const escalation = (await findEscalation(trx, id))!;
  return { type: 'escalation.acknowledged', subject: `escalation:${id}`, payload: { escalation } };
}

/** Whether the leader acknowledged the incident after the escalation began (the trigger pass may not have read it yet). */
export async function incidentAcknowledgedSince(
  trx: Trx,
  incidentId: number,
  afterSeq: number,
): Promise<boolean> {
  const row = await trx
    .selectFrom('events')
    .select('seq')
    .where('type', '=', 'incident.acknowledged')
    .where('subject', '=', `incident:${incidentId}`)
    .where('seq', '>', afterSeq)
    .executeTakeFirst();
  return row !== undefined;
}
