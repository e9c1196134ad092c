import { ApiError, apiRequest } from '@client/lib/api-client';
import type { PublishBody, RosterCheck, RosterMonth } from '@shared/schemas/roster';

export function publishMonth(body: PublishBody): Promise<RosterMonth> {
  return apiRequest<RosterMonth>('POST', '/roster/publish', { body });
}

/** The failed checks a 409 refusal to publish carries, or null for any other error. */
export function refusedCheck(error: unknown): RosterCheck | null {
  if (!(error instanceof ApiError) || error.code !== 'DUTY_ERR_ROSTER_CHECKS_FAILED') return null;
  const body = error.body as { check?: RosterCheck } | undefined;
  return body?.check ?? null;
}
