import { apiGet } from '@client/lib/api-client';
import type { Warning } from '@shared/schemas/warnings';
import { queryOptions } from '@tanstack/react-query';

export interface WarningFilter {
  active?: 'true' | 'false';
  from?: string;
  to?: string;
  type?: string;
  level?: string;
}

/** The history: every warning in force at some point of the period, newest first. */
export const warningHistoryQuery = (filter: WarningFilter) =>
  queryOptions({
    queryKey: ['warnings', '/warnings', filter],
    queryFn: ({ signal }) => apiGet<{ warnings: Warning[] }>('/warnings', { ...filter }, signal),
    select: (list): Warning[] => list.warnings,
  });
