import { apiRequest } from '@client/lib/api-client';
import type { EndBody, Warning, WarningLevelChange } from '@shared/schemas/warnings';

/** 升级 / 降级. */
export function changeWarningLevel(id: number, body: WarningLevelChange): Promise<Warning> {
  return apiRequest<Warning>('POST', `/warnings/${id}/level`, { body });
}

/** 解除. */
export function liftWarning(id: number, body: EndBody): Promise<Warning> {
  return apiRequest<Warning>('POST', `/warnings/${id}/lift`, { body });
}
