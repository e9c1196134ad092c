import { apiGet } from '@client/lib/api-client';
import type { IncidentDetail } from '@shared/schemas/incidents';

export function getIncident(id: number, signal?: AbortSignal): Promise<IncidentDetail> {
  return apiGet<IncidentDetail>(`/incidents/${id}`, undefined, signal);
}
