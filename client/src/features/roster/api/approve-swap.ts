import { ApiError, apiRequest } from '@client/lib/api-client';
import type { RosterCheck } from '@shared/schemas/roster';
import type { DecideSwapBody, Swap } from '@shared/schemas/swaps';

export function approveSwap(id: number, body: DecideSwapBody): Promise<Swap> {
  return apiRequest<Swap>('POST', `/roster/swaps/${id}/approve`, { body });
}

/** The failed checks a 409 refusal to approve carries, or null. */
export function approvalCheck(error: unknown): RosterCheck | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const body = error.body as { check?: RosterCheck } | undefined;
  return body?.check ?? null;
}
