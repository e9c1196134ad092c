import { apiRequest } from '@client/lib/api-client';
import type { Incident } from '@shared/schemas/incidents';

/** The leader on call confirms receipt (领导已阅). */
export function acknowledgeIncident(id: number): Promise<Incident> {
  return apiRequest<Incident>('POST', `/incidents/${id}/acknowledge`);
}
