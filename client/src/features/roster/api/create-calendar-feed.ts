import { apiRequest } from '@client/lib/api-client';

/** A fresh personal iCalendar URL (the old one stops working); the path is relative to the site. */
export function createCalendarFeed(): Promise<{ url: string }> {
  return apiRequest<{ url: string }>('POST', '/roster/calendar-feed', { body: {} });
}
