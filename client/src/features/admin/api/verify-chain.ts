import { apiGet } from '@client/lib/api-client';
import type { ChainReport } from '@shared/schemas/events';

export function verifyChain(): Promise<ChainReport> {
  return apiGet<ChainReport>('/events/verify');
}
