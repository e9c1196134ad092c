import { apiRequest } from '@client/lib/api-client';
import type { ChangePasswordBody } from '@shared/schemas/auth';

/** The signed-in person's own password; their other sessions end, this one stays. */
export function changePassword(body: ChangePasswordBody): Promise<{ ok: true }> {
  return apiRequest<{ ok: true }>('POST', '/auth/password', { body });
}
