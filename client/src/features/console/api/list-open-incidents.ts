import { apiGet } from '@client/lib/api-client';
import type { Incident } from '@shared/schemas/incidents';
import { queryOptions } from '@tanstack/react-query';

const PATH = '/incidents';
const OPEN = { stage: 'open' } as const;

/** Every incident not closed, with its next deadline: the clocks of the shift-start briefing. */
export function listOpenIncidents(signal?: AbortSignal): Promise<{ incidents: Incident[] }> {
  return apiGet<{ incidents: Incident[] }>(PATH, OPEN, signal);
}

export const openIncidentsQuery = () =>
  queryOptions({
    queryKey: ['incidents', PATH, OPEN],
    queryFn: ({ signal }) => listOpenIncidents(signal),
    select: (list) => list.incidents,
  });
