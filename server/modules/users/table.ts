import type { Generated } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  phone: string;
  /** Comma-separated roles, e.g. `officer,leader`. */
  roles: string;
  /** 0 or 1 on both dialects. */
  qualified: number;
  enabled: number;
  password_hash: string;
  /** The unit the person belongs to (DESIGN 2.7); 1, the district, by default. */
  unit_id: Generated<number>;
  /** A community informant's post: 'A' (A角) or 'B' (B角); null for everyone else. */
  informant_role: 'A' | 'B' | null;
  created_at: string;
  updated_at: string;
}
