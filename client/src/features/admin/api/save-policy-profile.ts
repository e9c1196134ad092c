import { apiRequest } from '@client/lib/api-client';
import type { DeadlinePolicyBody } from '@shared/schemas/deadlines';
import type { PolicyProfile } from '@shared/schemas/policy-profiles';

export function savePolicyProfile(id: string, policy: DeadlinePolicyBody): Promise<PolicyProfile> {
  return apiRequest<PolicyProfile>('PUT', `/settings/deadline-profiles/${encodeURIComponent(id)}`, {
    body: { policy },
  });
}
