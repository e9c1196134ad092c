import type { Incident } from '@shared/schemas/incidents';
import type { UnitListItem } from '@shared/schemas/units';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeclaredRoute } from '../../server/plugins/auth';
import { as, type Session, signInAdmin, startApp, type TestApp } from '../helpers/app';
import { CALL } from '../helpers/incidents';
import { createUnit, unitPerson } from '../helpers/units';

/**
 * The authorization matrix with units (DESIGN 2.7), generated from the routes' own declarations:
 * every route × a caller in the district (parent), the owning township, its sibling and its child
 * community. Each caller is an officer and a leader, so roles never decide: only units do.
 */
type Place = 'district' | 'own' | 'sibling' | 'child';
const PLACES: Place[] = ['district', 'own', 'sibling', 'child'];
const DENIED = ['DUTY_ERR_UNAUTHENTICATED', 'DUTY_ERR_FORBIDDEN', 'DUTY_ERR_CSRF', 'DUTY_ERR_ORIGIN'];

/** A valid request for every incident route with an id, so an answer is the route's, not the validator's. */
function requestFor(
  route: DeclaredRoute,
  otherId: number,
  leader: string,
): { url: string; payload?: object } {
  const known: Record<string, { query?: string; payload?: object }> = {
    'GET /api/incidents/:id': {},
    'PATCH /api/incidents/:id': { payload: { summary: '核实后更正' } },
    'POST /api/incidents/:id/verify': {},
    'POST /api/incidents/:id/acknowledge': {},
    'GET /api/incidents/:id/reports/draft': { query: '?kind=initial' },
    'POST /api/incidents/:id/reports': {
      payload: { kind: 'initial', channel: 'phone', recipient: '市应急局' },
    },
    'POST /api/incidents/:id/actions': { payload: { type: 'note', text: '现场已处置' } },
    'POST /api/incidents/:id/link': { payload: { otherId } },
    'POST /api/incidents/:id/close': { payload: { outcome: '处置完毕' } },
    'GET /api/incidents/:id/signoffs': {},
    'POST /api/incidents/:id/signoffs': {
      payload: { leader, kind: 'initial', channel: 'written', recipient: '市应急局', text: '首报' },
    },
    'PUT /api/incidents/:id/reports/:number': { payload: { text: 'x' } },
    'PATCH /api/incidents/:id/reports/:number': { payload: { text: 'x' } },
    'DELETE /api/incidents/:id/reports/:number': {},
    'POST /api/incidents/:id/direct-entry': {
      payload: { enteredAt: '2026-01-01T00:00:00.000Z', recordNumber: 'ZB-1' },
    },
    'POST /api/incidents/:id/direct-notified': {
      payload: { notifiedAt: '2026-01-01T00:00:00.000Z', department: '消防救援大队', person: '王' },
    },
    'POST /api/incidents/:id/notifications': {
      payload: { department: '公安', notifiedAt: '2026-01-01T00:00:00.000Z', channel: 'phone', person: '王' },
    },
    'GET /api/incidents/:id/hops': {},
    'POST /api/incidents/:id/take': { payload: {} },
  };
  const entry = known[`${route.method} ${route.url}`];
  if (!entry) throw new Error(`no request for ${route.method} ${route.url}: add one here`);
  return { url: route.url.replace(':number', '1') + (entry.query ?? ''), payload: entry.payload };
}

