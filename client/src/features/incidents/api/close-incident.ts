import { apiRequest } from '@client/lib/api-client';
import type { Incident } from '@shared/schemas/incidents';

export function closeIncident(id: number, outcome: string): Promise<Incident> {
  return apiRequest<Incident>('POST', `/incidents/${id}/close`, { body: { outcome } });
}
