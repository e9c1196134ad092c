import { apiGet } from '@client/lib/api-client';
import type { Handover } from '@shared/schemas/handover';
import { queryOptions } from '@tanstack/react-query';

export interface LatestHandover {
  handover: Handover | null;
}

/** The last handover written (signed or not): what the shift under way was handed. */
export function getLatestHandover(signal?: AbortSignal): Promise<LatestHandover> {
  return apiGet<LatestHandover>('/handovers/latest', undefined, signal);
}

export const latestHandoverQuery = () =>
  queryOptions({
    queryKey: ['handovers', '/handovers/latest'],
    queryFn: ({ signal }) => getLatestHandover(signal),
  });
