import type { Generated } from 'kysely';

/** The district's ask for a daily zero report (零报告) from a set of units, by a local cut-off. */
export interface ZeroRequestsTable {
  id: Generated<number>;
  title: string;
  reason: 'manual' | 'warning' | 'response' | 'disaster' | 'key_period';
  ref_id: number | null;
  disaster_id: number | null;
  /** 'HH:mm', local to the bureau's zone. */
  cutoff: string;
  remind_minutes: number;
  first_date: string;
  last_date: string | null;
  ended_at: string | null;
  ended_by: string | null;
  created_by: string;
  created_at: string;
}

/** The units asked (fixed when the request is made). */
export interface ZeroRequestUnitsTable {
  request_id: number;
  unit_id: number;
}

/** A unit's report for one date: first filing's instant and lateness kept, content updated. */
export interface ZeroFilingsTable {
  id: Generated<number>;
  request_id: number;
  unit_id: number;
  unit_path: string;
  for_date: string;
  nothing_new: number;
  /** JSON of the figures filed, or null for "无新增". */
  figures: string | null;
  note: string;
  filed_by: string;
  filed_at: string;
  updated_by: string;
  updated_at: string;
  late: number;
}

/** Once-only marks of the scanner: a reminder or a miss per request, unit and date. */
export interface ZeroMarksTable {
  request_id: number;
  unit_id: number;
  for_date: string;
  kind: 'remind' | 'miss';
  raised_at: string;
}
