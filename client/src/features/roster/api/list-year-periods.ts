import { resourceKey } from '@client/lib/query-keys';
import type { Period } from '@shared/schemas/roster';
import { queryOptions } from '@tanstack/react-query';
import { getRoster } from './get-roster';

const QUARTERS: [string, string][] = [
  ['01-01', '03-31'],
  ['04-01', '06-30'],
  ['07-01', '09-30'],
  ['10-01', '12-31'],
];

/**
 * The periods touching a year. There is no list endpoint for periods yet, so the year is read as
 * four roster views (each at most 93 days) and their periods merged.
 */
export async function listYearPeriods(year: number, signal?: AbortSignal): Promise<Period[]> {
  const views = await Promise.all(
    QUARTERS.map(([a, b]) => getRoster(`${year}-${a}`, `${year}-${b}`, signal)),
  );
  const byId = new Map<number, Period>();
  for (const view of views) for (const p of view.periods) byId.set(p.id, p);
  return [...byId.values()].sort((a, b) => a.fromDate.localeCompare(b.fromDate) || a.id - b.id);
}

export const yearPeriodsQuery = (year: number) =>
  queryOptions({
    queryKey: resourceKey('periods', year),
    queryFn: ({ signal }) => listYearPeriods(year, signal),
  });
