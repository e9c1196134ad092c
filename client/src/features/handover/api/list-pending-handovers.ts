import { apiGet } from '@client/lib/api-client';
import { resourceKey } from '@client/lib/query-keys';
import type { Handover, HandoverList } from '@shared/schemas/handover';
import { queryOptions } from '@tanstack/react-query';

/** Handed over and not signed yet. */
export async function listPendingHandovers(signal?: AbortSignal): Promise<Handover[]> {
  const { handovers } = await apiGet<HandoverList>('/handovers/pending', undefined, signal);
  return handovers;
}

export const pendingHandoversQuery = () =>
  queryOptions({
    queryKey: resourceKey('handovers', 'pending'),
    queryFn: ({ signal }) => listPendingHandovers(signal),
  });
