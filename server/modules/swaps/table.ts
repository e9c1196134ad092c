import type { Generated } from 'kysely';

export interface SwapsTable {
  id: Generated<number>;
  shift_id: number;
  from_user_id: number;
  to_user_id: number;
  counter_shift_id: number | null;
  status: 'requested' | 'accepted' | 'approved' | 'rejected' | 'cancelled';
  reason: string;
  requested_by: string;
  requested_at: string;
  accepted_at: string | null;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
}
