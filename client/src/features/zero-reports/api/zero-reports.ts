import { apiGet, apiRequest } from '@client/lib/api-client';
import type { UnitListItem } from '@shared/schemas/units';
import type {
  CreateZeroRequestBody,
  ZeroFiling,
  ZeroFilingBody,
  ZeroRequest,
} from '@shared/schemas/zero-reports';
import { queryOptions } from '@tanstack/react-query';

/** The requests in the caller's sight, each with today's round (who has filed, who has not). */
export const zeroRequestsQuery = () =>
  queryOptions({
    queryKey: ['zero-reports', '/zero-reports'],
    queryFn: ({ signal }) => apiGet<{ requests: ZeroRequest[] }>('/zero-reports', undefined, signal),
    select: (r) => r.requests,
  });

/** The requests not ended, with today's round: the alert strip's (who is past the cut-off). */
export const activeZeroRequestsQuery = () =>
  queryOptions({
    queryKey: ['zero-reports', '/zero-reports', 'active'],
    queryFn: ({ signal }) => apiGet<{ requests: ZeroRequest[] }>('/zero-reports', { active: 'true' }, signal),
    select: (r) => r.requests,
  });

/** The units the district may ask (the scope picker's list). */
export const askableUnitsQuery = () =>
  queryOptions({
    queryKey: ['units', '/units', 'zero-reports'],
    queryFn: ({ signal }) => apiGet<{ units: UnitListItem[] }>('/units', undefined, signal),
    select: (r) => r.units.map((u) => u.unit).filter((u) => u.parentId !== null && u.enabled),
  });

/** Disasters not closed (the 'disaster' scope's list). */
export const openDisastersQuery = () =>
  queryOptions({
    queryKey: ['disasters', '/disasters', 'zero-reports'],
    queryFn: ({ signal }) =>
      apiGet<{ disasters: { id: number; title: string; state: string }[] }>('/disasters', undefined, signal),
    select: (r) => r.disasters.filter((d) => d.state !== 'closed'),
  });

export function createZeroRequest(body: CreateZeroRequestBody): Promise<ZeroRequest> {
  return apiRequest<ZeroRequest>('POST', '/zero-reports', { body });
}

export function fileZeroReport(requestId: number, body: ZeroFilingBody): Promise<ZeroFiling> {
  return apiRequest<ZeroFiling>('POST', `/zero-reports/${requestId}/filings`, { body });
}

export function endZeroRequest(requestId: number): Promise<ZeroRequest> {
  return apiRequest<ZeroRequest>('POST', `/zero-reports/${requestId}/end`, { body: {} });
}
