import { apiGet } from '@client/lib/api-client';
import type { DutySettings } from '@shared/schemas/settings';

export function getDutySettings(signal?: AbortSignal): Promise<DutySettings> {
  return apiGet<DutySettings>('/settings/duty', undefined, signal);
}
