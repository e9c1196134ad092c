import type { DeadlinePolicy } from './domain/incident-types';
import type { CalendarOverride } from './schemas/calendar';
import type {
  DisasterHeader,
  DisasterObligation,
  DisasterPhoto,
  DisasterReportHeader,
  DisasterSignoff,
  Filing,
  Victim,
} from './schemas/disasters';
import type { Escalation, EscalationSettings, EscalationStep } from './schemas/escalation';
import type { Amendment, Handover } from './schemas/handover';
import type { IncidentCard, ObligationView, Report } from './schemas/incidents';
import type { LogEntry } from './schemas/logbook';
import type { PolicyProfile } from './schemas/policy-profiles';
import type { IncidentHop, UnitCheck, UnitPostDuty } from './schemas/posts';
import type { Period, RosterMonth, Shift } from './schemas/roster';
import type { DutySettings } from './schemas/settings';
import type { SignoffRequest } from './schemas/signoffs';
import type { SpotCheck } from './schemas/spot-checks';
import type { Swap } from './schemas/swaps';
import type { Unit } from './schemas/units';
import type { User } from './schemas/users';
import type { Consultation, EmergencyResponse, Warning } from './schemas/warnings';
import type { ZeroFiling, ZeroRequestHeader } from './schemas/zero-reports';

/**
 * Why a published month was edited, whether the edit overrode the checks (and how many new problems
 * it brought), and which months it marked "changed since publishing".
 */
export interface PublishedEdit {
  reason: string;
  override: boolean;
  problems: number;
  months: string[];
}

/**
 * Every event type and its payload, typed once for server and console. An event is appended in
 * the same transaction as the change it records and pushed to consoles only after commit.
 */
