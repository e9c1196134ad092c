import type { Generated } from 'kysely';

export interface ApiTokensTable {
  id: Generated<number>;
  name: string;
  /** sha256 of the secret; the secret itself is shown once and never stored. */
  token_hash: string;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  /** The unit of its creator: an intake through it records incidents of that unit. */
  unit_id: Generated<number>;
}
