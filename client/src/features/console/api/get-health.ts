import { apiGet } from '@client/lib/api-client';
import type { Health } from '@shared/schemas/health';
import type { Static } from 'typebox';

export type HealthInfo = Static<typeof Health>;

export function getHealth(signal?: AbortSignal): Promise<HealthInfo> {
  return apiGet<HealthInfo>('/health', undefined, signal);
}
