import { apiRequest } from '@client/lib/api-client';
import type { EditReasonBody, Shift } from '@shared/schemas/roster';

/** In a published month the body carries the reason (and the override when the checks refuse). */
export function deleteShift(id: number, body: EditReasonBody = {}): Promise<Shift> {
  return apiRequest<Shift>('DELETE', `/roster/shifts/${id}`, { body });
}
