import { apiRequest } from '@client/lib/api-client';
import type { NewShiftBody, Shift } from '@shared/schemas/roster';

export function createShift(body: NewShiftBody): Promise<Shift> {
  return apiRequest<Shift>('POST', '/roster/shifts', { body });
}
