import { apiGet } from '@client/lib/api-client';
import { resourceKey } from '@client/lib/query-keys';
import type { DutySettings } from '@shared/schemas/settings';
import { queryOptions } from '@tanstack/react-query';

/** The duty rules in force: the handover window among them. */
export function getDutySettings(signal?: AbortSignal): Promise<DutySettings> {
  return apiGet<DutySettings>('/settings/duty', undefined, signal);
}

export const dutySettingsQuery = () =>
  queryOptions({
    queryKey: resourceKey('settings', 'duty'),
    queryFn: ({ signal }) => getDutySettings(signal),
  });
