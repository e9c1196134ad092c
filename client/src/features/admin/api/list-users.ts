import { apiGet } from '@client/lib/api-client';
import { resourceKey } from '@client/lib/query-keys';
import type { User } from '@shared/schemas/users';
import { queryOptions } from '@tanstack/react-query';

export async function listUsers(signal?: AbortSignal): Promise<User[]> {
  const { users } = await apiGet<{ users: User[] }>('/users', undefined, signal);
  return users;
}

export const usersQuery = () =>
  queryOptions({ queryKey: resourceKey('users'), queryFn: ({ signal }) => listUsers(signal) });
