import { localToInstant } from '@shared/domain/duty-day';
import type { RequestRow } from './repo';

/** The instant of a date's cut-off: the wall-clock time `cutoff` on `date` in `zone`. */
export function cutoffInstant(date: string, cutoff: string, zone: string): Date {
  return localToInstant(`${date}T${cutoff}`, zone);
}

/** Whether the request asks for `date`: within its range, and not ended before that date's cut-off. */
export function asks(row: RequestRow, date: string, zone: string): boolean {
  if (date < row.first_date) return false;
  if (row.last_date !== null && date > row.last_date) return false;
  if (row.ended_at !== null && cutoffInstant(date, row.cutoff, zone).getTime() > Date.parse(row.ended_at))
    return false;
  return true;
}

/** The round shown for "today": today's date, held within the request's range. */
export function currentDate(row: RequestRow, today: string): string {
  if (today < row.first_date) return row.first_date;
  if (row.last_date !== null && today > row.last_date) return row.last_date;
  return today;
}
