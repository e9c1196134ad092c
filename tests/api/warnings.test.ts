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

/** 2026-07-10 16:00 in Beijing. */
const NOW = '2026-07-10T08:00:00.000Z';

const RAIN = {
  type: 'rainstorm',
  level: 'yellow',
  issuer: '区气象台',
  issuedAt: '2026-07-10T15:00:00+08:00',
  text: '预计未来6小时内我区将出现50毫米以上降雨',
};

describe.each(DIALECTS)('warnings (预警) on %s', (dialect) => {
  let t: TestApp;
  let officer: Session;
  let admin: Session;
  let bearer: Record<string, string>;
  let otherBearer: Record<string, string>;
  const clock = fixedClock(NOW);

  beforeAll(async () => {
    t = await startApp({ dialect, clock });
    admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'zhang', roles: ['officer'], displayName: '张值班' });
    officer = await signIn(t.app, 'zhang', USER_PASSWORD);
    const token = async (name: string) => ({
      authorization: `Bearer ${(await t.app.inject(as(admin, { method: 'POST', url: '/api/tokens', payload: { name } }))).json().secret}`,
    });
    bearer = await token('weather');
    otherBearer = await token('hydrology');
  });
  afterAll(() => t.close());

  const events = async (type: string) =>
    (await t.app.db.selectFrom('events').selectAll().where('type', '=', type).orderBy('seq').execute()).map(
      (e) => ({ subject: e.subject, actor: e.actor, payload: JSON.parse(e.payload) }),
    );
  const countWarnings = async () =>
    Number(
      (
        await t.app.db
          .selectFrom('warnings')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('takes a warning typed in by an officer: stored in UTC, the whole district by default, an event', async () => {
    const res = await t.app.inject(as(officer, { method: 'POST', url: '/api/warnings', payload: RAIN }));
    expect(res.statusCode).toBe(201);
    const w = res.json();
    expect(w).toMatchObject({
      type: 'rainstorm',
      level: 'yellow',
      peakLevel: 'yellow',
      label: '暴雨黄色预警',
      issuer: '区气象台',
      issuedAt: '2026-07-10T07:00:00.000Z',
      effectiveAt: '2026-07-10T07:00:00.000Z',
      liftedAt: null,
      area: [],
      source: 'manual',
      createdBy: 'zhang',
    });
    const issued = await events('warning.issued');
    expect(issued.at(-1)).toEqual({ subject: `warning:${w.id}`, actor: 'zhang', payload: { warning: w } });
  });

  it('refuses 高温蓝色 with a coded 400 naming the pair, and records nothing', async () => {
    const before = await countWarnings();
    const res = await t.app.inject(
      as(officer, {
        method: 'POST',
        url: '/api/warnings',
        payload: { ...RAIN, type: 'heat', level: 'blue' },
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('DUTY_ERR_WARNING_LEVEL');
    expect(res.json().error.message).toBe(
      '高温蓝色预警 (heat/blue) does not exist: 高温 is issued in 黄色(yellow)、橙色(orange)、红色(red) only',
    );
    expect(await countWarnings()).toBe(before);
    // 冰雹 has only orange and red; 霜冻 no red.
    for (const [type, level] of [
      ['hail', 'yellow'],
      ['frost', 'red'],
    ]) {
      const r = await t.app.inject(
        as(officer, { method: 'POST', url: '/api/warnings', payload: { ...RAIN, type, level } }),
      );
      expect([r.statusCode, r.json().error.code]).toEqual([400, 'DUTY_ERR_WARNING_LEVEL']);
    }
  });

  it('keeps one warning for one key pushed twice by a system, replays it, and refuses another body (422)', async () => {
    const before = await countWarnings();
    const push = (
      headers: Record<string, string>,
      payload: object = { ...RAIN, area: ['城关镇', '东河乡'] },
    ) => t.app.inject({ method: 'POST', url: '/api/warnings', headers, payload });
    const first = await push({ ...bearer, 'idempotency-key': 'cma-2026-0710-0001' });
    const again = await push({ ...bearer, 'idempotency-key': 'cma-2026-0710-0001' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(first.json()).toMatchObject({
      source: 'api',
      createdBy: 'token:weather',
      area: ['城关镇', '东河乡'],
    });
    expect(await countWarnings()).toBe(before + 1);

    const changed = await push(
      { ...bearer, 'idempotency-key': 'cma-2026-0710-0001' },
      { ...RAIN, level: 'orange' },
    );
    expect([changed.statusCode, changed.json().error.code]).toEqual([422, 'DUTY_ERR_IDEMPOTENCY_MISMATCH']);
    // Another caller's key space is its own.
    const other = await push({ ...otherBearer, 'idempotency-key': 'cma-2026-0710-0001' });
    expect(other.statusCode).toBe(201);
    expect(await countWarnings()).toBe(before + 2);
  });

  it('upgrades, downgrades and lifts with one event each, and refuses a change to a lifted warning', async () => {
    const w = (
      await t.app.inject(as(officer, { method: 'POST', url: '/api/warnings', payload: RAIN }))
    ).json();
    clock.set('2026-07-10T09:00:00.000Z');
    const up = await t.app.inject(
      as(officer, { method: 'POST', url: `/api/warnings/${w.id}/level`, payload: { level: 'orange' } }),
    );
    expect(up.statusCode).toBe(200);
    expect(up.json()).toMatchObject({ level: 'orange', peakLevel: 'orange', label: '暴雨橙色预警' });
    const down = await t.app.inject(
      as(officer, { method: 'POST', url: `/api/warnings/${w.id}/level`, payload: { level: 'blue' } }),
    );
    expect(down.json()).toMatchObject({ level: 'blue', peakLevel: 'orange' });
    const changes = (await events('warning.changed')).filter((e) => e.subject === `warning:${w.id}`);
    expect(changes.map((e) => [e.payload.change, e.payload.levelFrom, e.payload.levelTo])).toEqual([
      ['upgrade', 'yellow', 'orange'],
      ['downgrade', 'orange', 'blue'],
    ]);
    // A system may lift what it pushed; a person what was typed in.
    const lift = await t.app.inject({
      method: 'POST',
      url: `/api/warnings/${w.id}/lift`,
      headers: bearer,
      payload: { note: '降雨减弱' },
    });
    expect(lift.statusCode).toBe(200);
    expect(lift.json().liftedAt).toBe('2026-07-10T09:00:00.000Z');
    const lifted = (await events('warning.lifted')).filter((e) => e.subject === `warning:${w.id}`);
    expect(lifted).toEqual([
      {
        subject: `warning:${w.id}`,
        actor: 'token:weather',
        payload: { warning: lift.json(), note: '降雨减弱' },
      },
    ]);
    const again = await t.app.inject(
      as(officer, { method: 'POST', url: `/api/warnings/${w.id}/lift`, payload: {} }),
    );
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'DUTY_ERR_CONFLICT']);
    const upAfter = await t.app.inject(
      as(officer, { method: 'POST', url: `/api/warnings/${w.id}/level`, payload: { level: 'red' } }),
    );
    expect([upAfter.statusCode, upAfter.json().error.code]).toEqual([409, 'DUTY_ERR_CONFLICT']);
    // 高温 cannot be downgraded to blue either.
    const heat = (
      await t.app.inject(
        as(officer, { method: 'POST', url: '/api/warnings', payload: { ...RAIN, type: 'heat' } }),
      )
    ).json();
    const blue = await t.app.inject(
      as(officer, { method: 'POST', url: `/api/warnings/${heat.id}/level`, payload: { level: 'blue' } }),
    );
    expect([blue.statusCode, blue.json().error.code]).toEqual([400, 'DUTY_ERR_WARNING_LEVEL']);
    const missing = await t.app.inject(
      as(officer, { method: 'POST', url: '/api/warnings/99999/lift', payload: {} }),
    );
    expect(missing.statusCode).toBe(404);
  });

  it('lists active, lifted and in a period, one by id; refuses strangers and leaves admins to read', async () => {
    const active = (
      await t.app.inject(as(officer, { method: 'GET', url: '/api/warnings?active=true' }))
    ).json().warnings as { liftedAt: string | null }[];
    const lifted = (
      await t.app.inject(as(officer, { method: 'GET', url: '/api/warnings?active=false' }))
    ).json().warnings as { liftedAt: string | null }[];
    const all = (await t.app.inject(as(officer, { method: 'GET', url: '/api/warnings' }))).json().warnings;
    expect(active.length).toBeGreaterThan(0);
    expect(lifted.length).toBe(1);
    expect(active.every((w) => w.liftedAt === null)).toBe(true);
    expect(lifted.every((w) => w.liftedAt !== null)).toBe(true);
    expect(all.length).toBe(active.length + lifted.length);
    // In force before 15:00 Beijing on 07-10: none (all took effect at 15:00).
    const before = await t.app.inject(
      as(officer, { method: 'GET', url: '/api/warnings?to=2026-07-10T06:59:00Z' }),
    );
    expect(before.json().warnings).toEqual([]);
    const heat = await t.app.inject(as(officer, { method: 'GET', url: '/api/warnings?type=heat' }));
    expect(heat.json().warnings.map((w: { type: string }) => w.type)).toEqual(['heat']);
    const one = await t.app.inject(as(admin, { method: 'GET', url: `/api/warnings/${all[0].id}` }));
    expect(one.json()).toEqual(all[0]);
    expect((await t.app.inject({ method: 'GET', url: '/api/warnings' })).statusCode).toBe(401);
    // An administrator reads but does not type warnings in.
    const byAdmin = await t.app.inject(as(admin, { method: 'POST', url: '/api/warnings', payload: RAIN }));
    expect([byAdmin.statusCode, byAdmin.json().error.code]).toEqual([403, 'DUTY_ERR_FORBIDDEN']);
  });

  it('counts warnings by type and highest level in a period', async () => {
    const res = await t.app.inject(
      as(officer, {
        method: 'GET',
        url: '/api/warnings/stats?from=2026-07-10T00:00:00Z&to=2026-07-11T00:00:00Z',
      }),
    );
    expect(res.statusCode).toBe(200);
    // Issued so far: rainstorm yellow (officer), rainstorm yellow ×2 (weather, hydrology),
    // rainstorm up to orange then blue (counted orange), heat yellow.
    expect(res.json()).toEqual({
      from: '2026-07-10T00:00:00.000Z',
      to: '2026-07-11T00:00:00.000Z',
      total: 5,
      rows: [
        { type: 'heat', level: 'yellow', count: 1 },
        { type: 'rainstorm', level: 'orange', count: 1 },
        { type: 'rainstorm', level: 'yellow', count: 3 },
      ],
      responses: [],
    });
    const empty = await t.app.inject(
      as(officer, {
        method: 'GET',
        url: '/api/warnings/stats?from=2026-08-01T00:00:00Z&to=2026-09-01T00:00:00Z',
      }),
    );
    expect(empty.json()).toMatchObject({ total: 0, rows: [] });
  });
});
