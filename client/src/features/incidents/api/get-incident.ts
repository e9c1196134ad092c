import { apiGet } from '@client/lib/api-client';
import { incidentDetailKey } from '@client/lib/live-patches/incidents';
import type { IncidentDetail } from '@shared/schemas/incidents';
import { queryOptions } from '@tanstack/react-query';

export function getIncident(id: number, signal?: AbortSignal): Promise<IncidentDetail> {
  return apiGet<IncidentDetail>(`/incidents/${id}`, undefined, signal);
}

/** One incident's record; its events show the incident at once and read the rest again. */
export const incidentQuery = (id: number) =>
  queryOptions({
    queryKey: incidentDetailKey(id),
    queryFn: ({ signal }) => getIncident(id, signal),
  });
