import { apiGet } from '@client/lib/api-client';
import type { Handover } from '@shared/schemas/handover';

export function getHandover(id: number, signal?: AbortSignal): Promise<Handover> {
  return apiGet<Handover>(`/handovers/${id}`, undefined, signal);
}
