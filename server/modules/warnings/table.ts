import type {
  HeadquartersCode,
  ResponseLevel,
  WarningLevel,
  WarningTypeCode,
} from '@shared/domain/warning-types';
import type { Generated } from 'kysely';

export interface WarningsTable {
  id: Generated<number>;
  type: WarningTypeCode;
  level: WarningLevel;
  /** The highest colour it reached (statistics count it there). */
  peak_level: WarningLevel;
  issuer: string;
  issued_at: string;
  effective_at: string;
  lifted_at: string | null;
  /** JSON string[]: area codes or names; [] is the whole district. */
  area: string;
  text: string;
  source: 'manual' | 'api';
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface ResponsesTable {
  id: Generated<number>;
  headquarters: HeadquartersCode;
  level: ResponseLevel;
  started_at: string;
  ended_at: string | null;
  order_text: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface ConsultationsTable {
  id: Generated<number>;
  held_at: string;
  /** JSON string[]. */
  participants: string;
  conclusions: string;
  orders: string;
  response_id: number | null;
  created_by: string;
  created_at: string;
}

/** The level history of a warning (colour) or a response (Ⅰ–Ⅳ): each level from an instant on. */
export interface WarningLevelsTable {
  id: Generated<number>;
  subject_kind: 'warning' | 'response';
  subject_id: number;
  level: WarningLevel | ResponseLevel;
  from_at: string;
}
