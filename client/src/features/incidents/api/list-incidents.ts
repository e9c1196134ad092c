import { apiGet } from '@client/lib/api-client';
import type { IncidentList, IncidentQuery } from '@shared/schemas/incidents';
import type { Static } from 'typebox';

export type IncidentListData = Static<typeof IncidentList>;

export function listIncidents(query: IncidentQuery, signal?: AbortSignal): Promise<IncidentListData> {
  return apiGet<IncidentListData>('/incidents', { ...query }, signal);
}
