import { ApiError, apiRequest } from '@client/lib/api-client';
import type { SessionInfo } from '@shared/schemas/auth';

/** The current session, or null when there is none (401). */
export async function getMe(): Promise<SessionInfo | null> {
  try {
    return await apiRequest<SessionInfo>('GET', '/auth/me', { expectUnauthorized: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}
