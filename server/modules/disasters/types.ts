import type { Selectable } from 'kysely';
import type {
  DisasterFilingsTable,
  DisasterObligationsTable,
  DisastersTable,
  DisasterVictimsTable,
} from './table';

/** Who acts: a person of a unit (the district is unit 1). */
export interface DisasterCaller {
  userId: number;
  username: string;
  unitId: number;
  unitPath: string;
  roles: string[];
}

export type DisasterRow = Selectable<DisastersTable>;
export type FilingRow = Selectable<DisasterFilingsTable>;
export type VictimRow = Selectable<DisasterVictimsTable>;
export type ObligationRow = Selectable<DisasterObligationsTable>;
