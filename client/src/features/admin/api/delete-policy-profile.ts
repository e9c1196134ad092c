import { apiRequest } from '@client/lib/api-client';
import type { PolicyProfileList } from '@shared/schemas/policy-profiles';

export function deletePolicyProfile(id: string): Promise<PolicyProfileList> {
  return apiRequest<PolicyProfileList>('DELETE', `/settings/deadline-profiles/${encodeURIComponent(id)}`);
}
