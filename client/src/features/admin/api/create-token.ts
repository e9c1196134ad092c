import { apiRequest } from '@client/lib/api-client';
import type { CreatedToken, CreateTokenBody } from '@shared/schemas/tokens';

export function createToken(body: CreateTokenBody): Promise<CreatedToken> {
  return apiRequest<CreatedToken>('POST', '/tokens', { body });
}
