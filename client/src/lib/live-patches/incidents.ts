import { eventCard } from '@shared/domain/board-fields';
import type { DutyEvent, EventType } from '@shared/events';
import type { BoardList, IncidentCard, IncidentDetail } from '@shared/schemas/incidents';
import type { QueryClient } from '@tanstack/react-query';

export type BoardView = 'open' | 'closed';

/** The incident events that carry the incident's card (a sign-off request's events carry the request). */
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

const belongs = (incident: IncidentCard, view: BoardView) =>
  (incident.stage === 'closed') === (view === 'closed');

/** The list with each incident put in or taken out by its stage, newest state last. */
function place(list: BoardList, incidents: readonly IncidentCard[], view: BoardView): BoardList {
  const byId = new Map(list.incidents.map((i) => [i.id, i]));
  for (const incident of incidents) {
    if (belongs(incident, view)) byId.set(incident.id, incident);
    else byId.delete(incident.id);
  }
  return { incidents: [...byId.values()] };
}

// Events that arrive while a list is being read are replayed on top of its answer.
const inFlight = new Set<IncidentCard[]>();
let pending: IncidentCard[] = [];

/** A board list read, with the incidents that changed live while it was under way placed on top. */
export async function readBoard(view: BoardView, read: Promise<BoardList>): Promise<BoardList> {
  const late: IncidentCard[] = [];
  inFlight.add(late);
  try {
    return place(await read, late, view);
  } finally {
    inFlight.delete(late);
  }
}

/**
 * The card's fields that mean the same on the whole record: the open record's header (stage, grade,
 * deadline, acknowledged, closed) shows them at once, before its read. The card's caller, location
 * and casualties are only a part of the record's and are left to the read.
 */
function headline(card: IncidentCard) {
  const { location: _l, caller: _c, casualties: _k, nextKind: _n, ...same } = card;
  return same;
}

/**
 * Every incident event carries the incident's card and what it changed (shared/events.ts), not the
 * whole incident: the board's cards move at once from the card, with no read; the open record
 * (obligations, reports, actions) takes the card's headline at once and is marked stale, so a detail
 * page on screen reads it again (with the rest of the event's resources, once a burst settles) and
 * one opened later reads it fresh.
 */
export function patchIncident(client: QueryClient, event: DutyEvent<IncidentEventType>): void {
  const incident = eventCard(event.payload.incident);
  const detailKey = incidentDetailKey(incident.id);
  client.setQueryData<IncidentDetail>(detailKey, (current) =>
    current ? { ...current, incident: { ...current.incident, ...headline(incident) } } : current,
  );
  void client.invalidateQueries({ queryKey: detailKey, exact: true, refetchType: 'none' });
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
