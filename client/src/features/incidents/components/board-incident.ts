import { boardCaller, boardCasualties } from '@shared/domain/board-fields';
import type { BoardIncident, Incident } from '@shared/schemas/incidents';
import { nextObligation } from './incident-labels';

/** A live event's whole incident as the board keeps it: the same fields its list read brings. */
export function toBoardIncident(incident: Incident): BoardIncident {
  return {
    id: incident.id,
    category: incident.category,
    receivedAt: incident.receivedAt,
    location: { address: incident.location.address },
    caller: boardCaller(incident.caller),
    summary: incident.summary,
    casualties: boardCasualties(incident.casualties),
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
