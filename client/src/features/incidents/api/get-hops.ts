import { apiGet } from '@client/lib/api-client';
import type { IncidentHops } from '@shared/schemas/posts';
import { queryOptions } from '@tanstack/react-query';

/** Who reported the incident from which unit, and each hop up with its clock (stale with `posts`). */
export const incidentHopsQuery = (id: number) =>
  queryOptions({
    queryKey: ['posts', 'hops', id],
    queryFn: ({ signal }) => apiGet<IncidentHops>(`/incidents/${id}/hops`, undefined, signal),
  });
