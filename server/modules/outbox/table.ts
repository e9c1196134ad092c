import type { Generated } from 'kysely';

export interface OutboxTable {
  id: Generated<number>;
  topic: string;
  /** Sent as the Idempotency-Key header: the receiver applies a message once however often it arrives. */
  idempotency_key: string;
  endpoint: string;
  payload: string;
  /** What the message is about, e.g. `report:12`, for showing delivery state. */
  subject: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: Generated<number>;
  next_attempt_at: string;
  /** A sender's claim on the row; another node skips it until then. */
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}
