import type { BoardIncident, Incident } from '@shared/schemas/incidents';
import { nextObligation } from './incident-labels';

/** A live event's whole incident as the board keeps it: the same fields its list read brings. */
export function toBoardIncident(incident: Incident): BoardIncident {
  const { caller, casualties: c } = incident;
  return {
    id: incident.id,
    category: incident.category,
    receivedAt: incident.receivedAt,
    location: { address: incident.location.address },
    caller: {
      name: caller.name,
      ...(caller.unit !== undefined ? { unit: caller.unit } : {}),
      ...(caller.phone !== undefined ? { phone: caller.phone } : {}),
    },
    summary: incident.summary,
    casualties: {
      ...(c.deaths !== undefined ? { deaths: c.deaths } : {}),
      ...(c.missing !== undefined ? { missing: c.missing } : {}),
      ...(c.seriousInjuries !== undefined ? { seriousInjuries: c.seriousInjuries } : {}),
    },
    grade: incident.grade,
    nearMiss: incident.nearMiss,
    drill: incident.drill,
    lateDiscovery: incident.lateDiscovery,
    stage: incident.stage,
    acknowledgedAt: incident.acknowledgedAt,
    closedAt: incident.closedAt,
    createdBy: incident.createdBy,
    nextDueAt: incident.nextDueAt,
    nextKind: nextObligation(incident)?.kind ?? null,
    overdue: incident.overdue,
  };
}
