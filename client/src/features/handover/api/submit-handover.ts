import { apiRequest } from '@client/lib/api-client';
import type { Handover, SubmitHandoverBody } from '@shared/schemas/handover';

/**
 * 交班: 409 DUTY_ERR_CARRY_OVER (with `missing`) when an open incident is left off the list; 400
 * DUTY_ERR_EARLY_HANDOVER before the handover window without `earlyReason`.
 */
export function submitHandover(body: SubmitHandoverBody): Promise<Handover> {
  return apiRequest<Handover>('POST', '/handovers', { body });
}
