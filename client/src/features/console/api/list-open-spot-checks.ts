import { apiGet } from '@client/lib/api-client';
import type { SpotCheck } from '@shared/schemas/spot-checks';

/** Unanswered spot-checks of the last day: open ones counting down and missed ones still to answer. */
export async function listOpenSpotChecks(signal?: AbortSignal): Promise<SpotCheck[]> {
  const { spotChecks } = await apiGet<{ spotChecks: SpotCheck[] }>('/spot-checks/open', undefined, signal);
  return spotChecks;
}
