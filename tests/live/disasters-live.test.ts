import type { Disaster } from '@shared/schemas/disasters';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { headSeq } from '../../server/events/read';
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
import { closeAllConsoles, connectConsole, settle } from '../helpers/live-client';
import { buildUnitsWorld, type UnitsWorld } from '../helpers/units';

/**
 * The live feed of 灾情报送 (PLAN-17 "Events"), real Socket.IO clients: the header reaches every
 * affected unit's console; a township's filing reaches it and the district (within a second),
 * never the sibling township; a community's reaches its township.
 */
describe('disaster events live', () => {
  let t: TestApp;
  let district: Session;
  let w: UnitsWorld;

  beforeAll(async () => {
    t = await startApp({ listen: true });
    const admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'wangfang', roles: ['officer'] });
    district = await signIn(t.app, 'wangfang', USER_PASSWORD);
    w = await buildUnitsWorld(t.app, admin);
  });
  afterEach(() => closeAllConsoles());
  afterAll(() => t.close());

  it('a filing of township A reaches A and the district, never B; the header reaches all', async () => {
    const head = await headSeq(t.app.db);
    const onDistrict = await connectConsole(t.url, { cookie: district.cookie, lastSeq: head });
    const onA = await connectConsole(t.url, { cookie: w.officerA.cookie, lastSeq: head });
    const onB = await connectConsole(t.url, { cookie: w.officerB.cookie, lastSeq: head });
    const onA1 = await connectConsole(t.url, { cookie: w.informantA1.cookie, lastSeq: head });
    const created = await t.app.inject(
      as(district, {
        method: 'POST',
        url: '/api/disasters',
        payload: {
          type: 'flood',
          title: '暴雨洪涝',
          beganAt: new Date(Date.now() - 3_600_000).toISOString(),
          townships: [w.a.id, w.b.id],
        },
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as Disaster).id;
    const sent = Date.now();
    const filed = await t.app.inject(
      as(w.officerA, {
        method: 'POST',
        url: `/api/disasters/${id}/filings`,
        payload: { unitId: w.a.id, kind: 'initial', figures: { affected: 120 } },
      }),
    );
    expect(filed.statusCode, filed.body).toBe(201);
    const fromBelow = await t.app.inject(
      as(w.informantA1, {
        method: 'POST',
        url: `/api/disasters/${id}/filings`,
        payload: { unitId: w.a1.id, kind: 'initial', figures: { relocated: 5 } },
      }),
    );
    expect(fromBelow.statusCode, fromBelow.body).toBe(201);
    const types = (c: { received: { type: string; unit: string }[] }) =>
      c.received.filter((e) => e.type.startsWith('disaster.')).map((e) => `${e.type}@${e.unit}`);
    await vi.waitFor(() => expect(types(onDistrict)).toHaveLength(3), { timeout: 1000 });
    expect(Date.now() - sent).toBeLessThan(1000);
    await vi.waitFor(() => expect(types(onA)).toHaveLength(3), { timeout: 1000 });
    await settle(300);
    expect(types(onDistrict)).toEqual([
      'disaster.created@/1/',
      `disaster.figures_filed@${w.a.path}`,
      `disaster.figures_filed@${w.a1.path}`,
    ]);
    expect(types(onA)).toEqual(types(onDistrict));
    expect(types(onB)).toEqual(['disaster.created@/1/']);
    expect(types(onA1)).toEqual(['disaster.created@/1/', `disaster.figures_filed@${w.a1.path}`]);
  });
});
