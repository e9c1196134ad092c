import { apiGet, apiRequest } from '@client/lib/api-client';
import { resourceKey } from '@client/lib/query-keys';
import type { ZeroAsk } from '@shared/schemas/zero-reports';
import { queryOptions } from '@tanstack/react-query';

/** What the caller's unit owes today: the district's asks for a daily zero report. */
export const zeroAsksQuery = () =>
  queryOptions({
    queryKey: resourceKey('zero-reports', 'mine'),
    queryFn: ({ signal }) => apiGet<{ asks: ZeroAsk[] }>('/zero-reports/mine', undefined, signal),
    select: (r) => r.asks,
  });

/** The one tap: "无新增" for the unit, for the ask's day. */
export function fileNothingNew(requestId: number, unitId: number, forDate: string): Promise<unknown> {
  return apiRequest('POST', `/zero-reports/${requestId}/filings`, {
    body: { unitId, forDate, nothingNew: true },
  });
}
