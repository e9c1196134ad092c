import { apiRequest } from '@client/lib/api-client';
import type { IssueSpotCheckBody, SpotCheck } from '@shared/schemas/spot-checks';

export function issueSpotCheck(body: IssueSpotCheckBody): Promise<SpotCheck> {
  return apiRequest<SpotCheck>('POST', '/spot-checks', { body });
}
