import { apiGet } from '@client/lib/api-client';
import { resourceKey } from '@client/lib/query-keys';
import type { RosterView } from '@shared/schemas/roster';
import { queryOptions } from '@tanstack/react-query';

/** The roster of `from`–`to` (at most 93 days) with its days, shifts, periods, months and checks. */
export function getRoster(from: string, to: string, signal?: AbortSignal): Promise<RosterView> {
  return apiGet<RosterView>('/roster', { from, to }, signal);
}

export const rosterQuery = (from: string, to: string) =>
  queryOptions({
    queryKey: resourceKey('roster', from, to),
    queryFn: ({ signal }) => getRoster(from, to, signal),
  });
