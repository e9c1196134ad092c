import { apiGet } from '@client/lib/api-client';
import type { Swap, SwapQuery } from '@shared/schemas/swaps';

export async function listSwaps(query: SwapQuery = {}, signal?: AbortSignal): Promise<Swap[]> {
  const { swaps } = await apiGet<{ swaps: Swap[] }>('/roster/swaps', { ...query }, signal);
  return swaps;
}
