import { apiGet } from '@client/lib/api-client';
import type { EmergencyResponse } from '@shared/schemas/warnings';
import { queryOptions } from '@tanstack/react-query';

export const responseHistoryQuery = (period: { from?: string; to?: string }) =>
  queryOptions({
    queryKey: ['warnings', '/responses', period],
    queryFn: ({ signal }) => apiGet<{ responses: EmergencyResponse[] }>('/responses', { ...period }, signal),
    select: (list): EmergencyResponse[] => list.responses,
  });
