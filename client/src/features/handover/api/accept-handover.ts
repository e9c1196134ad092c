import { apiRequest } from '@client/lib/api-client';
import type { AcceptHandoverBody, Handover } from '@shared/schemas/handover';

/**
 * 接班签收: every carried item confirmed; only the incoming officer (403 DUTY_ERR_NOT_INCOMING);
 * before the handover window with a reason (400 DUTY_ERR_EARLY_HANDOVER).
 */
export function acceptHandover(id: number, body: AcceptHandoverBody): Promise<Handover> {
  return apiRequest<Handover>('POST', `/handovers/${id}/accept`, { body });
}
