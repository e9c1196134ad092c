import { apiGet } from '@client/lib/api-client';
import type { HandoverList } from '@shared/schemas/handover';
import { queryOptions } from '@tanstack/react-query';

const PATH = '/handovers/pending';

/** Handed over, not signed yet: the console says "awaiting handover" until they are. */
export function listAwaitingHandovers(signal?: AbortSignal): Promise<HandoverList> {
  return apiGet<HandoverList>(PATH, undefined, signal);
}

export const awaitingHandoversQuery = () =>
  queryOptions({
    queryKey: ['handovers', PATH],
    queryFn: ({ signal }) => listAwaitingHandovers(signal),
    select: (list) => list.handovers,
  });
