import { apiGet } from '@client/lib/api-client';
import { resourceKey } from '@client/lib/query-keys';
import type { UnitListItem } from '@shared/schemas/units';
import { queryOptions } from '@tanstack/react-query';

/** The informant's own community (its name for the page's header); unit events make it stale. */
export const myUnitQuery = (unitId: number) =>
  queryOptions({
    queryKey: resourceKey('units', 'mine'),
    queryFn: ({ signal }) => apiGet<{ units: UnitListItem[] }>('/units', undefined, signal),
    select: (r) => r.units.find((u) => u.unit.id === unitId)?.unit ?? null,
  });
