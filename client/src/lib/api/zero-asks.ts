import { apiGet } from '@client/lib/api-client';
import type { ZeroAsk } from '@shared/schemas/zero-reports';
import { queryOptions } from '@tanstack/react-query';

/**
 * What the caller's own unit owes today: the district's asks for a daily zero report. One cache
 * entry for the informant's phone page, the zero-report page and the alert strip.
 */
export const myZeroAsksQuery = () =>
  queryOptions({
    queryKey: ['zero-reports', '/zero-reports/mine'],
    queryFn: ({ signal }) => apiGet<{ asks: ZeroAsk[] }>('/zero-reports/mine', undefined, signal),
    select: (r) => r.asks,
  });
