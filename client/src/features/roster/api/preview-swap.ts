import { apiGet } from '@client/lib/api-client';
import { resourceKey } from '@client/lib/query-keys';
import type { SwapPreview } from '@shared/schemas/swaps';
import { queryOptions } from '@tanstack/react-query';

/** The roster checks as they would be after the swap. */
export function previewSwap(id: number, signal?: AbortSignal): Promise<SwapPreview> {
  return apiGet<SwapPreview>(`/roster/swaps/${id}/preview`, undefined, signal);
}

/** Read afresh on each opening: the roster may have moved since. */
export const swapPreviewQuery = (id: number | null) =>
  queryOptions({
    queryKey: resourceKey('swaps', id, 'preview'),
    queryFn: ({ signal }) => previewSwap(id ?? 0, signal),
    enabled: id !== null,
    staleTime: 0,
  });
