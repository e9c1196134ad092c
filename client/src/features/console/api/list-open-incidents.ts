import { apiGet } from '@client/lib/api-client';
import type { Incident } from '@shared/schemas/incidents';

/** Every incident not closed, with its next deadline: the clocks of the shift-start briefing. */
export async function listOpenIncidents(signal?: AbortSignal): Promise<Incident[]> {
  const { incidents } = await apiGet<{ incidents: Incident[] }>('/incidents', { stage: 'open' }, signal);
  return incidents;
}
