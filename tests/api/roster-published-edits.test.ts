import type { RosterMonth, RosterView, Shift } from '@shared/schemas/roster';
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

/**
 * March 2026 is generated and published cleanly (four officers, two leaders) on 20 February. Every
 * later edit of it needs a reason, passes the roster checks or is overridden, marks the month
 * "changed since publishing" and records the reason in its event; history is never edited.
 */
describe.each(DIALECTS)('edits to a published month on %s', (dialect) => {
  const clock = fixedClock('2026-02-20T02:00:00Z');
  let t: TestApp;
  let admin: Session;
  const ids: Record<string, number> = {};
  const nameOf = (id: number) => Object.entries(ids).find(([, v]) => v === id)![0];
  beforeAll(async () => {
    t = await startApp({ dialect, clock });
    admin = await signInAdmin(t.app);
    for (const name of ['o1', 'o2', 'o3', 'o4'])
      ids[name] = (await createUser(t.app, admin, { username: name, roles: ['officer'] })).id;
    for (const name of ['l1', 'l2'])
      ids[name] = (await createUser(t.app, admin, { username: name, roles: ['leader'] })).id;
    const gen = await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/roster/generate',
        payload: {
          from: '2026-03-01',
          to: '2026-03-31',
          officers: [ids.o1, ids.o2, ids.o3, ids.o4],
          leaders: [ids.l1, ids.l2],
        },
      }),
    );
    expect(gen.statusCode).toBe(200);
    const pub = await t.app.inject(
      as(admin, { method: 'POST', url: '/api/roster/publish', payload: { month: '2026-03' } }),
    );
    expect(pub.statusCode).toBe(200);
  });
  afterAll(() => t.close());

  const view = async () =>
    (
      await t.app.inject(as(admin, { method: 'GET', url: '/api/roster?from=2026-03-01&to=2026-03-31' }))
    ).json() as RosterView;
  const month = async () => (await view()).months.find((m) => m.month === '2026-03')!;
  const officerOn = async (day: string) =>
    (await view()).shifts.find((s) => s.dutyDate === day && s.role === 'officer')!;
  const lastEvent = async (type: string) =>
    (await t.app.inject(as(admin, { method: 'GET', url: `/api/events?type=${type}` }))).json().events[0];

  it('refuses a delete without a reason (400 naming body.reason) and leaves the month as published', async () => {
    const tenth = await officerOn('2026-03-10');
    const bare = await t.app.inject(as(admin, { method: 'DELETE', url: `/api/roster/shifts/${tenth.id}` }));
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.code).toBe('DUTY_ERR_VALIDATION');
    expect(bare.json().error.message).toContain('body.reason');
    expect((await officerOn('2026-03-10')).id).toBe(tenth.id);
    expect(await month()).toMatchObject({
      status: 'published',
      changedSincePublishing: false,
      changedAt: null,
      changedBy: null,
    });
  });

  it('refuses a delete that opens a gap unless overridden, then marks the month changed', async () => {
    const tenth = await officerOn('2026-03-10');
    const reason = '王某病假，暂缺，已报带班领导';
    const refused = await t.app.inject(
      as(admin, { method: 'DELETE', url: `/api/roster/shifts/${tenth.id}`, payload: { reason } }),
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('DUTY_ERR_ROSTER_CHECKS_FAILED');
    // 10 March, 08:30 to 08:30 in Shanghai.
    expect(refused.json().check.gaps).toEqual([
      { role: 'officer', from: '2026-03-10T00:30:00.000Z', to: '2026-03-11T00:30:00.000Z' },
    ]);
    expect((await officerOn('2026-03-10')).id).toBe(tenth.id);
    expect((await month()).changedSincePublishing).toBe(false);

    const overridden = await t.app.inject(
      as(admin, {
        method: 'DELETE',
        url: `/api/roster/shifts/${tenth.id}`,
        payload: { reason, override: true },
      }),
    );
    expect(overridden.statusCode).toBe(200);
    expect(await month()).toEqual({
      month: '2026-03',
      status: 'published',
      publishedAt: '2026-02-20T02:00:00.000Z',
      publishedBy: 'admin',
      overrideReason: null,
      changedSincePublishing: true,
      changedAt: '2026-02-20T02:00:00.000Z',
      changedBy: 'admin',
    } satisfies RosterMonth);
    const event = await lastEvent('roster.shift_deleted');
    expect(event.payload.shift.id).toBe(tenth.id);
    // The gap and the day it leaves understaffed: two new problems.
    expect(event.payload.publishedEdit).toEqual({ reason, override: true, problems: 2, months: ['2026-03'] });
  });

  it('takes a create that closes the gap with a reason alone, and records the reason', async () => {
    const march = await view();
    const busy = new Set(
      march.shifts
        .filter((s) => ['2026-03-09', '2026-03-10', '2026-03-11'].includes(s.dutyDate))
        .map((s) => s.userId),
    );
    const free = ['o1', 'o2', 'o3', 'o4'].map((n) => ids[n]!).find((id) => !busy.has(id))!;
    const bare = await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/roster/shifts',
        payload: { userId: free, role: 'officer', dutyDate: '2026-03-10', kind: 'full' },
      }),
    );
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.message).toContain('body.reason');

    const reason = `由${nameOf(free)}顶班`;
    const created = await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/roster/shifts',
        payload: { userId: free, role: 'officer', dutyDate: '2026-03-10', kind: 'full', reason },
      }),
    );
    expect(created.statusCode).toBe(201);
    expect((await view()).check.gaps).toEqual([]);
    const event = await lastEvent('roster.shift_created');
    expect(event.payload.publishedEdit).toEqual({
      reason,
      override: false,
      problems: 0,
      months: ['2026-03'],
    });
  });

  it('refuses an update that breaks the rest rule unless overridden', async () => {
    const tenth = await officerOn('2026-03-10');
    const eleventh = await officerOn('2026-03-11');
    const bare = await t.app.inject(
      as(admin, {
        method: 'PUT',
        url: `/api/roster/shifts/${eleventh.id}`,
        payload: { userId: tenth.userId },
      }),
    );
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.message).toContain('body.reason');

    const onlyReason = await t.app.inject(
      as(admin, { method: 'PUT', url: `/api/roster/shifts/${eleventh.id}`, payload: { reason: '无改动' } }),
    );
    expect(onlyReason.statusCode).toBe(400);
    expect(onlyReason.json().error.message).toContain('userId, role, dutyDate or kind');

    // 48 hours in a row for one person: a conflict the published month did not have.
    const reason = '连值两天，本人同意';
    const refused = await t.app.inject(
      as(admin, {
        method: 'PUT',
        url: `/api/roster/shifts/${eleventh.id}`,
        payload: { userId: tenth.userId, reason },
      }),
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('DUTY_ERR_ROSTER_CHECKS_FAILED');
    expect(refused.json().check.conflicts.length).toBeGreaterThan(0);
    expect((await officerOn('2026-03-11')).userId).toBe(eleventh.userId);

    const overridden = await t.app.inject(
      as(admin, {
        method: 'PUT',
        url: `/api/roster/shifts/${eleventh.id}`,
        payload: { userId: tenth.userId, reason, override: true },
      }),
    );
    expect(overridden.statusCode).toBe(200);
    expect(overridden.json().userId).toBe(tenth.userId);
    const event = await lastEvent('roster.shift_updated');
    expect(event.payload.publishedEdit).toMatchObject({ reason, override: true, months: ['2026-03'] });
    expect(event.payload.publishedEdit.problems).toBeGreaterThan(0);
    expect(event.payload.before.userId).toBe(eleventh.userId);
  });

  it('asks a reason for regenerating a published month, and publishing again clears "changed"', async () => {
    const body = {
      from: '2026-03-20',
      to: '2026-03-31',
      officers: [ids.o1, ids.o2, ids.o3, ids.o4],
      leaders: [ids.l1, ids.l2],
    };
    const bare = await t.app.inject(
      as(admin, { method: 'POST', url: '/api/roster/generate', payload: body }),
    );
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.message).toContain('body.reason');
    const reason = '下旬人员调整';
    const regen = await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/roster/generate',
        payload: { ...body, reason, override: true },
      }),
    );
    expect(regen.statusCode).toBe(200);
    expect((await lastEvent('roster.generated')).payload.publishedEdit).toMatchObject({
      reason,
      months: ['2026-03'],
    });
    expect((await month()).changedSincePublishing).toBe(true);

    clock.set('2026-02-21T03:00:00Z');
    admin = await signInAdmin(t.app);
    const republished = await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/roster/publish',
        payload: { month: '2026-03', overrideReason: '11日连值经本人同意' },
      }),
    );
    expect(republished.statusCode).toBe(200);
    expect(await month()).toMatchObject({
      status: 'published',
      publishedAt: '2026-02-21T03:00:00.000Z',
      changedSincePublishing: false,
      changedAt: null,
      changedBy: null,
    });
  });

  it('refuses to edit or delete a shift that has begun or that somebody checked in to (409)', async () => {
    // 09:00 in Shanghai on 15 March: duty day 14 March is over, 15 March under way.
    clock.set('2026-03-15T01:00:00Z');
    admin = await signInAdmin(t.app);
    const reason = '更正历史';
    const past = await officerOn('2026-03-14');
    const current = await officerOn('2026-03-15');
    const leaderNow = (await view()).shifts.find(
      (s: Shift) => s.dutyDate === '2026-03-15' && s.role === 'leader',
    )!;
    for (const [method, shift, payload] of [
      ['DELETE', past, { reason, override: true }],
      ['PUT', past, { kind: 'day', reason, override: true }],
      ['DELETE', leaderNow, { reason, override: true }],
      ['PUT', leaderNow, { userId: leaderNow.userId === ids.l1 ? ids.l2 : ids.l1, reason, override: true }],
    ] as const) {
      const res = await t.app.inject(as(admin, { method, url: `/api/roster/shifts/${shift.id}`, payload }));
      expect(res.statusCode, `${method} ${shift.dutyDate} ${shift.role}`).toBe(409);
      expect(res.json().error.code).toBe('DUTY_ERR_ALREADY_DONE');
    }
    const officer = await signIn(t.app, nameOf(current.userId), USER_PASSWORD);
    const checkIn = await t.app.inject(
      as(officer, { method: 'POST', url: '/api/attendance/check-in', payload: { shiftId: current.id } }),
    );
    expect(checkIn.statusCode).toBe(200);
    const del = await t.app.inject(
      as(admin, {
        method: 'DELETE',
        url: `/api/roster/shifts/${current.id}`,
        payload: { reason, override: true },
      }),
    );
    expect(del.statusCode).toBe(409);
    expect(del.json().error.code).toBe('DUTY_ERR_ALREADY_DONE');
    const after = await view();
    for (const s of [past, current, leaderNow]) {
      expect(after.shifts.find((x) => x.id === s.id)).toMatchObject({ userId: s.userId, kind: s.kind });
    }
  });
});
