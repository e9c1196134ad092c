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
import { CALL } from '../helpers/incidents';

// The Henan table as the route answers it (shared/domain/policy-profiles.ts), written out here: 重大
// and above 15 min phone / 35 min written, 较大 1 h written, 2 h written for all (条例 第十一条),
// 较大 and above a 续报 before 08:00 and 17:00 each day.
const HENAN = {
  name: '河南省（事故灾难类、自然灾害类从严）',
  initial: [
    { applies: '*', grades: '*', kind: 'initial_written', within: 'PT2H' },
    { applies: 'accident', grades: ['I', 'II'], kind: 'initial_phone', within: 'PT15M' },
    { applies: 'accident', grades: ['I', 'II'], kind: 'initial_written', within: 'PT35M' },
    { applies: 'accident', grades: ['III'], kind: 'initial_written', within: 'PT1H' },
    { applies: 'natural_disaster', grades: ['I', 'II'], kind: 'initial_phone', within: 'PT15M' },
    { applies: 'natural_disaster', grades: ['I', 'II'], kind: 'initial_written', within: 'PT35M' },
    { applies: 'natural_disaster', grades: ['III'], kind: 'initial_written', within: 'PT1H' },
  ],
  followupPerDay: { I: 2, II: 2, III: 2, IV: 1 },
  followupAt: ['08:00', '17:00'],
  followupAtGrades: ['I', 'II', 'III'],
  changeWindowDays: { default: 30, road_traffic: 7, fire: 7 },
  disasterClockFrom: 'occurred',
  // Natural disasters' clocks (DESIGN §2.6): the defaults every profile carries.
  disasters: {
    initialHours: 2,
    severeDeadMissing: 10,
    followupChangeHours: 2,
    dailyAt: '09:00',
    townshipDailyAt: '08:00',
    townshipVerifyWorkingDays: 2,
    districtVerifyWorkingDays: 3,
    droughtFollowupDays: 10,
  },
};
const PROFILES = '/api/settings/deadline-profiles';

type Obligation = { kind: string; dueAt: string | null };
const dueOf = (obligations: Obligation[]) => Object.fromEntries(obligations.map((o) => [o.kind, o.dueAt]));

