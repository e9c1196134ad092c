import { apiRequest } from '@client/lib/api-client';
import type { LoginBody, SessionInfo } from '@shared/schemas/auth';

export function login(body: LoginBody): Promise<SessionInfo> {
  return apiRequest<SessionInfo>('POST', '/auth/login', { body, expectUnauthorized: true });
}
