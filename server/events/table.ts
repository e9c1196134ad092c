import type { Generated } from 'kysely';

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
  /** `sha256`, or `hmac-sha256` under AUDIT_KEY; once keyed, every later event is keyed. */
  alg: string;
  /** The event's audience (DESIGN 3): the path of its unit; `/1/`, the district only, by default. */
  unit_path: Generated<string>;
}
