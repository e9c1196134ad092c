import type { LogKind } from '@shared/schemas/logbook';
import type { Generated } from 'kysely';

export interface LogbookEntriesTable {
  id: Generated<number>;
  kind: LogKind;
  at: string;
  caller_name: string | null;
  caller_unit: string | null;
  caller_post: string | null;
  caller_phone: string | null;
  content: string;
  already_told: string | null;
  handling: string | null;
  incident_id: number | null;
  recorded_by: string;
  created_at: string;
  updated_at: string;
}
