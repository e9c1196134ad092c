import { apiRequest } from '@client/lib/api-client';
import type { UpdateUserBody, User } from '@shared/schemas/users';

export function updateUser(id: number, body: UpdateUserBody): Promise<User> {
  return apiRequest<User>('PATCH', `/users/${id}`, { body });
}
