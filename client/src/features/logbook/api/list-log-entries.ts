import { apiGet } from '@client/lib/api-client';
import { resourceKey } from '@client/lib/query-keys';
import type { LogEntry, LogQuery } from '@shared/schemas/logbook';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';

/** The duty log, newest first, narrowed by period, kind and text. */
export async function listLogEntries(query: LogQuery, signal?: AbortSignal): Promise<LogEntry[]> {
  const { entries } = await apiGet<{ entries: LogEntry[] }>('/logbook', { ...query }, signal);
  return entries;
}

/**
 * The log as the filters select it; the server applies the filters, so after any log event a fresh
 * read is the one correct answer. The last list stays on screen while another is read.
 */
export const logEntriesQuery = (query: LogQuery) =>
  queryOptions({
    queryKey: resourceKey('logbook', query),
    queryFn: ({ signal }) => listLogEntries(query, signal),
    placeholderData: keepPreviousData,
  });
