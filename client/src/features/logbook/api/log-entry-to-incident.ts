import { apiRequest } from '@client/lib/api-client';
import type { LogIncidentResult, LogToIncidentBody } from '@shared/schemas/logbook';

/** 来电转事件: the incident and the link to the entry, in one step. */
export function logEntryToIncident(id: number, body: LogToIncidentBody): Promise<LogIncidentResult> {
  return apiRequest<LogIncidentResult>('POST', `/logbook/${id}/incident`, { body });
}
