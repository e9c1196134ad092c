import type { ZeroRequest } from '@shared/schemas/zero-reports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/time';
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
import { DIALECTS } from '../helpers/databases';
import { addUnit, DISTRICT, unitPerson } from '../helpers/unit-fixtures';

/**
 * Zero reports linked to a disaster (灾情报送): the request asks the disaster's affected townships; a
 * township's zero report is its daily disaster filing too (same transaction); a daily filing made on
 * the disaster's page counts as filed here.
 */
const BEGAN = '2026-07-10T02:00:00.000Z'; // 10:00 on 10 July in Shanghai
const NEXT_DAY = '2026-07-10T22:30:00.000Z'; // 06:30 on 11 July

describe.each(DIALECTS)('zero reports of a disaster on %s', (dialect) => {
  const clock = fixedClock(BEGAN);
  let t: TestApp;
  let officer: Session;
  let t1: Session;
  let t2: Session;
  let T1: { id: number; name: string };
  let T2: { id: number; name: string };
  let T3: { id: number; name: string };

  beforeAll(async () => {
    t = await startApp({
      dialect,
      clock,
      config: { sessionIdleMinutes: 7 * 24 * 60, sessionMaxHours: 24 * 30 },
    });
    const admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'o1', roles: ['officer', 'leader'] });
    officer = await signIn(t.app, 'o1', USER_PASSWORD);
    T1 = await addUnit(t.app, DISTRICT, { name: '甲镇', kind: 'township', code: 'T1' });
    T2 = await addUnit(t.app, DISTRICT, { name: '乙镇', kind: 'township', code: 'T2' });
    T3 = await addUnit(t.app, DISTRICT, { name: '丙镇', kind: 'township', code: 'T3' });
    t1 = await unitPerson(t.app, admin, T1.id, { username: 'town1', roles: ['officer'] });
    t2 = await unitPerson(t.app, admin, T2.id, { username: 'town2', roles: ['officer'] });
  });
  afterAll(() => t.close());

  it("asks the affected townships; figures filed here are the disaster's daily figures, and the disaster's daily filings count here", async () => {
    clock.set(BEGAN);
    const d = await t.app.inject(
      as(officer, {
        method: 'POST',
        url: '/api/disasters',
        payload: {
          type: 'flood',
          title: '7·10 暴雨洪涝',
          beganAt: BEGAN,
          townships: [T1.id, T2.id],
          major: true,
        },
      }),
    );
    expect(d.statusCode, d.body).toBe(201);
    const disasterId = d.json().id as number;
    clock.set(NEXT_DAY);
    const res = await t.app.inject(
      as(officer, {
        method: 'POST',
        url: '/api/zero-reports',
        payload: { title: '洪涝每日零报告', scope: 'disaster', refId: disasterId, cutoff: '08:00' },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const req = res.json() as ZeroRequest;
    expect(req).toMatchObject({ reason: 'disaster', refId: disasterId, disasterId, firstDate: '2026-07-11' });
    expect(req.units.map((u) => u.unitId)).toEqual([T1.id, T2.id]);
    expect(req.units.some((u) => u.unitId === T3.id)).toBe(false);

    // 甲镇 files figures as its zero report: the disaster has them as its daily filing of the 11th.
    const filed = await t.app.inject(
      as(t1, {
        method: 'POST',
        url: `/api/zero-reports/${req.id}/filings`,
        payload: { unitId: T1.id, figures: { affected: 120, relocated: 30 } },
      }),
    );
    expect(filed.statusCode, filed.body).toBe(201);
    const filings = await t.app.inject(
      as(officer, { method: 'GET', url: `/api/disasters/${disasterId}/filings?unitId=${T1.id}` }),
    );
    expect(filings.statusCode, filings.body).toBe(200);
    const daily = (
      filings.json().filings as { kind: string; forDate: string; figures: Record<string, number> }[]
    ).filter((f) => f.kind === 'daily');
    expect(daily).toHaveLength(1);
    expect(daily[0]).toMatchObject({
      forDate: '2026-07-11',
      figures: { affected: 120, relocated: 30, dead: 0 },
    });

    // 乙镇 files its daily report on the disaster's page: filed here too.
    clock.set('2026-07-10T23:00:00.000Z'); // 07:00 on the 11th
    const onPage = await t.app.inject(
      as(t2, {
        method: 'POST',
        url: `/api/disasters/${disasterId}/filings`,
        payload: { unitId: T2.id, kind: 'daily', nothingNew: true },
      }),
    );
    expect(onPage.statusCode, onPage.body).toBe(201);
    const view = (
      await t.app.inject(as(officer, { method: 'GET', url: `/api/zero-reports/${req.id}` }))
    ).json() as ZeroRequest;
    expect(view.today.units.map((u) => [u.name, u.state, u.source, u.filedAt])).toEqual([
      ['甲镇', 'filed', 'zero', NEXT_DAY],
      ['乙镇', 'filed', 'disaster', '2026-07-10T23:00:00.000Z'],
    ]);
    // Nobody is missed after the cut-off.
    clock.set('2026-07-11T00:00:00.001Z');
    await t.app.scanner.runOnce();
    const missed = await t.app.inject(as(officer, { method: 'GET', url: '/api/zero-reports?active=true' }));
    expect(missed.json().requests.find((r: ZeroRequest) => r.id === req.id).today.missing).toBe(0);

    // Next day, 乙镇's one tap "无新增" is its disaster daily filing of the 12th too.
    clock.set('2026-07-11T22:00:00.000Z'); // 06:00 on the 12th
    const tap = await t.app.inject(
      as(t2, {
        method: 'POST',
        url: `/api/zero-reports/${req.id}/filings`,
        payload: { unitId: T2.id, nothingNew: true },
      }),
    );
    expect(tap.statusCode, tap.body).toBe(201);
    const t2Filings = await t.app.inject(
      as(officer, { method: 'GET', url: `/api/disasters/${disasterId}/filings?unitId=${T2.id}` }),
    );
    const t2Daily = (t2Filings.json().filings as { kind: string; forDate: string; nothingNew: boolean }[])
      .filter((f) => f.kind === 'daily')
      .map((f) => [f.forDate, f.nothingNew])
      .sort();
    expect(t2Daily).toEqual([
      ['2026-07-11', true],
      ['2026-07-12', true],
    ]);

    // No disaster, no request; a closed disaster asks nobody.
    const ask = (refId: number) =>
      t.app.inject(
        as(officer, {
          method: 'POST',
          url: '/api/zero-reports',
          payload: { title: '零报告', scope: 'disaster', refId, cutoff: '08:00' },
        }),
      );
    expect((await ask(99999)).statusCode).toBe(400);
    const closed = await t.app.inject(
      as(officer, {
        method: 'POST',
        url: `/api/disasters/${disasterId}/state`,
        payload: { state: 'closed' },
      }),
    );
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await ask(disasterId)).statusCode).toBe(422);
    // Its request still takes a zero report (the disaster's figures are final, left alone).
    const after = await t.app.inject(
      as(t1, {
        method: 'POST',
        url: `/api/zero-reports/${req.id}/filings`,
        payload: { unitId: T1.id, figures: { affected: 130 } },
      }),
    );
    expect(after.statusCode, after.body).toBe(201);
    const t1Daily = (
      await t.app.inject(
        as(officer, { method: 'GET', url: `/api/disasters/${disasterId}/filings?unitId=${T1.id}` }),
      )
    ).json().filings as { kind: string }[];
    expect(t1Daily.filter((f) => f.kind === 'daily')).toHaveLength(1);
  });
});
