import type { Generated } from 'kysely';

/** Where the event log stood at a sealed handover or at the start of a duty day. Immutable. */
export interface AuditCheckpointsTable {
  id: Generated<number>;
  /** `handover:<id>` or `daily:<duty date>`: unique, the claim that records each once. */
  ref: string;
  kind: 'handover' | 'daily';
  handover_id: number | null;
  duty_date: string | null;
  /** The head event then, and its hash as stored. */
  seq: number;
  hash: string;
  created_at: string;
}
