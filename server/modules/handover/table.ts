import type { Generated } from 'kysely';

export interface HandoversTable {
  id: Generated<number>;
  duty_date: string;
  shift_start: string;
  shift_end: string;
  outgoing_user_id: number;
  /** The officer rostered next; whoever of them signs is recorded in accepted_by. */
  incoming_user_id: number | null;
  status: 'submitted' | 'sealed';
  /** JSON HandoverContent: the edited sections, the people and open incidents as handed over. */
  content: string;
  /** JSON CarriedItem[]. */
  carried: string;
  /** JSON PendingItem[]. */
  pending: string;
  notes: string;
  submitted_at: string;
  submitted_by: string;
  submitted_by_name: string;
  accepted_at: string | null;
  accepted_by: string | null;
  accepted_by_name: string | null;
  created_at: string;
  /** Why it was handed over before the handover window; null when it was not early. */
  early_reason: string | null;
  /** Why it was signed for before the handover window. */
  accepted_early_reason: string | null;
  /** JSON HandoverAlarm[]: the alarms open when it was handed over; null on older records. */
  alarms: string | null;
}

export interface HandoverAmendmentsTable {
  id: Generated<number>;
  handover_id: number;
  text: string;
  author: string;
  author_name: string;
  signed_at: string;
}
