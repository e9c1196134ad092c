import type { DutyPeriodKind, DutyRole, ShiftKind } from '@shared/domain/roster-types';
import type { Generated } from 'kysely';

export interface DutyPeriodsTable {
  id: Generated<number>;
  kind: DutyPeriodKind;
  name: string;
  from_date: string;
  to_date: string;
  officers: number | null;
  leaders: number | null;
  /** 1: the leader must be checked in to the duty room on these days (领导在岗带班). */
  leader_on_site: number;
  created_at: string;
  created_by: string;
}

export interface RosterMonthsTable {
  month: string;
  status: 'draft' | 'published';
  published_at: string | null;
  published_by: string | null;
  override_reason: string | null;
  /** Set by an edit after publishing; cleared by publishing again. */
  changed_at: string | null;
  changed_by: string | null;
}

export interface RosterShiftsTable {
  id: Generated<number>;
  user_id: number;
  role: DutyRole;
  duty_date: string;
  month: string;
  kind: ShiftKind;
  start_local: string;
  end_local: string;
  zone: string;
  start_at: string;
  end_at: string;
  check_in_at: string | null;
  check_in_late: Generated<number>;
  check_out_at: string | null;
  check_in_due_at: string | null;
  missed_raised_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface CalendarFeedsTable {
  user_id: number;
  secret_hash: string;
  created_at: string;
}

/** A key to the whole roster's iCalendar feed (a display in the duty room, say): administrators issue it. */
export interface RosterFeedKeysTable {
  id: Generated<number>;
  label: string;
  secret_hash: string;
  created_at: string;
  created_by: string;
  revoked_at: string | null;
  revoked_by: string | null;
}
