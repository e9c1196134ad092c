import {
  type Incident,
  type IncidentCard,
  type ObligationView,
  REPORT_OBLIGATION_KINDS,
} from '../schemas/incidents';
import type { Casualties } from './incident-types';

/**
 * The parts of a caller and of the casualties the board shows: the same pick whether the server
 * reads them from the database or makes an event's card (shared/schemas/incidents.ts IncidentCard).
 */
export function boardCaller(caller: { name: string; unit?: string; phone?: string }): IncidentCard['caller'] {
  return {
    name: caller.name,
    ...(caller.unit !== undefined ? { unit: caller.unit } : {}),
    ...(caller.phone !== undefined ? { phone: caller.phone } : {}),
  };
}

export function boardCasualties(c: Casualties): IncidentCard['casualties'] {
  return {
    ...(c.deaths !== undefined ? { deaths: c.deaths } : {}),
    ...(c.missing !== undefined ? { missing: c.missing } : {}),
    ...(c.seriousInjuries !== undefined ? { seriousInjuries: c.seriousInjuries } : {}),
  };
}

/** The obligation the card's countdown runs to: the open one due at `nextDueAt`. */
export function nextObligation(incident: Incident): ObligationView | null {
  if (!incident.nextDueAt) return null;
  const due = Date.parse(incident.nextDueAt);
  return (
    incident.obligations.find((o) => !o.doneAt && o.dueAt !== null && Date.parse(o.dueAt) === due) ?? null
  );
}

/**
 * The earliest unmet report up the chain (首报, 续报, 终报) with a deadline: what the composer and the
 * header's "send" offer. The statutory records (直报录入, notifications) are no reports.
 */
export function nextReportObligation(incident: Incident): ObligationView | null {
  let next: ObligationView | null = null;
  for (const o of incident.obligations) {
    if (o.doneAt !== null || o.dueAt === null) continue;
    if (!(REPORT_OBLIGATION_KINDS as readonly string[]).includes(o.kind)) continue;
    if (!next || Date.parse(o.dueAt) < Date.parse(next.dueAt!)) next = o;
  }
  return next;
}

/** An incident's card (shared/schemas/incidents.ts): what its events carry and the board keeps. */
export function incidentCard(incident: Incident): IncidentCard {
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

/** The older name: the board's items are incident cards. */
export const toBoardIncident = incidentCard;

/**
 * The card of an `incident.*` event's `incident`: events recorded before issue 18 carry the whole
 * incident (its obligations, no `nextKind`), later ones the card itself.
 */
export function eventCard(incident: IncidentCard | Incident): IncidentCard {
  return 'obligations' in incident ? incidentCard(incident) : incident;
}
