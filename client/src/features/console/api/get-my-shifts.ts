import { apiGet } from '@client/lib/api-client';
import type { MyShifts } from '@shared/schemas/attendance';

/** The caller's shift whose check-in window is open (or under way) and the next few. */
export function getMyShifts(signal?: AbortSignal): Promise<MyShifts> {
  return apiGet<MyShifts>('/attendance/mine', undefined, signal);
}
