import type { Generated } from 'kysely';

/** A unit's light duty post for one duty day: who is on duty, the phone, the check-in. */
export interface UnitPostsTable {
  id: Generated<number>;
  unit_id: number;
  duty_date: string;
  user_id: number;
  phone: string;
  assigned_by: string;
  assigned_at: string;
  checked_in_at: string | null;
  checked_in_by: string | null;
}

/** 全区查岗: one command, one check per township; completed when every check is answered or missed. */
export interface UnitRollCallsTable {
  id: Generated<number>;
  issued_by: string;
  issued_at: string;
  due_at: string;
  checks: number;
  completed_at: string | null;
  log_entry_id: number | null;
}

/** The district's 查岗 of one unit; the timer is the row (due_at, missed_raised_at). */
export interface UnitChecksTable {
  id: Generated<number>;
  unit_id: number;
  unit_path: string;
  unit_name: string;
  roll_call_id: number | null;
  note: string;
  issued_by: string;
  issued_at: string;
  due_at: string;
  answered_at: string | null;
  answered_by: string | null;
  missed_raised_at: string | null;
}
