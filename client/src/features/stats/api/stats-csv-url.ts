import type { StatsQuery, StatsTable } from '@shared/schemas/stats';

/** The CSV download of one table of the page, with exactly the query its figures came from. */
export function statsCsvUrl(query: StatsQuery, table: StatsTable): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  params.set('table', table);
  return `/api/stats.csv?${params.toString()}`;
}