export interface EventPayloads {
  'user.created': { user: User };
  'user.updated': { user: User; changed: string[] };
  'user.password_reset': { userId: number; username: string };
  /** A unit of the duty network was added to the tree (by hand or by a CSV import, one event each). */
  'unit.created': { unit: Unit };
  /** Renamed, its phone changed, disabled or enabled again (`changed`: those fields). */
  'unit.updated': { unit: Unit; changed: string[] };
  'token.created': { tokenId: number; name: string };
  'token.revoked': { tokenId: number; name: string };
  'auth.signed_in': { userId: number; username: string };
  'auth.signed_out': { userId: number; username: string };
  /** A person changed their own password; their other sessions ended (no secret in it). */
  'auth.password_changed': { userId: number; username: string; sessionsEnded: number };
  'system.started': { version: string; db: string };
  /** The first start of a database (or the adoption of one from before this record). */
  'system.installed': { demo: boolean; adopted: boolean; version: string; db: string };
  'settings.updated': { settings: DutySettings; changed: string[] };
  'roster.generated': {
    from: string;
    to: string;
    created: number;
    replaced: number;
    kept: number;
    publishedEdit?: PublishedEdit;
  };
  'roster.shift_created': { shift: Shift; publishedEdit?: PublishedEdit };
  'roster.shift_updated': { shift: Shift; before: Shift; publishedEdit?: PublishedEdit };
  'roster.shift_deleted': { shift: Shift; publishedEdit?: PublishedEdit };
  'roster.published': { month: RosterMonth; override: boolean; problems: number };
  'roster.period_created': { period: Period };
  'roster.period_deleted': { period: Period };
  /** An administrator's corrections of the official calendar (holidays, make-up workdays). */
  'calendar.days_set': { days: CalendarOverride[] };
  'calendar.day_cleared': { day: CalendarOverride };
  'duty.changed': { dutyDate: string; reason: string };
  'attendance.checked_in': { shift: Shift; late: boolean };
  'attendance.checked_out': { shift: Shift };
  'attendance.missed': { shift: Shift };
  'spotcheck.issued': { spotCheck: SpotCheck };
  'spotcheck.answered': { spotCheck: SpotCheck; late: boolean };
  'spotcheck.missed': { spotCheck: SpotCheck };
  'swap.requested': { swap: Swap };
  'swap.accepted': { swap: Swap };
  'swap.approved': { swap: Swap };
  'swap.rejected': { swap: Swap };
  'swap.cancelled': { swap: Swap };
  /**
   * The incident events are lean (issue 18): each carries the incident's card (`IncidentCard`, what a
   * board card draws: grade, stage, next deadline, …) and what the event changed, never the whole
   * incident with its obligations, reports and actions; a console reads those on demand
   * (`GET /api/incidents/:id`). Events recorded before carry the whole incident as `incident` (a
   * superset of the card without `nextKind`): read it through `eventCard` (shared/domain/board-fields.ts).
   */
  'incident.created': { incident: IncidentCard };
  /** `changed`: the fields the PATCH named (casualty figures as `casualties.<figure>`). */
  'incident.updated': {
    incident: IncidentCard;
    changed: string[];
    gradeFrom: string | null;
    gradeTo: string | null;
  };
  /** The card's `stage` moved on; `verifiedAt` when. */
  'incident.verified': { incident: IncidentCard; verifiedAt: string };
  /** The card's `acknowledgedAt`; by whom (a username). */
  'incident.acknowledged': { incident: IncidentCard; acknowledgedBy: string };
  'incident.reported': { incident: IncidentCard; report: Report };
  'incident.action': {
    incident: IncidentCard;
    action: { id: number; type: string; text: string; actor: string; at: string };
  };
  /** The card's `closedAt`; the outcome recorded. */
  'incident.closed': { incident: IncidentCard; outcome: string };
  'incident.overdue': { incident: IncidentCard; obligation: ObligationView };
  /** A statutory obligation recorded: 直报录入, the fire service's / traffic police's notification, a department told. */
  'incident.statutory_recorded': { incident: IncidentCard; obligation: ObligationView };
  /** An officer asked one leader to sign off (签发) a drafted written report. */
  'incident.signoff_requested': { signoff: SignoffRequest };
  /** The asked leader approved it (on their own console). */
  'incident.signoff_approved': { signoff: SignoffRequest };
  /** The asked leader returned it with a comment. */
  'incident.signoff_returned': { signoff: SignoffRequest };
  'report.delivery': {
    reportId: number;
    incidentId: number;
    endpoint: string;
    status: 'sent' | 'retrying';
    attempts: number;
    error: string | null;
  };
  /** PUT /api/settings/deadlines: the active custom copy edited, or a copy made and picked (`created`). */
  'settings.deadlines_updated': { policy: DeadlinePolicy; profileId?: string; created?: boolean };
  /** An administrator picked the deadline policy profile in force for incidents received from now on. */
  'settings.policy_profile_selected': { id: string; previous: string; policy: DeadlinePolicy };
  /** A custom copy of a profile made (`created`) or its table edited. */
  'settings.policy_profile_saved': { profile: PolicyProfile; created: boolean };
  /** A custom copy (not the active one) deleted. */
  'settings.policy_profile_deleted': { id: string; name: string };
  'calendar.feed_created': { userId: number };
  'calendar.feed_revoked': { userId: number };
  'calendar.roster_feed_created': { feedId: number; label: string };
  'calendar.roster_feed_revoked': { feedId: number; label: string };
  'logbook.added': { entry: LogEntry };
  'logbook.updated': { entry: LogEntry; before: LogEntry };
  'logbook.linked': { entry: LogEntry; incidentId: number };
  'handover.submitted': { handover: Handover };
  'handover.revised': { handover: Handover };
  'handover.accepted': { handover: Handover };
  'handover.amended': { handover: Handover; amendment: Amendment };
  /** Not acknowledged by the leader on call: the chain's clock runs (step 0). */
  'escalation.started': { escalation: Escalation };
  /** The delay passed unacknowledged: the next step is called (`queued`: a message waits in the gateway's outbox; `no_gateway`: none configured, nothing is sent). */
  'escalation.stepped': { escalation: Escalation; step: EscalationStep; message: 'queued' | 'no_gateway' };
  'escalation.acknowledged': { escalation: Escalation };
  /** One attempt to hand a step's message to the SMS / voice gateway. */
  'escalation.delivery': {
    escalationId: number;
    step: number;
    status: 'sent' | 'retrying';
    attempts: number;
    error: string | null;
  };
  'escalation.settings_updated': { settings: EscalationSettings; changed: string[] };
  /** A warning (预警) typed in or pushed by another system. */
  'warning.issued': { warning: Warning };
  /** Upgraded or downgraded (升级, 降级): the colour before and after. */
  'warning.changed': {
    warning: Warning;
    change: 'upgrade' | 'downgrade' | 'update';
    levelFrom: Warning['level'];
    levelTo: Warning['level'];
  };
  'warning.lifted': { warning: Warning; note: string | null };
  /** An emergency response (应急响应) started by a headquarters. */
  'response.started': { response: EmergencyResponse };
  'response.changed': {
    response: EmergencyResponse;
    change: 'upgrade' | 'downgrade' | 'update';
    levelFrom: EmergencyResponse['level'];
    levelTo: EmergencyResponse['level'];
  };
  'response.ended': { response: EmergencyResponse; note: string | null };
  /** A consultation (会商研判) held and recorded. */
  'consultation.recorded': { consultation: Consultation };
  /** A unit's duty post for the day named (who, the phone): DESIGN §2.7. */
  'post.assigned': { post: UnitPostDuty };
  /** The unit's person on duty checked in. */
  'post.checked_in': { post: UnitPostDuty };
  /** The district's 查岗 of a unit ("请回复"), alone or one of a 全区查岗. */
  'unitcheck.issued': { check: UnitCheck };
  'unitcheck.answered': { check: UnitCheck; late: boolean };
  /** Unanswered past the limit: raised once by the scanner; the leader on call is alerted. */
  'unitcheck.missed': { check: UnitCheck };
  /** The upper unit took (接收/核实) a report from the unit below: the hop is met. */
  'incident.taken': { incident: IncidentCard; hop: IncidentHop };
  /** A natural disaster (灾害过程, DESIGN §2.6) recorded: its header only (lean; figures come by filings). */
  'disaster.created': { disaster: DisasterHeader };
  /** Its header edited (title, townships, flags, texts, links): `changed` names the fields. */
  'disaster.updated': { disaster: DisasterHeader; changed: string[] };
  /** developing → stable → closed (or back to developing). */
  'disaster.state_changed': { disaster: DisasterHeader; from: DisasterHeader['state'] };
  /** A unit's 快报表 figures filed (by itself, or by the district on a township's behalf). */
  'disaster.figures_filed': { filing: Filing };
  /** 因灾死亡失踪人员: one person recorded, corrected or removed. */
  'disaster.victim_recorded': { victim: Victim };
  'disaster.victim_updated': { victim: Victim };
  'disaster.victim_removed': { victim: Victim };
  /** An obligation (初报, 续报, zero report, 核报) passed its deadline undone: raised once by the scanner. */
  'disaster.overdue': { disasterId: number; obligation: DisasterObligation };
  /** A 灾情 report sent upward through the outbox (without its figures). */
  'disaster.report_sent': { report: DisasterReportHeader };
  /** 签发 of a 灾情 report asked of a leader, and the leader's decision. */
  'disaster.signoff_requested': { signoff: DisasterSignoff };
  'disaster.signoff_decided': { signoff: DisasterSignoff };
  /** A photo attached to a disaster (or one filing of it). */
  'disaster.photo_added': { photo: DisasterPhoto };
  /** The district asked a set of units for a daily zero report (零报告): the header only. */
  'zero_report.requested': { request: ZeroRequestHeader };
  /** The district ended a zero-report request: it asks no more. */
  'zero_report.ended': { request: ZeroRequestHeader };
  /** A unit filed (or corrected) its zero report for a date: figures or "无新增". */
  'zero_report.filed': { filing: ZeroFiling; first: boolean };
  /** Raised once per unit and date before the cut-off while the unit has not filed. */
  'zero_report.reminded': { requestId: number; forDate: string; unitId: number };
  /** Raised once per unit and date strictly after the cut-off while the unit has not filed. */
  'zero_report.missed': { requestId: number; forDate: string; unitId: number };
}

