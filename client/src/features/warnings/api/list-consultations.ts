import { apiGet } from '@client/lib/api-client';
import type { Consultation } from '@shared/schemas/warnings';
import { queryOptions } from '@tanstack/react-query';

export const consultationsQuery = (period: { from?: string; to?: string }) =>
  queryOptions({
    queryKey: ['warnings', '/consultations', period],
    queryFn: ({ signal }) =>
      apiGet<{ consultations: Consultation[] }>('/consultations', { ...period }, signal),
    select: (list): Consultation[] => list.consultations,
  });
