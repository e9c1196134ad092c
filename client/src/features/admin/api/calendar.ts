import { apiGet, apiRequest } from '@client/lib/api-client';
import type { CalendarOverride, CalendarYear } from '@shared/schemas/calendar';
import { queryOptions } from '@tanstack/react-query';

export function getCalendarYear(year: number, signal?: AbortSignal): Promise<CalendarYear> {
  return apiGet<CalendarYear>('/calendar', { year }, signal);
}

/** Read again when the calendar is corrected (`live-cache.ts`: 'calendar'). */
export const calendarYearQuery = (year: number) =>
  queryOptions({
    queryKey: ['calendar', '/calendar', year],
    queryFn: ({ signal }) => getCalendarYear(year, signal),
  });

export function putCalendarDays(days: CalendarOverride[]): Promise<{ days: CalendarOverride[] }> {
  return apiRequest('PUT', '/calendar/days', { body: { days } });
}

export function clearCalendarDay(date: string): Promise<CalendarOverride> {
  return apiRequest('DELETE', `/calendar/days/${date}`);
}
