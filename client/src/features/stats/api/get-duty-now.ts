import { apiGet } from '@client/lib/api-client';
import type { DutyNow } from '@shared/schemas/attendance';

/** Who is on duty now: the officers' shift bounds give "this shift". */
export function getDutyNow(signal?: AbortSignal): Promise<DutyNow> {
  return apiGet<DutyNow>('/duty/now', undefined, signal);
}
