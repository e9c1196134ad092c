import type { BoardIncident } from '../schemas/incidents';
import type { Casualties } from './incident-types';

/**
 * The parts of a caller and of the casualties the board shows: the same pick whether the server
 * reads them from the database or the console from a live event's whole incident.
 */
export function boardCaller(caller: {
  name: string;
  unit?: string;
  phone?: string;
}): BoardIncident['caller'] {
  return {
    name: caller.name,
    ...(caller.unit !== undefined ? { unit: caller.unit } : {}),
    ...(caller.phone !== undefined ? { phone: caller.phone } : {}),
  };
}

export function boardCasualties(c: Casualties): BoardIncident['casualties'] {
  return {
    ...(c.deaths !== undefined ? { deaths: c.deaths } : {}),
    ...(c.missing !== undefined ? { missing: c.missing } : {}),
    ...(c.seriousInjuries !== undefined ? { seriousInjuries: c.seriousInjuries } : {}),
  };
}
