import { apiGet } from '@client/lib/api-client';
import type { Handover, HandoverList, HandoverQuery } from '@shared/schemas/handover';

/** 交接班档案: by duty date range, person (outgoing or incoming) and text. */
export async function listHandovers(query: HandoverQuery, signal?: AbortSignal): Promise<Handover[]> {
  const { handovers } = await apiGet<HandoverList>('/handovers', { ...query }, signal);
  return handovers;
}
