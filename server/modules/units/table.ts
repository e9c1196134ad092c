import type { Generated } from 'kysely';

export type UnitKind = 'district' | 'township' | 'dev_zone' | 'street' | 'community' | 'village';

export interface UnitsTable {
  id: Generated<number>;
  /** Null for the district (id 1), the root. */
  parent_id: number | null;
  kind: UnitKind;
  name: string;
  /** Unique, the administrator's key (e.g. the statistics code of a township). */
  code: string;
  /** Materialized path of ids including its own: `/1/`, `/1/4/`, `/1/4/12/`. Never changes. */
  path: string;
  phone: string;
  /** 0 or 1: a disabled unit stays in the tree (its people and records keep it). */
  enabled: number;
  created_at: string;
  updated_at: string;
}