describe.each(DIALECTS)('deadline policy profiles on %s', (dialect) => {
  const clock = fixedClock('2026-03-04T18:50:00Z');
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let leader: Session;
  beforeAll(async () => {
    t = await startApp({ dialect, clock });
    admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'wangfang', roles: ['officer'] });
    await createUser(t.app, admin, { username: 'lijun', roles: ['leader'] });
    officer = await signIn(t.app, 'wangfang', USER_PASSWORD);
    leader = await signIn(t.app, 'lijun', USER_PASSWORD);
  });
  afterAll(() => t.close());

  const call = (s: Session, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject(as(s, { method, url, ...(payload === undefined ? {} : { payload: payload as object }) }));
  const events = async (type: string) =>
    (await call(admin, 'GET', `/api/events?type=${type}`)).json().events as {
      actor: string;
      subject: string;
      payload: Record<string, unknown>;
    }[];
  const intake = async (payload: object) => {
    const res = await call(officer, 'POST', '/api/incidents', payload);
    expect(res.statusCode).toBe(201);
    return dueOf(res.json().obligations);
  };

  it('lists the built-in profiles, national in force, to anyone signed in; each one by id', async () => {
    const list = await call(officer, 'GET', PROFILES);
    expect(list.statusCode).toBe(200);
    expect(list.json().active).toBe('national');
    expect(list.json().profiles.map((p: { id: string; builtIn: boolean }) => [p.id, p.builtIn])).toEqual([
      ['national', true],
      ['henan', true],
    ]);
    const national = list.json().profiles[0];
    expect(national.policy).toEqual((await call(officer, 'GET', '/api/settings/deadlines')).json());

    const henan = await call(leader, 'GET', `${PROFILES}/henan`);
    expect(henan.statusCode).toBe(200);
    expect(henan.json()).toMatchObject({ id: 'henan', builtIn: true, basedOn: null, policy: HENAN });
    expect(henan.json().sources.join('\n')).toContain(
      'http://news.hnr.cn/snxw/article/1/1335773042856562688',
    );

    const missing = await call(officer, 'GET', `${PROFILES}/zhejiang`);
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'DUTY_ERR_NOT_FOUND']);
    const badId = await call(officer, 'GET', `${PROFILES}/Not%20An%20Id`);
    expect([badId.statusCode, badId.json().error.code]).toEqual([400, 'DUTY_ERR_VALIDATION']);
  });

  it('lets only an administrator pick a profile; incidents received after it follow its clocks', async () => {
    for (const s of [officer, leader])
      expect((await call(s, 'PUT', `${PROFILES}/active`, { id: 'henan' })).statusCode).toBe(403);
    const bad: [unknown, number, string][] = [
      [{ id: 'zhejiang' }, 404, 'deadline policy profile "zhejiang" not found'],
      [{}, 400, 'body: missing field "id"'],
      [{ id: 'henan', now: true }, 400, 'body: unknown field "now"'],
    ];
    for (const [body, status, message] of bad) {
      const res = await call(admin, 'PUT', `${PROFILES}/active`, body);
      expect([res.statusCode, res.json().error.message], message).toEqual([
        status,
        expect.stringContaining(message),
      ]);
    }
    expect((await call(officer, 'GET', PROFILES)).json().active).toBe('national');

    const picked = await call(admin, 'PUT', `${PROFILES}/active`, { id: 'henan' });
    expect(picked.statusCode).toBe(200);
    expect(picked.json().active).toBe('henan');
    expect((await call(officer, 'GET', '/api/settings/deadlines')).json()).toEqual(HENAN);
    const [event] = await events('settings.policy_profile_selected');
    expect(event).toMatchObject({
      actor: 'admin',
      subject: 'settings:deadline_profiles',
      payload: { id: 'henan', previous: 'national', policy: HENAN },
    });

    // 重大 (10 dead), received 18:50Z: phone within 15 min, writing within 35 min.
    expect(await intake({ ...CALL, casualties: { deaths: 10 } })).toMatchObject({
      initial_phone: '2026-03-04T19:05:00.000Z',
      initial_written: '2026-03-04T19:25:00.000Z',
    });
    // 较大 (3 dead): writing within 1 h, no phone deadline under this table.
    const major = await intake(CALL);
    expect(major).toMatchObject({ initial_written: '2026-03-04T19:50:00.000Z' });
    expect(major).not.toHaveProperty('initial_phone');
  });

  it('keeps the built-ins read-only', async () => {
    const edit = await call(admin, 'PUT', `${PROFILES}/henan`, { policy: { ...HENAN, name: '改' } });
    expect([edit.statusCode, edit.json().error.code]).toEqual([409, 'DUTY_ERR_CONFLICT']);
    expect(edit.json().error.message).toContain('"henan" is built in and read-only');
    const del = await call(admin, 'DELETE', `${PROFILES}/national`);
    expect([del.statusCode, del.json().error.code]).toEqual([409, 'DUTY_ERR_CONFLICT']);
    expect((await call(officer, 'GET', `${PROFILES}/henan`)).json().policy).toEqual(HENAN);
  });

  it('makes, edits, picks and deletes a custom copy, refusing bad tables with the field named', async () => {
    expect((await call(officer, 'POST', PROFILES, { basedOn: 'henan' })).statusCode).toBe(403);
    expect((await call(leader, 'POST', PROFILES, { basedOn: 'henan' })).statusCode).toBe(403);
    const unknownBase = await call(admin, 'POST', PROFILES, { basedOn: 'zhejiang' });
    expect(unknownBase.statusCode).toBe(404);
    const extra = await call(admin, 'POST', PROFILES, { basedOn: 'henan', active: true });
    expect([extra.statusCode, extra.json().error.message]).toEqual([400, 'body: unknown field "active"']);
    const zero = await call(admin, 'POST', PROFILES, {
      basedOn: 'henan',
      policy: { ...HENAN, initial: [{ ...HENAN.initial[0], within: 'PT0M' }] },
    });
    expect([zero.statusCode, zero.json().error.message]).toEqual([
      400,
      'deadline policy: initial[0].within: duration "PT0M" must be longer than zero',
    ]);

    const made = await call(admin, 'POST', PROFILES, { basedOn: 'henan' });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({
      id: 'custom-1',
      builtIn: false,
      basedOn: 'henan',
      policy: { ...HENAN, name: '河南省（事故灾难类、自然灾害类从严）（副本）' },
      updatedBy: 'admin',
    });
    expect(made.json().sources).toEqual((await call(admin, 'GET', `${PROFILES}/henan`)).json().sources);

    // The district adds a 20-minute phone report for 较大.
    const edited = {
      ...HENAN,
      name: '本区（河南表 + 较大电话 20 分钟）',
      initial: [...HENAN.initial, { applies: '*', grades: ['III'], kind: 'initial_phone', within: 'PT20M' }],
    };
    const bad: [unknown, string][] = [
      [{ policy: { ...edited, followupAt: ['25:00'] } }, 'body.policy.followupAt.0 must match pattern'],
      [
        { policy: { ...edited, followupPerDay: { ...edited.followupPerDay, III: 0 } } },
        'body.policy.followupPerDay.III must be >= 1',
      ],
      [
        { policy: { ...edited, changeWindowDays: { default: 30, volcano: 7 } } },
        'body.policy.changeWindowDays',
      ],
      [{ policy: { ...edited, disasterClockFrom: 'reported' } }, 'body.policy.disasterClockFrom'],
      [{ policy: edited, active: true }, 'body: unknown field "active"'],
    ];
    for (const [body, message] of bad) {
      const res = await call(admin, 'PUT', `${PROFILES}/custom-1`, body);
      expect([res.statusCode, res.json().error], message).toEqual([
        400,
        { code: 'DUTY_ERR_VALIDATION', message: expect.stringContaining(message) },
      ]);
    }
    expect((await call(officer, 'PUT', `${PROFILES}/custom-1`, { policy: edited })).statusCode).toBe(403);
    expect((await call(admin, 'PUT', `${PROFILES}/custom-9`, { policy: edited })).statusCode).toBe(404);

    clock.set('2026-03-04T20:00:00Z');
    const saved = await call(admin, 'PUT', `${PROFILES}/custom-1`, { policy: edited });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      id: 'custom-1',
      policy: edited,
      updatedAt: '2026-03-04T20:00:00.000Z',
    });
    const savedEvents = await events('settings.policy_profile_saved');
    expect(savedEvents.map((e) => [e.subject, e.payload.created])).toEqual(
      expect.arrayContaining([
        ['settings:deadline_profiles:custom-1', true],
        ['settings:deadline_profiles:custom-1', false],
      ]),
    );
    expect(savedEvents).toHaveLength(2);

    // Picked, a 较大 received at 20:00Z has its phone report due 20:20Z and writing 21:00Z.
    expect((await call(admin, 'PUT', `${PROFILES}/active`, { id: 'custom-1' })).statusCode).toBe(200);
    expect(await intake(CALL)).toMatchObject({
      initial_phone: '2026-03-04T20:20:00.000Z',
      initial_written: '2026-03-04T21:00:00.000Z',
    });

    // The copy in force cannot be deleted; another picked first, it can, once.
    const inForce = await call(admin, 'DELETE', `${PROFILES}/custom-1`);
    expect([inForce.statusCode, inForce.json().error.message]).toEqual([
      409,
      'deadline policy profile "custom-1" is in force: pick another profile before deleting it',
    ]);
    expect((await call(officer, 'DELETE', `${PROFILES}/custom-1`)).statusCode).toBe(403);
    expect((await call(admin, 'PUT', `${PROFILES}/active`, { id: 'national' })).statusCode).toBe(200);
    const deleted = await call(admin, 'DELETE', `${PROFILES}/custom-1`);
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json().profiles.map((p: { id: string }) => p.id)).toEqual(['national', 'henan']);
    expect((await call(admin, 'DELETE', `${PROFILES}/custom-1`)).statusCode).toBe(404);
    const [gone] = await events('settings.policy_profile_deleted');
    expect(gone).toMatchObject({
      subject: 'settings:deadline_profiles:custom-1',
      payload: { id: 'custom-1' },
    });
  });

  it('PUT /api/settings/deadlines copies a built-in in force and picks the copy, then edits that copy', async () => {
    const national = (await call(admin, 'GET', `${PROFILES}/national`)).json().policy;
    const first = { ...national, name: '本区表一' };
    expect((await call(admin, 'PUT', '/api/settings/deadlines', first)).statusCode).toBe(200);
    const list = (await call(officer, 'GET', PROFILES)).json();
    // custom-1 was deleted above, so the number is free again.
    expect(list.active).toBe('custom-1');
    expect(list.profiles.find((p: { id: string }) => p.id === 'custom-1')).toMatchObject({
      basedOn: 'national',
      policy: first,
    });
    const second = { ...national, name: '本区表二' };
    expect((await call(admin, 'PUT', '/api/settings/deadlines', second)).statusCode).toBe(200);
    const after = (await call(officer, 'GET', PROFILES)).json();
    expect(after.active).toBe('custom-1');
    expect(after.profiles).toHaveLength(3);
    expect((await call(officer, 'GET', '/api/settings/deadlines')).json()).toEqual(second);
    const updates = await events('settings.deadlines_updated');
    expect(updates.map((e) => [e.payload.profileId, e.payload.created])).toEqual(
      expect.arrayContaining([
        ['custom-1', true],
        ['custom-1', false],
      ]),
    );
  });
});

