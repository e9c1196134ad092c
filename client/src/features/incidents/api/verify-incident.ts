import { apiRequest } from '@client/lib/api-client';
import type { Incident } from '@shared/schemas/incidents';

export function verifyIncident(id: number): Promise<Incident> {
  return apiRequest<Incident>('POST', `/incidents/${id}/verify`);
}
