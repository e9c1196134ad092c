import { apiRequest } from '@client/lib/api-client';
import type { ApiToken } from '@shared/schemas/tokens';

export function revokeToken(id: number): Promise<ApiToken> {
  return apiRequest<ApiToken>('POST', `/tokens/${id}/revoke`);
}
