import { apiGet } from '@client/lib/api-client';
import { resourceKey } from '@client/lib/query-keys';
import type { PolicyProfileList } from '@shared/schemas/policy-profiles';
import { queryOptions } from '@tanstack/react-query';

export function listPolicyProfiles(signal?: AbortSignal): Promise<PolicyProfileList> {
  return apiGet<PolicyProfileList>('/settings/deadline-profiles', undefined, signal);
}

/** Every profile event makes 'settings' stale (live-cache.ts): the list is read again. */
export const policyProfilesQuery = () =>
  queryOptions({
    queryKey: resourceKey('settings', 'deadline-profiles'),
    queryFn: ({ signal }) => listPolicyProfiles(signal),
  });
