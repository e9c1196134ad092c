import { apiGet } from '@client/lib/api-client';
import type { CalendarStatus } from '@shared/schemas/calendar';
import { queryOptions } from '@tanstack/react-query';

const STATUS = '/calendar/status';

/** Which year's official holiday schedule is missing (from November 1: next year's), if any. */
export function getCalendarStatus(signal?: AbortSignal): Promise<CalendarStatus> {
  return apiGet<CalendarStatus>(STATUS, undefined, signal);
}

/** Read again when an administrator corrects the calendar (`live-cache.ts`: 'calendar'). */
export const calendarStatusQuery = () =>
  queryOptions({ queryKey: ['calendar', STATUS], queryFn: ({ signal }) => getCalendarStatus(signal) });
