import { apiRequest } from '@client/lib/api-client';
import type { Handover, ReviseHandoverBody } from '@shared/schemas/handover';

/** Until the incoming officer signs; 409 DUTY_ERR_SEALED after. */
export function reviseHandover(id: number, body: ReviseHandoverBody): Promise<Handover> {
  return apiRequest<Handover>('PATCH', `/handovers/${id}`, { body });
}
