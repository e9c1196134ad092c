import { timingSafeEqual } from 'node:crypto';
import { CSRF_HEADER, SESSION_COOKIE } from '@shared/schemas/auth';
import type { ApiToken } from '@shared/schemas/tokens';
import type { User } from '@shared/schemas/users';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { DutyError, fail } from '../errors';
import type { Actor } from '../events/command';
import { resolveSession } from '../modules/auth/service';
import { KnownTokens, type ResolvedToken, resolveToken } from '../modules/tokens/service';
import { type Access, DISTRICT_PATH } from './access';
import { type OriginCheck, originCheck } from './origin';

/**
 * Who calls: a signed-in person or an API token, each with the unit it acts for (DESIGN 2.7): a
 * person's own unit, a token's creator's. `unitPath` is the subtree the caller may see.
 */
export type Principal =
  | {
      kind: 'user';
      actor: string;
      user: User;
      sessionId: string;
      csrfToken: string;
      unitId: number;
      unitPath: string;
    }
  | { kind: 'token'; actor: string; token: ApiToken; unitId: number; unitPath: string };

export interface DeclaredRoute {
  method: string;
  url: string;
  access: Access;
  /** Answers within the caller's subtree of units (`config.scoped`); otherwise the district room's. */
  scoped: boolean;
  schema: { body?: unknown; querystring?: unknown; params?: unknown } | undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | undefined;
  }
  interface FastifyInstance {
    /** Every /api route with its declared access: the source of the authorization matrix. */
    declaredRoutes: DeclaredRoute[];
    /** SQLite: the API tokens read lately (modules/tokens/known-tokens.ts); PostgreSQL: none, other nodes revoke too. */
    knownTokens: KnownTokens<ResolvedToken> | undefined;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function sessionPolicy(app: FastifyInstance) {
  return { idleMinutes: app.config.sessionIdleMinutes, maxHours: app.config.sessionMaxHours };
}

async function identify(app: FastifyInstance, req: FastifyRequest): Promise<Principal | undefined> {
  const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (bearer) {
    const token = await resolveToken(app.db, app.clock, bearer, app.knownTokens);
    if (!token) fail('DUTY_ERR_UNAUTHENTICATED', 'the API token is unknown or revoked');
    const { unitId, unitPath, ...rest } = token;
    return { kind: 'token', actor: `token:${token.name}`, token: rest, unitId, unitPath };
  }
  const cookie = req.cookies[SESSION_COOKIE];
  if (!cookie) return undefined;
  const session = await resolveSession(app.db, app.clock, cookie, sessionPolicy(app));
  if (!session) return undefined;
  return {
    kind: 'user',
    actor: session.user.username,
    user: session.user,
    sessionId: session.id,
    csrfToken: session.csrfToken,
    unitId: session.user.unitId,
    unitPath: session.user.unitPath,
  };
}

function authorize(access: Access, principal: Principal | undefined): void {
  if (access === 'public') return;
  if (!principal) fail('DUTY_ERR_UNAUTHENTICATED', 'sign in first');
  if (access === 'user') {
    if (principal.kind !== 'user')
      fail('DUTY_ERR_FORBIDDEN', 'this needs a signed-in person, not an API token');
    return;
  }
  const allowed =
    principal.kind === 'token'
      ? access.includes('system')
      : principal.user.roles.some((role) => access.includes(role));
  if (!allowed) fail('DUTY_ERR_FORBIDDEN', `this needs the role ${access.join(' or ')}`);
}

function checkOrigin(allowed: OriginCheck, req: FastifyRequest): void {
  if (!allowed(req.headers.origin)) fail('DUTY_ERR_ORIGIN', 'request from a foreign origin');
}

function checkCsrf(allowed: OriginCheck, req: FastifyRequest, principal: Principal | undefined): void {
  if (principal?.kind !== 'user' || SAFE_METHODS.has(req.method)) return;
  checkOrigin(allowed, req);
  const sent = req.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !sameSecret(sent, principal.csrfToken)) {
    throw new DutyError('DUTY_ERR_CSRF', `missing or wrong ${CSRF_HEADER} header`);
  }
}

/** Declared access is enforced before the body is read, so a stranger gets 401, not a 400. */
export const authPlugin = fp(
  async (app: FastifyInstance) => {
    app.decorateRequest('principal', undefined);
    app.decorate('knownTokens', app.dbKind === 'sqlite' ? new KnownTokens<ResolvedToken>() : undefined);

    const declared: DeclaredRoute[] = [];
    app.decorate('declaredRoutes', declared);
    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api')) return;
      const access = route.config?.access;
      if (access === undefined)
        throw new Error(`route ${String(route.method)} ${route.url} declares no access (config.access)`);
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD')
          declared.push({
            method,
            url: route.url,
            access,
            scoped: route.config?.scoped === true,
            schema: route.schema as DeclaredRoute['schema'],
          });
      }
    });

    const allowedOrigin = originCheck(app);
    app.addHook('onRequest', async (req) => {
      const access = req.routeOptions.config?.access;
      if (access === undefined) return;
      const principal = await identify(app, req);
      req.principal = principal;
      authorize(access, principal);
      if (
        access !== 'public' &&
        principal &&
        principal.unitPath !== DISTRICT_PATH &&
        !req.routeOptions.config?.scoped
      )
        fail('DUTY_ERR_FORBIDDEN', "this is the district room's: a unit's callers may not use it");
      if (access !== 'public') checkCsrf(allowedOrigin, req, principal);
      // A public write from a browser (the sign-in) comes from one of our origins too: a page on a
      // rebound name must not even get a session.
      else if (!SAFE_METHODS.has(req.method)) checkOrigin(allowedOrigin, req);
    });
  },
  { name: 'duty-auth', dependencies: ['duty-db'] },
);

export function userOf(req: FastifyRequest): Extract<Principal, { kind: 'user' }> {
  const p = req.principal;
  if (p?.kind !== 'user') fail('DUTY_ERR_UNAUTHENTICATED', 'sign in first');
  return p;
}

/** The caller as a command's actor: name and unit. Nobody signed in acts for no unit (`/0/`). */
export function actorOf(req: FastifyRequest): Actor {
  const p = req.principal;
  return p
    ? { name: p.actor, unitId: p.unitId, unitPath: p.unitPath }
    : { name: 'anonymous', unitId: 0, unitPath: '/0/' };
}

/** The caller's username (or `token:<name>`), as records store it. */
export function actorNameOf(req: FastifyRequest): string {
  return req.principal?.actor ?? 'anonymous';
}
