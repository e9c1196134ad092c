import { apiRequest } from '@client/lib/api-client';
import type { Swap } from '@shared/schemas/swaps';

export function acceptSwap(id: number): Promise<Swap> {
  return apiRequest<Swap>('POST', `/roster/swaps/${id}/accept`, { body: {} });
}
