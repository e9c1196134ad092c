import { apiRequest } from '@client/lib/api-client';
import type { LogEntry, LogPatch } from '@shared/schemas/logbook';

/** Completes an entry later: the wording, who else was told, how it was handled. */
export function updateLogEntry(id: number, body: LogPatch): Promise<LogEntry> {
  return apiRequest<LogEntry>('PATCH', `/logbook/${id}`, { body });
}
