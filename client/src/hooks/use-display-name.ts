import { apiGet } from '@client/lib/api-client';
import { useT } from '@client/lib/i18n';
import { resourceKey } from '@client/lib/query-keys';
import type { PeopleNames } from '@shared/schemas/users';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';

export const peopleNamesQuery = () =>
  queryOptions({
    queryKey: resourceKey('users', 'names'),
    queryFn: ({ signal }) => apiGet<PeopleNames>('/users/names', undefined, signal),
    staleTime: 5 * 60_000,
  });

/**
 * A person as people read them: `wangfang` → 王芳, `system` → 系统 / System. `known` names the
 * server already answered (a read model's `actorName`, a detail's `names`) win over the directory.
 */
export function useDisplayName(
  known?: Record<string, string>,
): (username: string | null | undefined) => string {
  const t = useT();
  const { data } = useQuery(peopleNamesQuery());
  const names = data?.names;
  return useCallback(
    (username) => {
      if (!username) return '';
      if (username === 'system') return t('people.system');
      return known?.[username] ?? names?.[username] ?? username;
    },
    [t, names, known],
  );
}
