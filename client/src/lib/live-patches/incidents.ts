import { toBoardIncident } from '@shared/domain/board-fields';
import type { DutyEvent, EventType } from '@shared/events';
import type { BoardIncident, BoardList, Incident, IncidentDetail } from '@shared/schemas/incidents';
import type { QueryClient } from '@tanstack/react-query';

export type BoardView = 'open' | 'closed';

/** The events that carry a whole incident. */
/** The incident events that carry the whole incident (a sign-off request's events carry the request). */
export type IncidentEventType = Exclude<
  Extract<EventType, `incident.${string}`>,
  `incident.signoff_${string}`
>;

/** The board's two lists: every open incident, and the latest closed ones when asked for. */
export const incidentBoardKey = (view: BoardView) => ['incident-board', view] as const;

/** One incident's whole record (reports, actions, timeline). */
export const incidentDetailKey = (id: number) => ['incidents', `/incidents/${id}`] as const;

/** Live changes are applied together at most this often: a storm of events regroups the board once. */
const APPLY_MS = 100;

const belongs = (incident: BoardIncident, view: BoardView) =>
  (incident.stage === 'closed') === (view === 'closed');

/** The list with each incident put in or taken out by its stage, newest state last. */
function place(list: BoardList, incidents: readonly BoardIncident[], view: BoardView): BoardList {
  const byId = new Map(list.incidents.map((i) => [i.id, i]));
  for (const incident of incidents) {
    if (belongs(incident, view)) byId.set(incident.id, incident);
    else byId.delete(incident.id);
  }
  return { incidents: [...byId.values()] };
}

// Events that arrive while a list is being read are replayed on top of its answer.
const inFlight = new Set<BoardIncident[]>();
let pending: BoardIncident[] = [];

/** A board list read, with the incidents that changed live while it was under way placed on top. */
export async function readBoard(view: BoardView, read: Promise<BoardList>): Promise<BoardList> {
  const late: BoardIncident[] = [];
  inFlight.add(late);
  try {
    return place(await read, late, view);
  } finally {
    inFlight.delete(late);
  }
}

/**
 * Every incident event carries the whole incident: the board's cards move at once, from the
 * event, with no read; the open record shows it at once too, ahead of the read its event brings.
 */
export function patchIncident(client: QueryClient, event: DutyEvent<IncidentEventType>): void {
  const whole: Incident = event.payload.incident;
  client.setQueryData<IncidentDetail>(incidentDetailKey(whole.id), (current) =>
    current ? { ...current, incident: whole } : current,
  );
  const incident = toBoardIncident(whole);
  for (const late of inFlight) late.push(incident);
  pending.push(incident);
  // The first of a batch schedules its application; the rest join it.
  if (pending.length > 1) return;
  setTimeout(() => {
    const batch = pending;
    pending = [];
    for (const view of ['open', 'closed'] as const) {
      client.setQueryData<BoardList>(incidentBoardKey(view), (current) =>
        current ? place(current, batch, view) : current,
      );
    }
  }, APPLY_MS);
}
