import { apiRequest } from '@client/lib/api-client';
import type { Shift } from '@shared/schemas/roster';

export function deleteShift(id: number): Promise<Shift> {
  return apiRequest<Shift>('DELETE', `/roster/shifts/${id}`);
}
