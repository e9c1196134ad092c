import { apiGet } from '@client/lib/api-client';
import type { MyShifts } from '@shared/schemas/attendance';
import { queryOptions } from '@tanstack/react-query';

/** The caller's shift whose check-in window is open (or under way) and the next few. */
export function getMyShifts(signal?: AbortSignal): Promise<MyShifts> {
  return apiGet<MyShifts>('/attendance/mine', undefined, signal);
}

export const myShiftsQuery = () =>
  queryOptions({ queryKey: ['duty', '/attendance/mine'], queryFn: ({ signal }) => getMyShifts(signal) });
