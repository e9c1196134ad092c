import { apiGet } from '@client/lib/api-client';
import type { Handover, HandoverList } from '@shared/schemas/handover';

/** Handed over, not signed yet: the console says "awaiting handover" until they are. */
export async function listAwaitingHandovers(signal?: AbortSignal): Promise<Handover[]> {
  const { handovers } = await apiGet<HandoverList>('/handovers/pending', undefined, signal);
  return handovers;
}