describe('authorization matrix with units', () => {
  let t: TestApp;
  let admin: Session;
  const callers = {} as Record<Place, Session>;
  const names = {} as Record<Place, string>;
  let ownIncident: number;
  let ownOther: number;

  beforeAll(async () => {
    t = await startApp();
    admin = await signInAdmin(t.app);
    const own = await createUnit(t.app, admin, {
      parentId: 1,
      kind: 'township',
      name: '城关镇',
      code: 'M-A',
    });
    const sibling = await createUnit(t.app, admin, {
      parentId: 1,
      kind: 'dev_zone',
      name: '开发区',
      code: 'M-B',
    });
    const child = await createUnit(t.app, admin, {
      parentId: own.id,
      kind: 'community',
      name: '东街社区',
      code: 'M-A1',
    });
    const unitOf: Record<Place, number> = { district: 1, own: own.id, sibling: sibling.id, child: child.id };
    for (const place of PLACES) {
      names[place] = `m-${place}`;
      callers[place] = (
        await unitPerson(t.app, admin, {
          username: names[place],
          roles: ['officer', 'leader'],
          unitId: unitOf[place],
        })
      ).session;
    }
    const record = async (summary: string) => {
      const res = await t.app.inject(
        as(callers.own, { method: 'POST', url: '/api/incidents', payload: { ...CALL, summary } }),
      );
      return (res.json() as Incident).id;
    };
    ownIncident = await record('城关镇接报');
    ownOther = await record('城关镇又一起');
  });
  afterAll(() => t.close());

  it("refuses a unit's callers every route not declared scoped (the district room's) and nothing else", async () => {
    const routes = t.app.declaredRoutes.filter(
      (r) => r.access !== 'public' && !r.url.includes('/auth/logout'),
    );
    const wrong: string[] = [];
    for (const route of routes) {
      for (const place of PLACES) {
        const method = route.method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
        const res = await t.app.inject(
          as(callers[place], {
            method,
            url: route.url.replace(/:[a-zA-Z]+/g, '999999'),
            payload: method === 'GET' || method === 'DELETE' ? undefined : {},
          }),
        );
        const code =
          res.statusCode >= 400 ? (res.json() as { error?: { code?: string } }).error?.code : undefined;
        const refused = code !== undefined && DENIED.includes(code);
        // Roles never refuse here (officer and leader) but for admin-only and token-only routes.
        const byRole =
          route.access !== 'user' && !route.access.includes('officer') && !route.access.includes('leader');
        const expected = byRole || (place !== 'district' && !route.scoped);
        if (expected !== refused)
          wrong.push(`${place} ${route.method} ${route.url} → ${res.statusCode} ${code ?? ''}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(routes.filter((r) => r.scoped).length).toBeGreaterThan(15);
  }, 120_000);

  it('answers a sibling and a child on every incident route exactly as for an incident that does not exist; the owner and the parent reach it', async () => {
    const routes = t.app.declaredRoutes.filter((r) => r.url.startsWith('/api/incidents/:id'));
    expect(routes.length).toBeGreaterThanOrEqual(13);
    const wrong: string[] = [];
    const call = (session: Session, route: DeclaredRoute, id: number) => {
      const { url, payload } = requestFor(route, ownOther, names.district);
      return t.app.inject(
        as(session, { method: route.method as 'GET', url: url.replace(':id', String(id)), payload }),
      );
    };
    const answer = (res: { statusCode: number; body: string }) =>
      `${res.statusCode} ${res.statusCode >= 400 ? JSON.parse(res.body).error.code : ''}`;
    // Out of scope first: nothing they do may change the incident the others then act on.
    for (const route of routes) {
      for (const place of ['sibling', 'child'] as const) {
        const missing = answer(await call(callers[place], route, 987_654));
        const hidden = answer(await call(callers[place], route, ownIncident));
        if (hidden !== missing)
          wrong.push(`${place} ${route.method} ${route.url}: ${hidden}, for none ${missing}`);
        if (route.method === 'GET' && hidden !== '404 DUTY_ERR_NOT_FOUND')
          wrong.push(`${place} GET ${route.url}: ${hidden}`);
      }
    }
    for (const route of routes) {
      for (const place of ['own', 'district'] as const) {
        // A report flowing upward is taken by the unit above: the owner itself is refused (403).
        if (place === 'own' && route.url === '/api/incidents/:id/take') continue;
        const res = answer(await call(callers[place], route, ownIncident));
        if (res === '404 DUTY_ERR_NOT_FOUND' || res.includes('FORBIDDEN'))
          wrong.push(`${place} ${route.method} ${route.url}: ${res}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('lists, boards, counts and shows the tree only within each caller’s subtree', async () => {
    const mine = async (place: Place) =>
      (
        (await t.app.inject(as(callers[place], { method: 'GET', url: '/api/incidents' }))).json()
          .incidents as Incident[]
      ).length;
    expect({
      district: await mine('district'),
      own: await mine('own'),
      sibling: await mine('sibling'),
      child: await mine('child'),
    }).toEqual({
      district: 2,
      own: 2,
      sibling: 0,
      child: 0,
    });
    const tree = async (place: Place) =>
      (
        (await t.app.inject(as(callers[place], { method: 'GET', url: '/api/units' }))).json()
          .units as UnitListItem[]
      ).map((u) => u.unit.code);
    expect(await tree('district')).toEqual(['district', 'M-A', 'M-A1', 'M-B']);
    expect(await tree('own')).toEqual(['M-A', 'M-A1']);
    expect(await tree('sibling')).toEqual(['M-B']);
    expect(await tree('child')).toEqual(['M-A1']);
  });
});
