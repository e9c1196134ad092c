import { apiGet } from '@client/lib/api-client';
import type { User } from '@shared/schemas/users';

/** Administrators only: the pickers of the roster editor. */
export async function listUsers(signal?: AbortSignal): Promise<User[]> {
  const { users } = await apiGet<{ users: User[] }>('/users', undefined, signal);
  return users;
}
