import type { IncidentSource } from '@shared/domain/incident-flags';
import type {
  CategoryCode,
  Grade,
  GradeResult,
  ObligationKind,
  ReportChannel,
  ReportKind,
} from '@shared/domain/incident-types';
import type { Incident } from '@shared/schemas/incidents';
import type { Generated } from 'kysely';

export interface IncidentsTable {
  id: Generated<number>;
  category: CategoryCode;
  occurred_at: string;
  received_at: string;
  address: string;
  lat: number | null;
  lng: number | null;
  /** JSON: { name, unit, post, phone, alreadyTold }. */
  caller: string;
  /** JSON AccidentUnit, or null while the 事故发生单位 is not known. */
  accident_unit: string | null;
  summary: string;
  /** JSON Casualties. */
  casualties: string;
  direct_loss_yuan: number | null;
  burned_area_ha: number | null;
  /** 受害森林面积 (ha), grades a forest fire. */
  damaged_forest_ha: number | null;
  /** 受害草原面积 (ha), grades a grassland fire. */
  damaged_grassland_ha: number | null;
  source: IncidentSource;
  manual_grade: Grade | null;
  grade_reason: string | null;
  serious_pollution: number;
  key_facility_danger: number;
  grade: Grade | null;
  grade_basis: GradeResult['basis'];
  /** JSON string[]. */
  grade_reasons: string;
  near_miss: number;
  drill: number;
  /** 1 / 0 in production and business activity or not; null: the category decides (联网直报 scope). */
  production_related: number | null;
  late_discovery: string | null;
  stage: Incident['stage'];
  verified_at: string | null;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  closed_at: string | null;
  outcome: string | null;
  /** JSON string[] of instants at which casualty figures changed. */
  figure_changes: string;
  /** JSON DeadlinePolicy the incident was received under (NULL: none kept, the one in force). */
  policy: string | null;
  /** JSON GradeChange[]: the grade in force from each instant, oldest first (NULL: the current one). */
  grade_history: string | null;
  /** The earliest unmet deadline, for sorting the board. */
  next_due_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  /** The unit that recorded (owns) it; its path, for scope by prefix. */
  unit_id: Generated<number>;
  unit_path: Generated<string>;
}

export interface IncidentReportsTable {
  id: Generated<number>;
  incident_id: number;
  number: number;
  title: string;
  kind: ReportKind;
  channel: ReportChannel;
  recipient: string;
  text: string;
  signed_off_by: string | null;
  sent_at: string;
  sent_by: string;
  late: number;
  /** JSON ReportIncident as reported. */
  snapshot: string;
  /** JSON ReportSignoff: how a written report was signed off (null: none needed). */
  signoff: string | null;
  /** The sign-off request this report consumed (unique: an approval is used once). */
  signoff_request_id: number | null;
}

/** 签发请求: a drafted written report one leader is asked to sign off. */
export interface IncidentSignoffsTable {
  id: Generated<number>;
  incident_id: number;
  report_kind: ReportKind;
  channel: ReportChannel;
  recipient: string;
  text: string;
  /** Username of the asked leader: the only one who may decide. */
  leader: string;
  requested_by: string;
  requested_at: string;
  status: 'pending' | 'approved' | 'returned' | 'used';
  decided_at: string | null;
  comment: string | null;
  report_id: number | null;
}

export interface IncidentActionsTable {
  id: Generated<number>;
  incident_id: number;
  type: string;
  text: string;
  actor: string;
  at: string;
}

export interface IncidentObligationsTable {
  incident_id: number;
  key: string;
  kind: ObligationKind;
  due_at: string | null;
  done_at: string | null;
  report_number: number | null;
  late: number;
  overdue_raised_at: string | null;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  status: 'pending' | 'done';
  response_status: number | null;
  response_body: string | null;
  created_at: string;
}

/** What the officer recorded for a statutory obligation (直报录入, notification received, department told). */
export interface IncidentStatutoryRecordsTable {
  incident_id: number;
  /** The obligation's key: direct_entry, direct_notified, notification:<department>. */
  key: string;
  kind: 'direct_entry' | 'direct_notified' | 'notification';
  done_at: string;
  record_number: string | null;
  department: string | null;
  person: string | null;
  channel: string | null;
  recorded_by: string;
  recorded_at: string;
}

/**
 * One hop of a report flowing upward (DESIGN §2.7): received at the lower unit, taken (接收/核实)
 * by the upper one. Its clock (a `hop` obligation) runs from the receipt below.
 */
export interface IncidentHopsTable {
  id: Generated<number>;
  incident_id: number;
  hop: 'communityToTownship' | 'townshipToDistrict';
  from_unit_id: number;
  from_unit_name: string;
  to_unit_id: number;
  to_unit_name: string;
  received_at: string;
  received_by: string;
  taken_at: string | null;
  taken_by: string | null;
}
