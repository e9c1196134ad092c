import { apiGet } from '@client/lib/api-client';
import type { Handover, HandoverList } from '@shared/schemas/handover';

/** Handed over and not signed yet. */
export async function listPendingHandovers(signal?: AbortSignal): Promise<Handover[]> {
  const { handovers } = await apiGet<HandoverList>('/handovers/pending', undefined, signal);
  return handovers;
}
