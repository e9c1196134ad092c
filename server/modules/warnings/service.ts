import type { DbOrTrx } from '../../db/database';

/** An active (or past) warning or emergency response that drives the duty (DESIGN §2.5). */
export interface DutyDriver {
  kind: 'warning' | 'response';
  id: number;
  label: string; // e.g. '暴雨橙色预警', '防汛Ⅳ级应急响应'
  level: 'red' | 'orange' | 'yellow' | 'blue' | 'I' | 'II' | 'III' | 'IV';
  from: string;
  to: string | null;
} // UTC ISO; to null = still active

/**
 * Every warning/response whose [effective/started, lifted/ended) overlaps [from, to).
 * Stub of the issue 15 contract: the warnings branch provides the real one.
 */
export async function dutyDrivers(_db: DbOrTrx, _fromIso: string, _toIso: string): Promise<DutyDriver[]> {
  return [];
}
