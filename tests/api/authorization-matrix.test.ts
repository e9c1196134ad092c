import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '../../server/plugins/access';
import {
  as,
  createUser,
  type Session,
  signIn,
  signInAdmin,
  startApp,
  type TestApp,
  USER_PASSWORD,
} from '../helpers/app';

type Caller = 'officer' | 'leader' | 'admin' | 'system';
const CALLERS: Caller[] = ['officer', 'leader', 'admin', 'system'];
const DENIED = ['DUTY_ERR_UNAUTHENTICATED', 'DUTY_ERR_FORBIDDEN', 'DUTY_ERR_CSRF', 'DUTY_ERR_ORIGIN'];

function allowed(access: Access, caller: Caller): boolean {
  if (access === 'public') return true;
  if (access === 'user') return caller !== 'system';
  return access.includes(caller);
}

/** Generated from the routes' own declarations: every caller × every route. */
describe('authorization matrix', () => {
  let t: TestApp;
  const sessions = {} as Record<Exclude<Caller, 'system'>, Session>;
  let bearer: Record<string, string>;
  beforeAll(async () => {
    t = await startApp();
    sessions.admin = await signInAdmin(t.app);
    for (const role of ['officer', 'leader'] as const) {
      await createUser(t.app, sessions.admin, { username: `${role}1`, roles: [role] });
      sessions[role] = await signIn(t.app, `${role}1`, USER_PASSWORD);
    }
    const { secret } = (
      await t.app.inject(
        as(sessions.admin, { method: 'POST', url: '/api/tokens', payload: { name: 'matrix' } }),
      )
    ).json();
    bearer = { authorization: `Bearer ${secret}` };
  });
  afterAll(() => t.close());

  it('gives every caller exactly what the route declares', async () => {
    const routes = t.app.declaredRoutes.filter(
      (r) => r.access !== 'public' && !r.url.includes('/auth/logout'),
    );
    const wrong: string[] = [];
    for (const route of routes) {
      for (const caller of CALLERS) {
        const headers = caller === 'system' ? bearer : sessions[caller].headers;
        const method = route.method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
        const url = route.url.replace(/:[a-zA-Z]+/g, '999999');
        const res = await t.app.inject({
          method,
          url,
          headers,
          payload: method === 'GET' || method === 'DELETE' ? undefined : {},
        });
        const code =
          res.statusCode >= 400 ? (res.json() as { error?: { code?: string } }).error?.code : undefined;
        const refused = code !== undefined && DENIED.includes(code);
        if (allowed(route.access, caller) === refused)
          wrong.push(`${caller} ${route.method} ${route.url} → ${res.statusCode} ${code ?? ''}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(routes.length).toBeGreaterThan(60);
  }, 120_000);
});
