import { apiRequest } from '@client/lib/api-client';
import type { SpotCheck } from '@shared/schemas/spot-checks';

export function answerSpotCheck(id: number, note?: string): Promise<SpotCheck> {
  return apiRequest<SpotCheck>('POST', `/spot-checks/${id}/answer`, { body: note ? { note } : {} });
}
