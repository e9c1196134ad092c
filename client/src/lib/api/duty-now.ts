import { apiGet } from '@client/lib/api-client';
import type { DutyNow } from '@shared/schemas/attendance';
import { queryOptions } from '@tanstack/react-query';

/** Who is on duty now, who is next, and the staffing the day asks for. */
export function getDutyNow(signal?: AbortSignal): Promise<DutyNow> {
  return apiGet<DutyNow>('/duty/now', undefined, signal);
}

export const dutyNowQuery = () =>
  queryOptions({ queryKey: ['duty', '/duty/now'], queryFn: ({ signal }) => getDutyNow(signal) });
