import { apiGet } from '@client/lib/api-client';
import type { Health } from '@shared/schemas/health';
import { queryOptions } from '@tanstack/react-query';
import type { Static } from 'typebox';

export type HealthInfo = Static<typeof Health>;

export function getHealth(signal?: AbortSignal): Promise<HealthInfo> {
  return apiGet<HealthInfo>('/health', undefined, signal);
}

export const healthQuery = () =>
  queryOptions({ queryKey: ['health', '/health'], queryFn: ({ signal }) => getHealth(signal) });
