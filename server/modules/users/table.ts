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
  created_at: string;
  updated_at: string;
}
