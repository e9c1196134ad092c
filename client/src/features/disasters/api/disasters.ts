import { apiGet, apiRequest } from '@client/lib/api-client';
import type { DisasterState } from '@shared/domain/disasters';
import type {
  CreateDisasterBody,
  Disaster,
  DisasterSummary,
  Filing,
  FilingBody,
  UpdateDisasterBody,
  Victim,
  VictimBody,
} from '@shared/schemas/disasters';
import type { UnitListItem } from '@shared/schemas/units';
import { queryOptions } from '@tanstack/react-query';

/** The disaster processes the caller may see (a township: those it is affected by). */
export const disastersQuery = (state?: DisasterState) =>
  queryOptions({
    queryKey: ['disasters', state ?? 'all'],
    queryFn: ({ signal }) => apiGet<{ disasters: DisasterSummary[] }>('/disasters', { state }, signal),
    select: (list) => list.disasters,
  });

/** One disaster as the caller may see it: a township gets its own row, obligations and victims only. */
export const disasterQuery = (id: number) =>
  queryOptions({
    queryKey: ['disaster', id],
    queryFn: ({ signal }) => apiGet<Disaster>(`/disasters/${id}`, undefined, signal),
  });

/** The units tree within the caller's sight: the affected-townships picker. */
export const disasterUnitsQuery = () =>
  queryOptions({
    // Its own key under 'units': the admin page caches the same read in another shape.
    queryKey: ['units', 'townships-picker'],
    queryFn: ({ signal }) => apiGet<{ units: UnitListItem[] }>('/units', undefined, signal),
    select: (list) => list.units.map((u) => u.unit),
  });

export function createDisaster(body: CreateDisasterBody): Promise<Disaster> {
  return apiRequest<Disaster>('POST', '/disasters', { body });
}

export function patchDisaster(id: number, body: UpdateDisasterBody): Promise<Disaster> {
  return apiRequest<Disaster>('PATCH', `/disasters/${id}`, { body });
}

export function changeDisasterState(id: number, state: DisasterState): Promise<Disaster> {
  return apiRequest<Disaster>('POST', `/disasters/${id}/state`, { body: { state } });
}

export function fileFigures(id: number, body: FilingBody): Promise<Filing> {
  return apiRequest<Filing>('POST', `/disasters/${id}/filings`, { body });
}

export function addVictim(id: number, body: VictimBody): Promise<Victim> {
  return apiRequest<Victim>('POST', `/disasters/${id}/victims`, { body });
}

export function changeVictim(id: number, victimId: number, body: Partial<VictimBody>): Promise<Victim> {
  return apiRequest<Victim>('PATCH', `/disasters/${id}/victims/${victimId}`, { body });
}

export function removeVictim(id: number, victimId: number): Promise<unknown> {
  return apiRequest('DELETE', `/disasters/${id}/victims/${victimId}`);
}
