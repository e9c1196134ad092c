import { apiGet, apiRequest } from '@client/lib/api-client';
import type { Incident } from '@shared/schemas/incidents';
import type { SpotCheck } from '@shared/schemas/spot-checks';
import { queryOptions } from '@tanstack/react-query';

const INCIDENTS = '/incidents';
const UNINSTRUCTED = { stage: 'open', instructed: false } as const;

/** Open incidents no leader has given an instruction (批示) on yet. */
export function listUninstructedIncidents(signal?: AbortSignal): Promise<{ incidents: Incident[] }> {
  return apiGet<{ incidents: Incident[] }>(INCIDENTS, UNINSTRUCTED, signal);
}

export const uninstructedIncidentsQuery = () =>
  queryOptions({
    queryKey: ['incidents', INCIDENTS, UNINSTRUCTED],
    queryFn: ({ signal }) => listUninstructedIncidents(signal),
    select: (list) => list.incidents,
  });

const SPOT_CHECKS = '/spot-checks';

/** Spot-checks issued since `from` (an instant), every status. */
export function listSpotChecksSince(
  from: string,
  signal?: AbortSignal,
): Promise<{ spotChecks: SpotCheck[] }> {
  return apiGet<{ spotChecks: SpotCheck[] }>(SPOT_CHECKS, { from }, signal);
}

export const spotChecksSinceQuery = (from: string) =>
  queryOptions({
    queryKey: ['spotchecks', SPOT_CHECKS, { from }],
    queryFn: ({ signal }) => listSpotChecksSince(from, signal),
    select: (list) => list.spotChecks,
  });

/** The leader's instruction (批示) on an incident. */
export function giveInstruction(id: number, text: string): Promise<Incident> {
  return apiRequest<Incident>('POST', `/incidents/${id}/actions`, { body: { type: 'instruction', text } });
}
