import type { Generated } from 'kysely';

export interface EscalationsTable {
  id: Generated<number>;
  kind: 'incident' | 'overdue' | 'spotcheck';
  /** The seq of the event that started it: unique, so each trigger starts one escalation. */
  source_seq: number;
  subject: string;
  incident_id: number | null;
  title: string;
  /** JSON: the chain (EscalationStep[]) as it stood when this started. */
  chain: string;
  delay_minutes: number;
  /** Steps of the chain reached so far (0: only the leader on call). */
  step: number;
  /** When the next step falls due; null once acknowledged or at the end of the chain. */
  next_at: string | null;
  status: 'active' | 'acknowledged';
  started_at: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
}

/** How far the event log has been read for triggers (one row): advanced with a conditional update, so once per event. */
export interface EscalationCursorTable {
  id: number;
  seq: number;
}

/** The transactional outbox of step messages to the SMS / voice gateway. */
export interface EscalationMessagesTable {
  id: Generated<number>;
  escalation_id: number;
  step: number;
  /** Sent as the Idempotency-Key header: `escalation:<id>:step:<n>`. */
  idempotency_key: string;
  endpoint: string;
  payload: string;
  status: 'pending' | 'sent';
  attempts: Generated<number>;
  next_attempt_at: string;
  /** A sender's claim; another node skips the row until then. */
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}
