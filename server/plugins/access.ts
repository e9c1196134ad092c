import type { Role } from '@shared/schemas/users';

/**
 * Who may call a route. Every /api route declares one in `config.access`; a route without one
 * stops the app from starting.
 * - 'public': anyone;
 * - 'user': any signed-in person;
 * - a list: signed-in people holding one of the roles, and API tokens when 'system' is listed.
 */
export type Access = 'public' | 'user' | readonly (Role | 'system')[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

export const ADMIN: Access = ['admin'];
