import { apiRequest } from '@client/lib/api-client';
import type { Period } from '@shared/schemas/roster';

export function deletePeriod(id: number): Promise<Period> {
  return apiRequest<Period>('DELETE', `/roster/periods/${id}`);
}
