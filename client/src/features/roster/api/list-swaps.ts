import { apiGet } from '@client/lib/api-client';
import { resourceKey } from '@client/lib/query-keys';
import type { Swap, SwapQuery } from '@shared/schemas/swaps';
import { queryOptions } from '@tanstack/react-query';

export async function listSwaps(query: SwapQuery = {}, signal?: AbortSignal): Promise<Swap[]> {
  const { swaps } = await apiGet<{ swaps: Swap[] }>('/roster/swaps', { ...query }, signal);
  return swaps;
}

/** The swap requests, newest first. */
export const swapsQuery = () =>
  queryOptions({
    queryKey: resourceKey('swaps'),
    queryFn: async ({ signal }) =>
      (await listSwaps({}, signal)).sort((a, b) => b.requestedAt.localeCompare(a.requestedAt) || b.id - a.id),
  });