export type EventType = keyof EventPayloads;

export interface DutyEvent<T extends EventType = EventType> {
  seq: number;
  /** UTC instant, ISO 8601. */
  at: string;
  type: T;
  /** Who did it: a username, `token:<name>` or `system`. */
  actor: string;
  /** What it is about, `<kind>:<id>`, e.g. `user:7`. */
  subject: string;
  /**
   * Its audience (DESIGN 3, "every event has an audience"): the path of the unit it belongs to,
   * e.g. `/1/4/` for township 4; `/1/`, the district's, for the district's own duty. Who may read it
   * also depends on its type (server/live/read-rules.ts).
   */
  unit: string;
  payload: EventPayloads[T];
}

export type AnyDutyEvent = { [T in EventType]: DutyEvent<T> }[EventType];

export interface Heartbeat {
  /**
   * The head of this console's audience: the last event it was sent (or where its feed started), not
   * the log's head, which moves on with events it may not read. A console that applied less is behind.
   */
  headSeq: number;
  at: string;
}

export interface SyncRequest {
  after: number;
}

export interface SyncAck {
  ok: boolean;
  /** As the heartbeat's: the head of this console's audience once the replay was sent. */
  headSeq: number;
}

/** Socket.IO maps (socket.io `examples/basic-crud-application` style). */
export interface ServerToClientEvents {
  /**
   * A console is sent only the events its read rules allow (server/live/read-rules.ts), so its seqs
   * have holes by design. `prevSeq` is the seq sent to it before this one (or where its feed started):
   * a console that has applied it applies this event; one that has not missed one of its own and syncs.
   */
  event: (event: AnyDutyEvent, prevSeq: number) => void;
  /**
   * Several events of this console in one message, in seq order: those committed together (one
   * group commit) or one page of a catch-up. `prevSeq` is the first one's; each next one's is the
   * seq of the one before it in the list.
   */
  events: (events: AnyDutyEvent[], prevSeq: number) => void;
  heartbeat: (beat: Heartbeat) => void;
}

export interface ClientToServerEvents {
  sync: (request: SyncRequest, ack: (reply: SyncAck) => void) => void;
}

/**
 * Every event a console may send. The server handles no other; the authorization matrix walks this
 * list for every caller.
 */
export const CLIENT_EVENTS = ['sync'] as const satisfies readonly (keyof ClientToServerEvents)[];

/** What a console sends in the handshake `auth`. */
export interface LiveAuth {
  lastSeq?: number;
  token?: string;
}
