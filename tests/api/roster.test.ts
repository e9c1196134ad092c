import type { RosterView, Shift } from '@shared/schemas/roster';
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

describe.each(DIALECTS)('roster on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    t = await startApp({ dialect, clock: fixedClock('2026-02-20T02:00:00Z') });
    admin = await signInAdmin(t.app);
    for (const name of ['o1', 'o2', 'o3', 'o4'])
      ids[name] = (await createUser(t.app, admin, { username: name, roles: ['officer'] })).id;
    for (const name of ['l1', 'l2'])
      ids[name] = (await createUser(t.app, admin, { username: name, roles: ['leader'] })).id;
    ids.guard = (
      await createUser(t.app, admin, { username: 'guard', roles: ['officer'], qualified: false })
    ).id;
  });
  afterAll(() => t.close());

  const view = async (from: string, to: string) =>
    (
      await t.app.inject(as(admin, { method: 'GET', url: `/api/roster?from=${from}&to=${to}` }))
    ).json() as RosterView;
  const generate = (payload: object) =>
    t.app.inject(as(admin, { method: 'POST', url: '/api/roster/generate', payload }));

  it('generates a month of officers and leaders on call with no gaps or conflicts', async () => {
    const res = await generate({
      from: '2026-03-01',
      to: '2026-03-31',
      officers: [ids.o1, ids.o2, ids.o3, ids.o4],
      leaders: [ids.l1, ids.l2],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ created: 62, replaced: 0, kept: 0 });
    const march = await view('2026-03-01', '2026-03-31');
    expect(march.check).toEqual({ ok: true, gaps: [], understaffed: [], conflicts: [], unqualified: [] });
    expect(march.months).toEqual([expect.objectContaining({ month: '2026-03', status: 'draft' })]);
    const first = march.shifts.find((s) => s.dutyDate === '2026-03-05' && s.role === 'officer')!;
    // 08:30 in Shanghai is 00:30 UTC; a 24-hour duty day, hand-over to hand-over.
    expect(first).toMatchObject({
      startLocal: '2026-03-05T08:30',
      endLocal: '2026-03-06T08:30',
      start: '2026-03-05T00:30:00.000Z',
      end: '2026-03-06T00:30:00.000Z',
    });
  });

  it('refuses to roster a person without the duty qualification', async () => {
    const res = await generate({
      from: '2026-03-01',
      to: '2026-03-02',
      officers: [ids.guard],
      leaders: [ids.l1],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('DUTY_ERR_NOT_QUALIFIED');
    const one = await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/roster/shifts',
        payload: { userId: ids.guard, role: 'officer', dutyDate: '2026-03-03', kind: 'full' },
      }),
    );
    expect(one.statusCode).toBe(422);
    expect(one.json().error.code).toBe('DUTY_ERR_NOT_QUALIFIED');
    const leaderAsOfficer = await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/roster/shifts',
        payload: { userId: ids.l1, role: 'officer', dutyDate: '2026-03-03', kind: 'full' },
      }),
    );
    expect(leaderAsOfficer.json().error.code).toBe('DUTY_ERR_WRONG_ROLE');
  });

  it('reports a missing day as a gap with its times and refuses to publish without an override', async () => {
    const march = await view('2026-03-01', '2026-03-31');
    const tenth = march.shifts.find((s) => s.dutyDate === '2026-03-10' && s.role === 'officer')!;
    const leader12 = march.shifts.find((s) => s.dutyDate === '2026-03-12' && s.role === 'leader')!;
    await t.app.inject(as(admin, { method: 'DELETE', url: `/api/roster/shifts/${tenth.id}` }));
    await t.app.inject(as(admin, { method: 'DELETE', url: `/api/roster/shifts/${leader12.id}` }));
    const after = await view('2026-03-01', '2026-03-31');
    expect(after.check.gaps).toEqual([
      { role: 'officer', from: '2026-03-10T00:30:00.000Z', to: '2026-03-11T00:30:00.000Z' },
      { role: 'leader', from: '2026-03-12T00:30:00.000Z', to: '2026-03-13T00:30:00.000Z' },
    ]);
    const refused = await t.app.inject(
      as(admin, { method: 'POST', url: '/api/roster/publish', payload: { month: '2026-03' } }),
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('DUTY_ERR_ROSTER_CHECKS_FAILED');
    expect(refused.json().check.gaps).toHaveLength(2);
    expect(refused.json().check.understaffed).toHaveLength(2);

    const overridden = await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/roster/publish',
        payload: { month: '2026-03', overrideReason: '10日由局值班室代班，已报备' },
      }),
    );
    expect(overridden.statusCode).toBe(200);
    expect(overridden.json()).toMatchObject({
      status: 'published',
      overrideReason: '10日由局值班室代班，已报备',
      publishedBy: 'admin',
    });
    const events = (
      await t.app.inject(as(admin, { method: 'GET', url: '/api/events?type=roster.published' }))
    ).json().events;
    // Two gaps, and the same two days understaffed.
    expect(events[0].payload).toMatchObject({ override: true, problems: 4 });
  });

  it('raises the staffing minimum in a strengthened period', async () => {
    const period = await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/roster/periods',
        payload: { kind: 'sensitive', name: '两会', fromDate: '2026-03-20', toDate: '2026-03-21' },
      }),
    );
    expect(period.statusCode).toBe(201);
    const days = await view('2026-03-19', '2026-03-22');
    expect(days.days.map((d) => [d.dutyDate, d.officersRequired, d.strengthened])).toEqual([
      ['2026-03-19', 1, false],
      ['2026-03-20', 2, true],
      ['2026-03-21', 2, true],
      ['2026-03-22', 1, false],
    ]);
    expect(days.check.understaffed.map((u) => [u.dutyDate, u.role, u.required, u.actual])).toEqual([
      ['2026-03-20', 'officer', 2, 1],
      ['2026-03-21', 'officer', 2, 1],
    ]);
  });

  it('keeps officers and strangers off the admin roster routes', async () => {
    const officer = await signIn(t.app, 'o1', USER_PASSWORD);
    expect(
      (await t.app.inject(as(officer, { method: 'POST', url: '/api/roster/generate', payload: {} })))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject(as(officer, { method: 'GET', url: '/api/roster?from=2026-03-01&to=2026-03-02' })))
        .statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/roster?from=2026-03-01&to=2026-03-02' })).statusCode,
    ).toBe(401);
    expect(
      (await t.app.inject(as(admin, { method: 'GET', url: '/api/roster?from=2026-03-01&to=2027-03-02' })))
        .statusCode,
    ).toBe(400);
  });

  it('tells who is on duty either side of the hand-over and at 03:00', async () => {
    const march = await view('2026-03-04', '2026-03-05');
    const officerOn = (day: string) =>
      march.shifts.find((s: Shift) => s.dutyDate === day && s.role === 'officer')!.userId;
    const at = async (time: string) =>
      (
        await t.app.inject(as(admin, { method: 'GET', url: `/api/duty/at?time=${encodeURIComponent(time)}` }))
      ).json();
    const before = await at('2026-03-05T08:29:59+08:00');
    expect(before.dutyDate).toBe('2026-03-04');
    expect(before.officers.map((s: Shift) => s.userId)).toEqual([officerOn('2026-03-04')]);
    expect(before.leaders).toHaveLength(1);
    expect(before.shiftEnd).toBe('2026-03-05T00:30:00.000Z');
    expect(before.next.map((s: Shift) => s.dutyDate)).toEqual(['2026-03-05', '2026-03-05']);
    const after = await at('2026-03-05T08:30:00+08:00');
    expect(after.dutyDate).toBe('2026-03-05');
    expect(after.officers.map((s: Shift) => s.userId)).toEqual([officerOn('2026-03-05')]);
    const night = await at('2026-03-05T03:00:00+08:00');
    expect(night.dutyDate).toBe('2026-03-04');
    expect(night.officers.map((s: Shift) => s.userId)).toEqual([officerOn('2026-03-04')]);
    expect(night.published).toBe(true);
  });
});

