import { apiGet } from '@client/lib/api-client';
import type { SpotCheck } from '@shared/schemas/spot-checks';
import { queryOptions } from '@tanstack/react-query';

const PATH = '/spot-checks/open';

/** Unanswered spot-checks of the last day: open ones counting down and missed ones still to answer. */
export function listOpenSpotChecks(signal?: AbortSignal): Promise<{ spotChecks: SpotCheck[] }> {
  return apiGet<{ spotChecks: SpotCheck[] }>(PATH, undefined, signal);
}

export const openSpotChecksQuery = () =>
  queryOptions({
    queryKey: ['spotchecks', PATH],
    queryFn: ({ signal }) => listOpenSpotChecks(signal),
    select: (list) => list.spotChecks,
  });
