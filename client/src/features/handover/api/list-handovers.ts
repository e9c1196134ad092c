import { apiGet } from '@client/lib/api-client';
import { resourceKey } from '@client/lib/query-keys';
import type { Handover, HandoverList, HandoverQuery } from '@shared/schemas/handover';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';

/** 交接班档案: by duty date range, person (outgoing or incoming) and text. */
export async function listHandovers(query: HandoverQuery, signal?: AbortSignal): Promise<Handover[]> {
  const { handovers } = await apiGet<HandoverList>('/handovers', { ...query }, signal);
  return handovers;
}

/** The last list stays on screen while a new search is read. */
export const handoverArchiveQuery = (query: HandoverQuery) =>
  queryOptions({
    queryKey: resourceKey('handovers', 'archive', query),
    queryFn: ({ signal }) => listHandovers(query, signal),
    placeholderData: keepPreviousData,
  });
