import { apiRequest } from '@client/lib/api-client';
import type { Incident } from '@shared/schemas/incidents';

export function linkIncident(id: number, otherId: number): Promise<Incident> {
  return apiRequest<Incident>('POST', `/incidents/${id}/link`, { body: { otherId } });
}
