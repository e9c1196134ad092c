import { apiGet } from '@client/lib/api-client';
import type { Stats, StatsQuery } from '@shared/schemas/stats';

/** Every figure of the statistics page for incidents received in [from, to). */
export function getStats(query: StatsQuery, signal?: AbortSignal): Promise<Stats> {
  return apiGet<Stats>('/stats', { ...query }, signal);
}
