import { apiGet } from '@client/lib/api-client';
import type { WarningStats } from '@shared/schemas/warnings';
import { queryOptions } from '@tanstack/react-query';

/** Counts by type and highest colour (warnings) and by headquarters and level (responses). */
export const warningStatsQuery = (period: { from?: string; to?: string }) =>
  queryOptions({
    queryKey: ['warnings', '/warnings/stats', period],
    queryFn: ({ signal }) => apiGet<WarningStats>('/warnings/stats', { ...period }, signal),
  });
