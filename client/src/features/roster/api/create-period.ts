import { apiRequest } from '@client/lib/api-client';
import type { NewPeriodBody, Period } from '@shared/schemas/roster';

export function createPeriod(body: NewPeriodBody): Promise<Period> {
  return apiRequest<Period>('POST', '/roster/periods', { body });
}
