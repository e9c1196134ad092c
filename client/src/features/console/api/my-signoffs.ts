import { apiGet, apiRequest } from '@client/lib/api-client';
import type { SignoffList, SignoffRequest } from '@shared/schemas/signoffs';
import { queryOptions } from '@tanstack/react-query';

const PATH = '/signoffs/mine';

/** The reports waiting for the signed-in leader's sign-off, oldest first. */
export function listMySignoffs(signal?: AbortSignal): Promise<SignoffList> {
  return apiGet<SignoffList>(PATH, undefined, signal);
}

export const mySignoffsQuery = () =>
  queryOptions({
    queryKey: ['signoffs', PATH],
    queryFn: ({ signal }) => listMySignoffs(signal),
    select: (list) => list.signoffs,
  });

/** The asked leader approves (with an optional comment) or returns (with one). */
export function decideSignoff(
  id: number,
  decision: 'approve' | 'return',
  comment?: string,
): Promise<SignoffRequest> {
  return apiRequest<SignoffRequest>('POST', `/signoffs/${id}/${decision}`, {
    body: comment ? { comment } : {},
  });
}

/** The leader on call confirms receipt (领导已阅). */
export function acknowledgeIncident(id: number): Promise<unknown> {
  return apiRequest<unknown>('POST', `/incidents/${id}/acknowledge`);
}
