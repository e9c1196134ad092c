import { apiGet } from '@client/lib/api-client';
import { resourceKey } from '@client/lib/query-keys';
import type { Handover } from '@shared/schemas/handover';
import { queryOptions } from '@tanstack/react-query';

export function getHandover(id: number, signal?: AbortSignal): Promise<Handover> {
  return apiGet<Handover>(`/handovers/${id}`, undefined, signal);
}

export const handoverQuery = (id: number) =>
  queryOptions({
    queryKey: resourceKey('handovers', id),
    queryFn: ({ signal }) => getHandover(id, signal),
    enabled: id > 0,
  });
