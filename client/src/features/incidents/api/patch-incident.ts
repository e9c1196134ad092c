import { apiRequest } from '@client/lib/api-client';
import type { Incident, IncidentPatch } from '@shared/schemas/incidents';

export function patchIncident(id: number, body: IncidentPatch): Promise<Incident> {
  return apiRequest<Incident>('PATCH', `/incidents/${id}`, { body });
}
