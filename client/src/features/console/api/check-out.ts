import { apiRequest } from '@client/lib/api-client';
import type { Shift } from '@shared/schemas/roster';

export function checkOut(): Promise<Shift> {
  return apiRequest<Shift>('POST', '/attendance/check-out', { body: {} });
}
