import { apiGet } from '@client/lib/api-client';
import type { RosterView } from '@shared/schemas/roster';

/** The roster of `from`–`to` (at most 93 days) with its days, shifts, periods, months and checks. */
export function getRoster(from: string, to: string, signal?: AbortSignal): Promise<RosterView> {
  return apiGet<RosterView>('/roster', { from, to }, signal);
}
