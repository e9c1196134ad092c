import { apiGet } from '@client/lib/api-client';
import { resourceKey } from '@client/lib/query-keys';
import type { DisasterSummary } from '@shared/schemas/disasters';
import { queryOptions } from '@tanstack/react-query';

/** The disasters touching the caller's township (the server scopes the list), closed ones left out. */
export const activeDisastersQuery = () =>
  queryOptions({
    queryKey: resourceKey('disasters', 'informant'),
    queryFn: ({ signal }) => apiGet<{ disasters: DisasterSummary[] }>('/disasters', undefined, signal),
    select: (r) => r.disasters.filter((d) => d.state !== 'closed'),
  });
