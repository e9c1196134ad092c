import { apiRequest } from '@client/lib/api-client';
import type { Escalation } from '@shared/schemas/escalation';

export function acknowledgeEscalation(id: number): Promise<Escalation> {
  return apiRequest<Escalation>('POST', `/escalations/${id}/acknowledge`);
}
