import { apiGet } from '@client/lib/api-client';
import type { DutySettings } from '@shared/schemas/settings';

/** The duty settings: the hand-over time bounds the duty day ("today"). */
export function getDutySettings(signal?: AbortSignal): Promise<DutySettings> {
  return apiGet<DutySettings>('/settings/duty', undefined, signal);
}
