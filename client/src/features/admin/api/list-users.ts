import { apiGet } from '@client/lib/api-client';
import type { User } from '@shared/schemas/users';

export async function listUsers(signal?: AbortSignal): Promise<User[]> {
  const { users } = await apiGet<{ users: User[] }>('/users', undefined, signal);
  return users;
}
