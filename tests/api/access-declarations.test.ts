import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** Fills path parameters so a route can be probed. */
// A date parameter (the calendar's corrections) takes a date; every other one is an id.
const concrete = (url: string) =>
  url
    .replace(':date', '2026-01-01')
    .replace('deadline-profiles/:id', 'deadline-profiles/custom-1')
    .replace(/:[a-zA-Z]+/g, '1');

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type SchemaNode = Record<string, unknown>;

/** Every object in a schema that lets unknown fields through, by its path in the schema. */
function openObjects(node: unknown, at: string): string[] {
  if (node === null || typeof node !== 'object') return [];
  const schema = node as SchemaNode;
  const found: string[] = [];
  const types = [schema.type].flat();
  if ((types.includes('object') || schema.properties) && schema.additionalProperties !== false) {
    // A map (typed values, named keys) is closed by its value schema and key names, not by `false`.
    const map =
      typeof schema.additionalProperties === 'object' &&
      schema.additionalProperties !== null &&
      schema.propertyNames;
    if (!map) found.push(at);
  }
  for (const [key, child] of Object.entries(schema)) {
    if (key === 'properties' && child && typeof child === 'object')
      for (const [name, prop] of Object.entries(child)) found.push(...openObjects(prop, `${at}.${name}`));
    else if (Array.isArray(child))
      for (const [i, c] of child.entries()) found.push(...openObjects(c, `${at}.${key}[${i}]`));
    else if (key === 'items' || key === 'additionalProperties')
      found.push(...openObjects(child, `${at}.${key}`));
  }
  return found;
}

describe('every route declares who may call it', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('refuses to register an /api route without an access declaration', () => {
    expect(() => t.app.get('/api/undeclared', async () => ({ leaked: true }))).toThrow(/declares no access/);
  });

  it('validates every input it takes with a closed schema: every write has a body schema, every path its params', () => {
    expect(t.app.declaredRoutes.length).toBeGreaterThan(8);
    // The check itself finds an object left open at any depth, also inside a union.
    const nested = { type: 'object', properties: { a: { anyOf: [{ type: 'object' }, { type: 'null' }] } } };
    expect(openObjects({ ...nested, additionalProperties: false }, 'x')).toEqual(['x.a.anyOf[0]']);
    const wrong: string[] = [];
    for (const route of t.app.declaredRoutes) {
      const where = `${route.method} ${route.url}`;
      if (WRITES.has(route.method) && route.schema?.body === undefined)
        wrong.push(`${where}: no body schema`);
      if (route.url.includes('/:') && route.schema?.params === undefined)
        wrong.push(`${where}: no params schema`);
      for (const part of ['body', 'querystring', 'params'] as const) {
        const schema = route.schema?.[part];
        if (schema) wrong.push(...openObjects(schema, `${where} ${part}`).map((p) => `${p}: open`));
      }
    }
    expect(wrong).toEqual([]);
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

describe('a write route that reads no body', () => {
  let t: TestApp;
  let everyone: Session;
  beforeAll(async () => {
    t = await startApp();
    const admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'allroles', roles: ['admin', 'officer', 'leader'] });
    everyone = await signIn(t.app, 'allroles', USER_PASSWORD);
  });
  afterAll(() => t.close());

  it('refuses a body with any field, before it runs, and takes none or an empty one', async () => {
    // The routes that take no body: a field sent to one of them is an error, not silently ignored.
    const bodiless = t.app.declaredRoutes.filter(
      (r) =>
        WRITES.has(r.method) &&
        r.access !== 'public' &&
        Object.keys((r.schema?.body as { properties?: object } | undefined)?.properties ?? {}).length === 0,
    );
    expect(bodiless.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining([
        'POST /api/auth/logout',
        'POST /api/incidents/:id/verify',
        'POST /api/roster/swaps/:id/cancel',
      ]),
    );
    // Reports exist only to be refused any change: that answer comes first, whatever the body.
    const immutable = {
      code: 'DUTY_ERR_CONFLICT',
      message: 'a report sent up is immutable: send a 续报 to correct it',
    };
    for (const route of bodiless) {
      const res = await t.app.inject(
        as(everyone, {
          method: route.method as 'POST' | 'PUT' | 'PATCH' | 'DELETE',
          url: concrete(route.url),
          payload: { unexpected: 1 },
        }),
      );
      const expected = route.url.startsWith('/api/incidents/:id/reports/:number')
        ? [409, immutable]
        : [400, { code: 'DUTY_ERR_VALIDATION', message: 'body: unknown field "unexpected"' }];
      expect([res.statusCode, res.json().error], `${route.method} ${route.url}`).toEqual(expected);
    }
    // Nothing, or an empty object, is still fine (here: an incident that does not exist).
    for (const payload of [undefined, {}]) {
      const res = await t.app.inject(
        as(everyone, { method: 'POST', url: '/api/incidents/99/verify', ...(payload ? { payload } : {}) }),
      );
      expect(res.json().error.code).toBe('DUTY_ERR_NOT_FOUND');
    }
  });
});
