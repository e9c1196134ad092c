import { apiRequest } from '@client/lib/api-client';
import { resourceKey } from '@client/lib/query-keys';
import type { IssuedRosterFeed, NewRosterFeedBody, RosterFeedKey } from '@shared/schemas/roster';
import { queryOptions } from '@tanstack/react-query';

/** Whole-roster iCalendar feed keys in force (administrators). */
export async function listRosterFeeds(signal?: AbortSignal): Promise<RosterFeedKey[]> {
  return (await apiRequest<{ feeds: RosterFeedKey[] }>('GET', '/roster/feeds', { signal })).feeds;
}

export const rosterFeedsQuery = (enabled: boolean) =>
  queryOptions({
    queryKey: resourceKey('feeds', 'roster'),
    queryFn: ({ signal }) => listRosterFeeds(signal),
    enabled,
    staleTime: 0,
  });

/** A new whole-roster key; its URL is in this answer only. */
export function issueRosterFeed(body: NewRosterFeedBody): Promise<IssuedRosterFeed> {
  return apiRequest<IssuedRosterFeed>('POST', '/roster/feeds', { body });
}

export function revokeRosterFeed(id: number): Promise<RosterFeedKey> {
  return apiRequest<RosterFeedKey>('DELETE', `/roster/feeds/${id}`);
}
