import type { Disaster, Victim } from '@shared/schemas/disasters';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeclaredRoute } from '../../server/plugins/auth';
import { fixedClock } from '../../server/time';
import { as, type Session, signInAdmin, startApp, type TestApp } from '../helpers/app';
import { createUnit, unitPerson } from '../helpers/units';

/**
 * Scope of the disaster routes (DESIGN 2.7, PLAN-17), generated from the routes' declarations: a
 * unit whose township the disaster does not affect (and its community) gets for a real disaster
 * exactly what it gets for one that does not exist, and 404 on every read; the affected township,
 * its community and the district reach it.
 */
type Place = 'district' | 'own' | 'child' | 'other' | 'otherChild';

/** A valid request for the routes this helper built; other /api/disasters/:id routes get an empty body. */
function requestFor(
  route: DeclaredRoute,
  ids: { unitId: number; victimId: number },
): { url: string; payload?: object } {
  const known: Record<string, object | undefined> = {
    'PATCH /api/disasters/:id': { reliefText: '已转移' },
    'POST /api/disasters/:id/state': { state: 'stable' },
    'POST /api/disasters/:id/filings': { unitId: ids.unitId, kind: 'update', figures: { affected: 1 } },
    'POST /api/disasters/:id/victims': {
      unitId: ids.unitId,
      name: '赵六',
      status: 'dead',
      cause: '溺水',
      date: '2026-07-10',
    },
    'PATCH /api/disasters/:id/victims/:victimId': { cause: '泥石流' },
  };
  const key = `${route.method} ${route.url}`;
  const payload = route.method === 'GET' || route.method === 'DELETE' ? undefined : (known[key] ?? {});
  return { url: route.url.replace(':victimId', String(ids.victimId)), payload };
}

describe('disaster routes by unit', () => {
  const clock = fixedClock('2026-07-10T02:20:00.000Z');
  let t: TestApp;
  const callers = {} as Record<Place, Session>;
  let disaster: Disaster;
  let ownUnit: number;
  let victimId: number;

  beforeAll(async () => {
    t = await startApp({ clock });
    const admin = await signInAdmin(t.app);
    const own = await createUnit(t.app, admin, {
      parentId: 1,
      kind: 'township',
      name: '城关镇',
      code: 'D-A',
    });
    const other = await createUnit(t.app, admin, {
      parentId: 1,
      kind: 'street',
      name: '青山街道',
      code: 'D-C',
    });
    const child = await createUnit(t.app, admin, {
      parentId: own.id,
      kind: 'community',
      name: '东街社区',
      code: 'D-A1',
    });
    const otherChild = await createUnit(t.app, admin, {
      parentId: other.id,
      kind: 'community',
      name: '翠园社区',
      code: 'D-C1',
    });
    ownUnit = own.id;
    const unitOf: Record<Place, number> = {
      district: 1,
      own: own.id,
      child: child.id,
      other: other.id,
      otherChild: otherChild.id,
    };
    for (const place of Object.keys(unitOf) as Place[])
      callers[place] = (
        await unitPerson(t.app, admin, {
          username: `d-${place.toLowerCase()}`,
          roles: ['officer', 'leader'],
          unitId: unitOf[place],
        })
      ).session;
    const res = await t.app.inject(
      as(callers.district, {
        method: 'POST',
        url: '/api/disasters',
        payload: { type: 'flood', title: '暴雨', beganAt: '2026-07-10T02:00:00.000Z', townships: [own.id] },
      }),
    );
    disaster = res.json() as Disaster;
    const victim = await t.app.inject(
      as(callers.own, {
        method: 'POST',
        url: `/api/disasters/${disaster.id}/victims`,
        payload: { unitId: own.id, name: '张三', status: 'missing', cause: '山洪', date: '2026-07-10' },
      }),
    );
    victimId = (victim.json() as Victim).id;
  });
  afterAll(() => t.close());

  it('answers an unaffected township and its community exactly as for a disaster that does not exist', async () => {
    // The scoped ones: a district-only route (drafts, sending) refuses every unit with 403 (units-matrix).
    const routes = t.app.declaredRoutes.filter((r) => r.url.startsWith('/api/disasters/:id') && r.scoped);
    expect(routes.length).toBeGreaterThanOrEqual(7);
    const answer = (res: { statusCode: number; body: string }) =>
      `${res.statusCode} ${res.statusCode >= 400 ? JSON.parse(res.body).error.code : ''}`;
    const call = (s: Session, route: DeclaredRoute, id: number) => {
      const { url, payload } = requestFor(route, { unitId: ownUnit, victimId });
      return t.app.inject(
        as(s, { method: route.method as 'GET', url: url.replace(':id', String(id)), payload }),
      );
    };
    const wrong: string[] = [];
    for (const route of routes)
      for (const place of ['other', 'otherChild'] as const) {
        const missing = answer(await call(callers[place], route, 987_654));
        const hidden = answer(await call(callers[place], route, disaster.id));
        if (hidden !== missing)
          wrong.push(`${place} ${route.method} ${route.url}: ${hidden}, for none ${missing}`);
        if (route.method === 'GET' && hidden !== '404 DUTY_ERR_NOT_FOUND')
          wrong.push(`${place} GET ${route.url}: ${hidden}`);
      }
    expect(wrong).toEqual([]);
  });

  it('lets the affected township, its community and the district read it; the list follows', async () => {
    for (const place of ['district', 'own', 'child'] as const) {
      const res = await t.app.inject(
        as(callers[place], { method: 'GET', url: `/api/disasters/${disaster.id}` }),
      );
      expect(res.statusCode, `${place} ${res.body}`).toBe(200);
    }
    const listed = async (place: Place) =>
      (
        (await t.app.inject(as(callers[place], { method: 'GET', url: '/api/disasters' }))).json()
          .disasters as Disaster[]
      ).map((d) => d.id);
    expect({
      district: await listed('district'),
      own: await listed('own'),
      child: await listed('child'),
      other: await listed('other'),
      otherChild: await listed('otherChild'),
    }).toEqual({
      district: [disaster.id],
      own: [disaster.id],
      child: [disaster.id],
      other: [],
      otherChild: [],
    });
    // The township reads its list of the dead; a community under it sees only its own, and keeps none.
    const victimsOf = async (place: Place) =>
      (
        await t.app.inject(
          as(callers[place], { method: 'GET', url: `/api/disasters/${disaster.id}/victims` }),
        )
      )
        .json()
        .victims.map((v: Victim) => v.name);
    expect(await victimsOf('own')).toEqual(['张三']);
    expect(await victimsOf('child')).toEqual([]);
  });
});
