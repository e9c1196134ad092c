import { apiRequest } from '@client/lib/api-client';
import type { Shift, UpdateShiftBody } from '@shared/schemas/roster';

export function updateShift(id: number, body: UpdateShiftBody): Promise<Shift> {
  return apiRequest<Shift>('PUT', `/roster/shifts/${id}`, { body });
}
