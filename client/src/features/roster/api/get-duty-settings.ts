import { apiGet } from '@client/lib/api-client';
import { resourceKey } from '@client/lib/query-keys';
import type { DutySettings } from '@shared/schemas/settings';
import { queryOptions } from '@tanstack/react-query';

export function getDutySettings(signal?: AbortSignal): Promise<DutySettings> {
  return apiGet<DutySettings>('/settings/duty', undefined, signal);
}

/** The duty settings (shift template, staffing). */
export const dutySettingsQuery = () =>
  queryOptions({
    queryKey: resourceKey('settings', 'duty'),
    queryFn: ({ signal }) => getDutySettings(signal),
  });
