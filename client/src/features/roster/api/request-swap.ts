import { apiRequest } from '@client/lib/api-client';
import type { RequestSwapBody, Swap } from '@shared/schemas/swaps';

export function requestSwap(body: RequestSwapBody): Promise<Swap> {
  return apiRequest<Swap>('POST', '/roster/swaps', { body });
}
