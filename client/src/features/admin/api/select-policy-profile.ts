import { apiRequest } from '@client/lib/api-client';
import type { PolicyProfileList } from '@shared/schemas/policy-profiles';

export function selectPolicyProfile(id: string): Promise<PolicyProfileList> {
  return apiRequest<PolicyProfileList>('PUT', '/settings/deadline-profiles/active', { body: { id } });
}
