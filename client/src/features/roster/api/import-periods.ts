import { apiRequest } from '@client/lib/api-client';
import type { NewPeriodBody, Period } from '@shared/schemas/roster';

/** All or nothing: one bad line and none is stored. */
export async function importPeriods(periods: NewPeriodBody[]): Promise<Period[]> {
  const result = await apiRequest<{ periods: Period[] }>('POST', '/roster/periods/import', {
    body: { periods },
  });
  return result.periods;
}
