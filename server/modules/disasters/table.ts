import type { Generated } from 'kysely';

/** 灾害过程 (DESIGN §2.6). Booleans are 0/1; JSON columns are text. */
export interface DisastersTable {
  id: Generated<number>;
  type: string;
  subtype: string | null;
  title: string;
  began_at: string;
  state: string;
  major: number;
  severe_loss: number;
  major_since: string | null;
  severe_since: string | null;
  stable_at: string | null;
  closed_at: string | null;
  disaster_text: string;
  relief_text: string;
  /** JSON: the disasters clock values in force when it was recorded. */
  policy: string;
  next_due_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** The townships a disaster affects. */
export interface DisasterUnitsTable {
  disaster_id: number;
  unit_id: number;
}

export interface DisasterLinksTable {
  disaster_id: number;
  /** 'incident' | 'warning' */
  kind: string;
  ref_id: number;
}

/** One filing of a unit's 快报表 figures (JSON, the full set after the filing). */
export interface DisasterFilingsTable {
  id: Generated<number>;
  disaster_id: number;
  unit_id: number;
  unit_path: string;
  kind: string;
  for_date: string | null;
  figures: string;
  nothing_new: number;
  note: string;
  on_behalf: number;
  filed_by: string;
  filed_at: string;
}

/** 因灾死亡失踪人员 */
export interface DisasterVictimsTable {
  id: Generated<number>;
  disaster_id: number;
  unit_id: number;
  unit_path: string;
  name: string;
  status: string;
  cause: string;
  date: string;
  note: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** Reports sent upward (written by the reports part of the module). */
export interface DisasterReportsTable {
  id: Generated<number>;
  disaster_id: number;
  kind: string;
  recipient: string;
  for_date: string | null;
  title: string;
  text: string;
  /** JSON { totals, townships: [{ unitId, name, figures }] } */
  figures: string;
  /** JSON ReportSignoff or null */
  signoff: string | null;
  signoff_request_id: number | null;
  sent_by: string;
  sent_at: string;
  on_time: number | null;
}

/** A stored obligation; the overdue timer is the row (due_at, overdue_raised_at). */
export interface DisasterObligationsTable {
  disaster_id: number;
  key: string;
  kind: string;
  unit_id: number | null;
  recipient: string | null;
  due_at: string;
  done_at: string | null;
  done_ref: string | null;
  overdue_raised_at: string | null;
}
