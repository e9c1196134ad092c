import { apiGet } from '@client/lib/api-client';
import type { SwapPreview } from '@shared/schemas/swaps';

/** The roster checks as they would be after the swap. */
export function previewSwap(id: number, signal?: AbortSignal): Promise<SwapPreview> {
  return apiGet<SwapPreview>(`/roster/swaps/${id}/preview`, undefined, signal);
}
