import { apiRequest } from '@client/lib/api-client';
import type { CreateUserBody, User } from '@shared/schemas/users';

export function createUser(body: CreateUserBody): Promise<User> {
  return apiRequest<User>('POST', '/users', { body });
}
