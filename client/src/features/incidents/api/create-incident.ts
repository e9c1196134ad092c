import { apiRequest } from '@client/lib/api-client';
import type { Incident, IncidentIntake } from '@shared/schemas/incidents';

/** The same key and body replays the stored answer, so a retry after a lost response is safe. */
export function createIncident(body: IncidentIntake, idempotencyKey: string): Promise<Incident> {
  return apiRequest<Incident>('POST', '/incidents', { body, headers: { 'Idempotency-Key': idempotencyKey } });
}
