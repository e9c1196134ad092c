import { apiGet } from '@client/lib/api-client';
import type { EmergencyResponse, Warning } from '@shared/schemas/warnings';
import { queryOptions } from '@tanstack/react-query';

/** Warnings in force (not lifted): the wall in the shell and the shift-start briefing read them. */
export const activeWarningsQuery = () =>
  queryOptions({
    queryKey: ['warnings', '/warnings', 'active'],
    queryFn: ({ signal }) => apiGet<{ warnings: Warning[] }>('/warnings', { active: 'true' }, signal),
    select: (list): Warning[] => list.warnings,
  });

/** Emergency responses under way (not ended). */
export const activeResponsesQuery = () =>
  queryOptions({
    queryKey: ['warnings', '/responses', 'active'],
    queryFn: ({ signal }) =>
      apiGet<{ responses: EmergencyResponse[] }>('/responses', { active: 'true' }, signal),
    select: (list): EmergencyResponse[] => list.responses,
  });
