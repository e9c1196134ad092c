import { apiGet } from '@client/lib/api-client';
import { resourceKey } from '@client/lib/query-keys';
import type { HandoverDraft } from '@shared/schemas/handover';
import { queryOptions } from '@tanstack/react-query';

/** The draft of the caller's shift, drafted from its own records; nothing is stored yet. */
export function getHandoverDraft(signal?: AbortSignal): Promise<HandoverDraft> {
  return apiGet<HandoverDraft>('/handovers/draft', undefined, signal);
}

/** Only officers have a shift to hand over. */
export const handoverDraftQuery = (enabled: boolean) =>
  queryOptions({
    queryKey: resourceKey('drafts'),
    queryFn: ({ signal }) => getHandoverDraft(signal),
    enabled,
  });