describe('roster lookups', () => {
  it("lists the year's periods and the people who can be rostered, to anyone signed in", async () => {
    const t = await startApp();
    const admin = await signInAdmin(t.app);
    const o = await createUser(t.app, admin, { username: 'o1', displayName: '王芳', roles: ['officer'] });
    await createUser(t.app, admin, {
      username: 'guard',
      displayName: '周保安',
      roles: ['officer'],
      qualified: false,
    });
    await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/roster/periods/import',
        payload: {
          periods: [
            { kind: 'holiday', name: '元旦', fromDate: '2027-01-01', toDate: '2027-01-01' },
            { kind: 'holiday', name: '国庆', fromDate: '2026-10-01', toDate: '2026-10-07' },
          ],
        },
      }),
    );
    const officer = await signIn(t.app, 'o1', USER_PASSWORD);
    const periods = (
      await t.app.inject(as(officer, { method: 'GET', url: '/api/roster/periods?year=2026' }))
    ).json().periods;
    expect(periods.map((p: { name: string }) => p.name)).toEqual(['国庆']);
    const people = (await t.app.inject(as(officer, { method: 'GET', url: '/api/roster/people' }))).json()
      .people;
    expect(people).toContainEqual({ id: o.id, displayName: '王芳', roles: ['officer'], qualified: true });
    expect(people.find((p: { displayName: string }) => p.displayName === '周保安').qualified).toBe(false);
    const both = await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/roster/generate',
        payload: { from: '2026-03-01', to: '2026-03-02', officers: [o.id], leaders: [o.id] },
      }),
    );
    expect(both.statusCode).toBe(422);
    await t.close();
  });
});

