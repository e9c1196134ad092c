import { apiGet } from '@client/lib/api-client';
import type { LogEntry, LogQuery } from '@shared/schemas/logbook';

/** The duty log, newest first, narrowed by period, kind and text. */
export async function listLogEntries(query: LogQuery, signal?: AbortSignal): Promise<LogEntry[]> {
  const { entries } = await apiGet<{ entries: LogEntry[] }>('/logbook', { ...query }, signal);
  return entries;
}
