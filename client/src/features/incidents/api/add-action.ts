import { apiRequest } from '@client/lib/api-client';
import type { ActionBody, Incident } from '@shared/schemas/incidents';

export function addAction(id: number, body: ActionBody): Promise<Incident> {
  return apiRequest<Incident>('POST', `/incidents/${id}/actions`, { body });
}
