import { apiGet } from '@client/lib/api-client';
import type { EventPage, EventsQuery } from '@shared/schemas/events';
import type { Static } from 'typebox';

export type EventPageData = Static<typeof EventPage>;
export type EventRecordData = EventPageData['events'][number];

export function listEvents(query: EventsQuery, signal?: AbortSignal): Promise<EventPageData> {
  return apiGet<EventPageData>('/events', { ...query }, signal);
}
