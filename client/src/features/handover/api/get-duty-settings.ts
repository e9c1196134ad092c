import { apiGet } from '@client/lib/api-client';
import type { DutySettings } from '@shared/schemas/settings';

/** The duty rules in force: the handover window among them. */
export function getDutySettings(signal?: AbortSignal): Promise<DutySettings> {
  return apiGet<DutySettings>('/settings/duty', undefined, signal);
}
