import { apiRequest } from '@client/lib/api-client';
import type { PolicyProfile } from '@shared/schemas/policy-profiles';

export function copyPolicyProfile(basedOn: string): Promise<PolicyProfile> {
  return apiRequest<PolicyProfile>('POST', '/settings/deadline-profiles', { body: { basedOn } });
}