describe.each(DIALECTS)('a table edited before profiles existed, on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startApp({ dialect, clock: fixedClock('2026-03-04T18:50:00Z') });
    admin = await signInAdmin(t.app);
    // As an earlier version stored it (PUT /api/settings/deadlines): intervals and windows as durations.
    await t.app.db
      .insertInto('settings')
      .values({
        key: 'deadline_policy',
        value: JSON.stringify({
          name: '某省（从严）',
          initial: [{ applies: '*', grades: '*', kind: 'initial_written', within: 'PT1H' }],
          followupEvery: { I: 'PT8H', II: 'PT12H', III: 'P1D', IV: 'P2D' },
          changeWindow: { default: 'P30D', road_traffic: 'P7D', fire: 'PT36H' },
        }),
        updated_at: '2026-03-01T00:00:00.000Z',
        updated_by: 'admin',
      })
      .execute();
  });
  afterAll(() => t.close());

  it('stays in force as the copy custom-1, in the per-day shape, until another profile is picked', async () => {
    const upgraded = {
      name: '某省（从严）',
      initial: [{ applies: '*', grades: '*', kind: 'initial_written', within: 'PT1H' }],
      followupPerDay: { I: 3, II: 2, III: 1, IV: 1 },
      changeWindowDays: { default: 30, road_traffic: 7, fire: 2 },
      disasterClockFrom: 'occurred',
      disasters: HENAN.disasters,
    };
    const list = (await t.app.inject(as(admin, { method: 'GET', url: PROFILES }))).json();
    expect(list.active).toBe('custom-1');
    expect(list.profiles.map((p: { id: string }) => p.id)).toEqual(['national', 'henan', 'custom-1']);
    expect(list.profiles[2]).toMatchObject({ builtIn: false, basedOn: null, policy: upgraded });
    expect((await t.app.inject(as(admin, { method: 'GET', url: '/api/settings/deadlines' }))).json()).toEqual(
      upgraded,
    );
    const picked = await t.app.inject(
      as(admin, { method: 'PUT', url: `${PROFILES}/active`, payload: { id: 'national' } }),
    );
    expect(picked.json().active).toBe('national');
    // The old table is kept as a copy, which can now be deleted.
    expect(picked.json().profiles.map((p: { id: string }) => p.id)).toEqual([
      'national',
      'henan',
      'custom-1',
    ]);
    const deleted = await t.app.inject(as(admin, { method: 'DELETE', url: `${PROFILES}/custom-1` }));
    expect(deleted.json().profiles.map((p: { id: string }) => p.id)).toEqual(['national', 'henan']);
    // The old key is no longer read once profiles are stored.
    expect((await t.app.inject(as(admin, { method: 'GET', url: PROFILES }))).json().active).toBe('national');
  });
});
