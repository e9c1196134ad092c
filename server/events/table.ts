export interface EventsTable {
  /** Gap-free, assigned under the append lock: seq order is commit order. */
  seq: number;
  at: string;
  type: string;
  actor: string;
  subject: string;
  /** JSON text. */
  payload: string;
  prev_hash: string;
  hash: string;
}
