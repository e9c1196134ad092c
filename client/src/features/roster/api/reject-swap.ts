import { apiRequest } from '@client/lib/api-client';
import type { Swap } from '@shared/schemas/swaps';

export function rejectSwap(id: number, note?: string): Promise<Swap> {
  return apiRequest<Swap>('POST', `/roster/swaps/${id}/reject`, { body: note ? { note } : {} });
}
