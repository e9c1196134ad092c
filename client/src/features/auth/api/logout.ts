import { apiRequest } from '@client/lib/api-client';

export function logout(): Promise<{ ok: true }> {
  return apiRequest<{ ok: true }>('POST', '/auth/logout', { expectUnauthorized: true });
}
