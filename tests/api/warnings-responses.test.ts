import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dutyDrivers } from '../../server/modules/warnings/service';
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

describe.each(DIALECTS)('emergency responses, consultations and the duty drivers on %s', (dialect) => {
  let t: TestApp;
  let officer: Session;
  let leader: Session;
  let bearer: Record<string, string>;
  const clock = fixedClock('2026-07-11T04:00:00.000Z');

  beforeAll(async () => {
    t = await startApp({ dialect, clock });
    const admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'zhang', roles: ['officer'] });
    await createUser(t.app, admin, { username: 'wang', roles: ['leader'] });
    officer = await signIn(t.app, 'zhang', USER_PASSWORD);
    leader = await signIn(t.app, 'wang', USER_PASSWORD);
    bearer = {
      authorization: `Bearer ${(await t.app.inject(as(admin, { method: 'POST', url: '/api/tokens', payload: { name: 'weather' } }))).json().secret}`,
    };
  });
  afterAll(() => t.close());

  const events = async (type: string) =>
    (await t.app.db.selectFrom('events').selectAll().where('type', '=', type).orderBy('seq').execute()).map(
      (e) => ({ subject: e.subject, actor: e.actor, payload: JSON.parse(e.payload) }),
    );

  let responseId = 0;

  it('starts a Ⅳ-level 防汛 response, raises it to Ⅲ and ends it, one event each', async () => {
    const start = await t.app.inject(
      as(leader, {
        method: 'POST',
        url: '/api/responses',
        payload: {
          headquarters: 'flood_drought',
          level: 'IV',
          startedAt: '2026-07-10T16:00:00+08:00',
          orderText: '区防汛抗旱指挥部决定启动防汛Ⅳ级应急响应',
        },
      }),
    );
    expect(start.statusCode).toBe(201);
    const r = start.json();
    responseId = r.id;
    expect(r).toMatchObject({
      headquarters: 'flood_drought',
      level: 'IV',
      label: '防汛Ⅳ级应急响应',
      startedAt: '2026-07-10T08:00:00.000Z',
      endedAt: null,
      createdBy: 'wang',
    });
    expect((await events('response.started')).at(-1)).toEqual({
      subject: `response:${r.id}`,
      actor: 'wang',
      payload: { response: r },
    });
    const up = await t.app.inject(
      as(officer, {
        method: 'POST',
        url: `/api/responses/${r.id}/level`,
        payload: { level: 'III', at: '2026-07-11T08:00:00+08:00', orderText: '提升为防汛Ⅲ级应急响应' },
      }),
    );
    expect(up.statusCode).toBe(200);
    expect(up.json()).toMatchObject({
      level: 'III',
      label: '防汛Ⅲ级应急响应',
      orderText: '提升为防汛Ⅲ级应急响应',
    });
    expect((await events('response.changed')).at(-1)?.payload).toMatchObject({
      change: 'upgrade',
      levelFrom: 'IV',
      levelTo: 'III',
    });
    // Active now, and the list says so.
    const active = await t.app.inject(as(officer, { method: 'GET', url: '/api/responses?active=true' }));
    expect(active.json().responses.map((x: { id: number }) => x.id)).toEqual([r.id]);
  });

  it('records a consultation under the response, and refuses one under a response that does not exist', async () => {
    const body = {
      heldAt: '2026-07-10T17:30:00+08:00',
      participants: ['区应急局', '区气象局', '区水务局'],
      conclusions: '未来24小时仍有强降雨，山洪地质灾害风险高',
      orders: '各乡镇转移危险区群众，24小时值班',
      responseId,
    };
    const res = await t.app.inject(as(officer, { method: 'POST', url: '/api/consultations', payload: body }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      heldAt: '2026-07-10T09:30:00.000Z',
      participants: ['区应急局', '区气象局', '区水务局'],
      responseId,
      createdBy: 'zhang',
    });
    expect((await events('consultation.recorded')).at(-1)).toEqual({
      subject: `consultation:${res.json().id}`,
      actor: 'zhang',
      payload: { consultation: res.json() },
    });
    const bad = await t.app.inject(
      as(officer, { method: 'POST', url: '/api/consultations', payload: { ...body, responseId: 9999 } }),
    );
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'DUTY_ERR_VALIDATION']);
    const list = await t.app.inject(
      as(officer, {
        method: 'GET',
        url: '/api/consultations?from=2026-07-10T00:00:00Z&to=2026-07-11T00:00:00Z',
      }),
    );
    expect(list.json().consultations.map((c: { id: number }) => c.id)).toEqual([res.json().id]);
    // Systems push warnings only: responses and consultations are the duty room's.
    const bySystem = await t.app.inject({
      method: 'POST',
      url: '/api/consultations',
      headers: bearer,
      payload: body,
    });
    expect(bySystem.statusCode).toBe(403);
  });

  it('gives the staffing rules one driver per level held, overlapping the window asked for', async () => {
    // 暴雨黄色 in force from 07-10 15:00 (Beijing), orange from 18:00, lifted 07-11 10:00.
    const w = (
      await t.app.inject(
        as(officer, {
          method: 'POST',
          url: '/api/warnings',
          payload: {
            type: 'rainstorm',
            level: 'yellow',
            issuer: '区气象台',
            issuedAt: '2026-07-10T15:00:00+08:00',
            text: '暴雨黄色预警',
          },
        }),
      )
    ).json();
    await t.app.inject(
      as(officer, {
        method: 'POST',
        url: `/api/warnings/${w.id}/level`,
        payload: { level: 'orange', at: '2026-07-10T18:00:00+08:00' },
      }),
    );
    clock.set('2026-07-11T03:00:00.000Z');
    await t.app.inject(
      as(officer, {
        method: 'POST',
        url: `/api/warnings/${w.id}/lift`,
        payload: { at: '2026-07-11T10:00:00+08:00' },
      }),
    );
    // The duty day 07-10 08:00 → 07-11 08:00 (Beijing).
    expect(await dutyDrivers(t.app.db, '2026-07-10T00:00:00.000Z', '2026-07-11T00:00:00.000Z')).toEqual([
      {
        kind: 'warning',
        id: w.id,
        label: '暴雨黄色预警',
        level: 'yellow',
        from: '2026-07-10T07:00:00.000Z',
        to: '2026-07-10T10:00:00.000Z',
      },
      {
        kind: 'response',
        id: responseId,
        label: '防汛Ⅳ级应急响应',
        level: 'IV',
        from: '2026-07-10T08:00:00.000Z',
        to: '2026-07-11T00:00:00.000Z',
      },
      {
        kind: 'warning',
        id: w.id,
        label: '暴雨橙色预警',
        level: 'orange',
        from: '2026-07-10T10:00:00.000Z',
        to: '2026-07-11T02:00:00.000Z',
      },
    ]);
    // The next duty day, in order of start: the orange warning until 10:00, the Ⅲ-level response still active.
    expect(await dutyDrivers(t.app.db, '2026-07-11T00:00:00.000Z', '2026-07-12T00:00:00.000Z')).toEqual([
      {
        kind: 'warning',
        id: w.id,
        label: '暴雨橙色预警',
        level: 'orange',
        from: '2026-07-10T10:00:00.000Z',
        to: '2026-07-11T02:00:00.000Z',
      },
      {
        kind: 'response',
        id: responseId,
        label: '防汛Ⅲ级应急响应',
        level: 'III',
        from: '2026-07-11T00:00:00.000Z',
        to: null,
      },
    ]);
    // Nothing after the warning was lifted but the response.
    expect(
      (await dutyDrivers(t.app.db, '2026-07-11T02:00:00.000Z', '2026-07-11T03:00:00.000Z')).map(
        (d) => d.label,
      ),
    ).toEqual(['防汛Ⅲ级应急响应']);
    // Before anything took effect: none.
    expect(await dutyDrivers(t.app.db, '2026-07-09T00:00:00.000Z', '2026-07-10T07:00:00.000Z')).toEqual([]);
  });

  it('ends the response once; a later change or end is refused', async () => {
    const end = await t.app.inject(
      as(leader, { method: 'POST', url: `/api/responses/${responseId}/end`, payload: { note: '雨情缓解' } }),
    );
    expect(end.statusCode).toBe(200);
    expect(end.json().endedAt).toBe('2026-07-11T03:00:00.000Z');
    expect((await events('response.ended')).at(-1)?.payload).toEqual({
      response: end.json(),
      note: '雨情缓解',
    });
    const again = await t.app.inject(
      as(leader, { method: 'POST', url: `/api/responses/${responseId}/end`, payload: {} }),
    );
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'DUTY_ERR_CONFLICT']);
    const level = await t.app.inject(
      as(leader, { method: 'POST', url: `/api/responses/${responseId}/level`, payload: { level: 'II' } }),
    );
    expect(level.statusCode).toBe(409);
    const ended = await t.app.inject(as(officer, { method: 'GET', url: '/api/responses?active=false' }));
    expect(ended.json().responses.map((x: { id: number }) => x.id)).toEqual([responseId]);
    const stats = await t.app.inject(as(officer, { method: 'GET', url: '/api/warnings/stats' }));
    expect(stats.json().responses).toEqual([{ headquarters: 'flood_drought', level: 'III', count: 1 }]);
  });
});
