import { apiGet } from '@client/lib/api-client';
import { resourceKey } from '@client/lib/query-keys';
import type { EventPage, EventsQuery } from '@shared/schemas/events';
import { infiniteQueryOptions } from '@tanstack/react-query';
import type { Static } from 'typebox';

export type EventPageData = Static<typeof EventPage>;
export type EventRecordData = EventPageData['events'][number];

const PAGE = 100;

export function listEvents(query: EventsQuery, signal?: AbortSignal): Promise<EventPageData> {
  return apiGet<EventPageData>('/events', { ...query }, signal);
}

/** A page and the lowest seq it reaches: older pages are read before it; 0 once the trail is whole. */
export type AuditPage = EventPageData & { floor: number };

/**
 * The audit trail, newest first: the newest page (the API answers newest first without `after`),
 * then older pages before the floor. Live events are put on top by `live-cache.ts`.
 */
export const auditTrailQuery = (type: string | undefined) =>
  infiniteQueryOptions({
    queryKey: resourceKey('audit', type ?? null),
    queryFn: async ({ pageParam, signal }): Promise<AuditPage> => {
      const page = await listEvents(
        { limit: PAGE, type, ...(pageParam ? { before: pageParam } : {}) },
        signal,
      );
      return { ...page, floor: page.events.length < PAGE ? 0 : (page.events.at(-1)?.seq ?? 0) };
    },
    initialPageParam: null as number | null,
    getNextPageParam: (last) => (last.floor > 1 ? last.floor : undefined),
  });
