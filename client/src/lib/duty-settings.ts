import type { DutySettings } from '@shared/schemas/settings';
import { queryOptions } from '@tanstack/react-query';
import { apiGet } from './api-client';
import { resourceKey } from './query-keys';

/**
 * The duty rules in force (shift template, staffing, seasons, the hand-over time and window): read
 * by the roster, the handover and the statistics, so it lives below the features.
 */
export function getDutySettings(signal?: AbortSignal): Promise<DutySettings> {
  return apiGet<DutySettings>('/settings/duty', undefined, signal);
}

export const dutySettingsQuery = () =>
  queryOptions({
    queryKey: resourceKey('settings', 'duty'),
    queryFn: ({ signal }) => getDutySettings(signal),
  });
