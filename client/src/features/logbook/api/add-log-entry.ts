import { apiRequest } from '@client/lib/api-client';
import type { LogEntry, NewLogEntry } from '@shared/schemas/logbook';

export function addLogEntry(body: NewLogEntry): Promise<LogEntry> {
  return apiRequest<LogEntry>('POST', '/logbook', { body });
}
