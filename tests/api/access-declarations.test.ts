import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';

/** Fills path parameters so a route can be probed. */
const concrete = (url: string) => url.replace(/:[a-zA-Z]+/g, '1');

describe('every route declares who may call it', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('refuses to register an /api route without an access declaration', () => {
    expect(() => t.app.get('/api/undeclared', async () => ({ leaked: true }))).toThrow(/declares no access/);
  });

  it('validates every input it takes with a closed schema', () => {
    expect(t.app.declaredRoutes.length).toBeGreaterThan(8);
    for (const route of t.app.declaredRoutes) {
      const where = `${route.method} ${route.url}`;
      if (route.url.includes('/:')) expect(route.schema?.params, where).toBeDefined();
      for (const part of ['body', 'querystring', 'params'] as const) {
        const schema = route.schema?.[part] as { additionalProperties?: unknown } | undefined;
        if (schema) expect(schema.additionalProperties, `${where} ${part}`).toBe(false);
      }
    }
  });

  it('answers 401 to strangers on every route that is not public', async () => {
    const closed = t.app.declaredRoutes.filter((r) => r.access !== 'public');
    expect(closed.length).toBeGreaterThan(5);
    for (const route of closed) {
      const method = route.method as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
      const res = await t.app.inject({
        method,
        url: concrete(route.url),
        payload: method === 'GET' ? undefined : {},
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
    const open = t.app.declaredRoutes.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`);
    // The calendar feed is public at the route and authenticates by its revocable key (calendar apps cannot sign in).
    expect(open.sort()).toEqual(['GET /api/health', 'GET /api/roster.ics', 'POST /api/auth/login']);
  });
});
