import { apiGet } from '@client/lib/api-client';
import { resourceKey } from '@client/lib/query-keys';
import type { UnitListItem } from '@shared/schemas/units';
import { queryOptions } from '@tanstack/react-query';

export async function listUnits(signal?: AbortSignal): Promise<UnitListItem[]> {
  const { units } = await apiGet<{ units: UnitListItem[] }>('/units', undefined, signal);
  return units;
}

/** The units tree within the signed-in person's subtree; unit events make it stale. */
export const unitsQuery = () =>
  queryOptions({ queryKey: resourceKey('units'), queryFn: ({ signal }) => listUnits(signal) });
