import { apiGet, apiRequest } from '@client/lib/api-client';
import type {
  SignoffLeaders,
  SignoffList,
  SignoffRequest,
  SignoffRequestBody,
} from '@shared/schemas/signoffs';
import { queryOptions } from '@tanstack/react-query';

/** The leaders who may sign off, the one(s) on call now first (display names). */
export function listSignoffLeaders(signal?: AbortSignal): Promise<SignoffLeaders> {
  return apiGet<SignoffLeaders>('/signoffs/leaders', undefined, signal);
}

export const signoffLeadersQuery = () =>
  queryOptions({
    queryKey: ['signoffs', 'leaders'],
    queryFn: ({ signal }) => listSignoffLeaders(signal),
    select: (list) => list.leaders,
  });

/** An incident's sign-off requests, newest first; their events read them again. */
export function listIncidentSignoffs(id: number, signal?: AbortSignal): Promise<SignoffList> {
  return apiGet<SignoffList>(`/incidents/${id}/signoffs`, undefined, signal);
}

export const incidentSignoffsQuery = (id: number) =>
  queryOptions({
    queryKey: ['signoffs', 'incident', id],
    queryFn: ({ signal }) => listIncidentSignoffs(id, signal),
    select: (list) => list.signoffs,
  });

/** 请领导签发: the drafted written report goes to the chosen leader. */
export function requestSignoff(id: number, body: SignoffRequestBody): Promise<SignoffRequest> {
  return apiRequest<SignoffRequest>('POST', `/incidents/${id}/signoffs`, { body });
}
