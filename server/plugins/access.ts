import { DISTRICT_PATH } from '@shared/domain/district';
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
    /**
     * The route answers within the caller's subtree of units (DESIGN 2.7): lists, statistics and
     * records of the caller's unit and those below, 404 for another's id. Without it the route is the
     * district room's (roster, handover, logbook, settings, people …): a caller of another unit is
     * refused (403), whatever its role.
     */
    scoped?: boolean;
  }
}

/** The district's unit path, the root of the units tree: its callers see everything. */
export { DISTRICT_PATH };

export const ADMIN: Access = ['admin'];

/** A caller as access sees it: a signed-in person with roles, or an API token. */
export type Caller = { kind: 'user'; roles: readonly Role[] } | { kind: 'token' };

/** Whether `access` lets this caller in; the live feed's read rules use the same words (server/live/read-rules.ts). */
export function accessAllows(access: Access, caller: Caller): boolean {
  if (access === 'public') return true;
  if (access === 'user') return caller.kind === 'user';
  return caller.kind === 'token'
    ? access.includes('system')
    : caller.roles.some((role) => access.includes(role));
}
