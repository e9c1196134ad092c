import { apiRequest } from '@client/lib/api-client';
import type { Handover } from '@shared/schemas/handover';

/** 接班签收: every carried item confirmed; only the incoming officer (403 DUTY_ERR_NOT_INCOMING). */
export function acceptHandover(id: number, confirmed: string[]): Promise<Handover> {
  return apiRequest<Handover>('POST', `/handovers/${id}/accept`, { body: { confirmed } });
}
