import { apiRequest } from '@client/lib/api-client';
import type { Handover } from '@shared/schemas/handover';

/** A sealed handover changes only by a signed amendment appended to it. */
export function addAmendment(id: number, text: string): Promise<Handover> {
  return apiRequest<Handover>('POST', `/handovers/${id}/amendments`, { body: { text } });
}
