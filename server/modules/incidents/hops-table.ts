import type { Generated } from 'kysely';

/**
 * One hop of a report flowing upward (DESIGN §2.7): received at the lower unit, taken (接收/核实)
 * by the upper one. Its clock (a `hop` obligation) runs from the receipt below.
 */
export interface IncidentHopsTable {
  id: Generated<number>;
  incident_id: number;
  hop: 'communityToTownship' | 'townshipToDistrict';
  from_unit_id: number;
  from_unit_name: string;
  to_unit_id: number;
  to_unit_name: string;
  received_at: string;
  received_by: string;
  taken_at: string | null;
  taken_by: string | null;
}
