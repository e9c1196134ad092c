import { apiGet } from '@client/lib/api-client';
import { resourceKey } from '@client/lib/query-keys';
import type { Filing } from '@shared/schemas/disasters';
import { queryOptions } from '@tanstack/react-query';

export function listUnitFilings(disasterId: number, unitId: number, signal?: AbortSignal): Promise<Filing[]> {
  return apiGet<{ filings: Filing[] }>(`/disasters/${disasterId}/filings`, { unitId }, signal).then(
    (r) => r.filings,
  );
}

/** The unit's own filings for one disaster: newest first: its last figures are shown beside each field. */
export const unitFilingsQuery = (disasterId: number, unitId: number) =>
  queryOptions({
    queryKey: resourceKey('disaster', disasterId, 'filings', unitId),
    queryFn: ({ signal }) => listUnitFilings(disasterId, unitId, signal),
    select: (filings) => [...filings].sort((a, b) => Date.parse(b.filedAt) - Date.parse(a.filedAt)),
  });
