import { apiGet } from '@client/lib/api-client';
import { resourceKey } from '@client/lib/query-keys';
import type { User } from '@shared/schemas/users';
import { queryOptions } from '@tanstack/react-query';

/** Administrators only: the pickers of the roster editor. */
export async function listUsers(signal?: AbortSignal): Promise<User[]> {
  const { users } = await apiGet<{ users: User[] }>('/users', undefined, signal);
  return users;
}

/** Everyone, for administrators' pickers; nothing is read for anyone else (the API is admin-only). */
export const rosterUsersQuery = (isAdmin: boolean) =>
  queryOptions({
    queryKey: resourceKey('users'),
    queryFn: ({ signal }) => listUsers(signal),
    enabled: isAdmin,
  });