describe('dates outside the calendar or the accepted years', () => {
  it('refuses them with 400 instead of storing another year or failing later', async () => {
    const t = await startApp();
    const admin = await signInAdmin(t.app);
    const o = await createUser(t.app, admin, { username: 'o1', roles: ['officer'] });
    const l = await createUser(t.app, admin, { username: 'l1', roles: ['leader'] });
    const send = (method: 'GET' | 'POST', url: string, payload?: object) =>
      t.app.inject(as(admin, { method, url, payload }));
    expect((await send('POST', '/api/roster/publish', { month: '9999-12' })).statusCode).toBe(400);
    expect((await send('GET', '/api/roster?from=0050-01-01&to=0050-01-02')).statusCode).toBe(400);
    const far = await send('POST', '/api/roster/generate', {
      from: '1900-01-01',
      to: '2999-12-31',
      officers: [o.id],
      leaders: [l.id],
    });
    expect(far.statusCode).toBe(400);
    expect(far.json().error.message).toMatch(/400 days/);
    const feb31 = await send('GET', `/api/duty/at?time=${encodeURIComponent('2026-02-31T10:00:00+08:00')}`);
    expect(feb31.statusCode).toBe(400);
    const shift = { userId: o.id, role: 'officer', dutyDate: '9999-12-31', kind: 'full' };
    expect((await send('POST', '/api/roster/shifts', shift)).statusCode).toBe(400);
    expect(
      (
        await send('POST', '/api/roster/periods', {
          kind: 'holiday',
          name: '元旦',
          fromDate: '0000-02-29',
          toDate: '2026-01-01',
        })
      ).statusCode,
    ).toBe(400);
    await t.close();
  });
});

describe('requests the framework cannot read', () => {
  it('answers with a fixed message, not the address echoed back', async () => {
    const t = await startApp();
    const res = await t.app.inject({ method: 'GET', url: '/api/incidents/%E0%A4%Atok_123' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('DUTY_ERR_BAD_REQUEST');
    expect(res.body).not.toContain('tok_123');
    await t.close();
  });
});
