import type { DutyNow } from '@shared/schemas/attendance';
import type { CalendarStatus, CalendarYear } from '@shared/schemas/calendar';
import type { User } from '@shared/schemas/users';
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

// Asia/Shanghai (UTC+8, no DST), default hand-over 08:30 local = 00:30 UTC. Every date and its
// weekday below is read off the 2026 notice (国办发明电〔2025〕7号) and a wall calendar.

describe.each(DIALECTS)('the official calendar on %s', (dialect) => {
  // 2026-12-06 10:00 local: next year's (2027) schedule has not been shipped.
  const clock = fixedClock('2026-12-06T02:00:00.000Z');
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let spare: User;

  const get = async <T>(s: Session, url: string) => {
    const res = await t.app.inject(as(s, { method: 'GET', url }));
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as T;
  };
  const dutyAt = (s: Session, time: string) => get<DutyNow>(s, `/api/duty/at?time=${time}`);
  const status = () => get<CalendarStatus>(admin, '/api/calendar/status');

  beforeAll(async () => {
    t = await startApp({ dialect, clock, config: { tzName: 'Asia/Shanghai' } });
    admin = await signInAdmin(t.app);
    const o1 = await createUser(t.app, admin, { username: 'zhang', roles: ['officer'], displayName: '张' });
    const res = await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/users',
        payload: {
          username: 'li',
          displayName: '李',
          password: USER_PASSWORD,
          roles: ['officer'],
          qualified: true,
          phone: '139 0000 1111',
        },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    spare = res.json();
    // A security guard: no qualification, never someone to call.
    await createUser(t.app, admin, { username: 'guard', roles: ['officer'], qualified: false });
    const leader = await createUser(t.app, admin, { username: 'wang', roles: ['leader'], displayName: '王' });
    officer = await signIn(t.app, 'zhang', USER_PASSWORD);
    for (const [userId, role] of [
      [o1.id, 'officer'],
      [leader.id, 'leader'],
    ] as const) {
      const shift = await t.app.inject(
        as(admin, {
          method: 'POST',
          url: '/api/roster/shifts',
          payload: { userId, role, dutyDate: '2026-10-01', kind: 'full' },
        }),
      );
      expect(shift.statusCode, shift.body).toBe(201);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('ships 2026: 国庆 10-01 – 10-07 off, Saturday 10-10 a make-up workday, with the notice cited', async () => {
    const year = await get<CalendarYear>(officer, '/api/calendar?year=2026');
    expect(year.known).toBe(true);
    expect(year.notice).toMatchObject({
      title: '国务院办公厅关于2026年部分节假日安排的通知',
      document: '国办发明电〔2025〕7号',
      issuedOn: '2025-11-04',
    });
    const day = (d: string) => year.days.find((x) => x.date === d);
    expect(day('2026-10-01')).toEqual({
      date: '2026-10-01',
      kind: 'holiday',
      working: false,
      festival: 'national_day',
      name: '国庆节',
      source: 'official',
      key: true,
    });
    expect(day('2026-10-10')).toMatchObject({ kind: 'makeup_workday', working: true, key: false });
    expect(day('2026-02-14')).toMatchObject({ kind: 'makeup_workday', working: true });
    // 清明 is a holiday but not a 重点时段 by default.
    expect(day('2026-04-05')).toMatchObject({ kind: 'holiday', key: false });
    // 2026: 元旦 3 + 春节 9 + 清明 3 + 劳动节 5 + 端午 3 + 中秋 3 + 国庆 7 = 33 days off; 6 make-up days.
    expect(year.days.filter((d) => d.kind === 'holiday')).toHaveLength(33);
    expect(year.days.filter((d) => d.kind === 'makeup_workday').map((d) => d.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('strengthens 2026-10-01 out of the box: one officer rostered is a shortfall, with 国庆节 and who to call', async () => {
    // 10-01 12:00 local, duty day 10-01; the flood season (to 09-30) is over.
    const now = await dutyAt(admin, '2026-10-01T04:00:00.000Z');
    expect(now).toMatchObject({
      dutyDate: '2026-10-01',
      strengthened: true,
      officersRequired: 2,
      leadersRequired: 1,
      leaderOnSite: false,
      reasons: ['国庆节'],
      shortfall: [{ need: 'officers', required: 2, actual: 1, reasons: ['国庆节'] }],
    });
    expect(now.causes).toEqual([
      {
        kind: 'key_period',
        label: '国庆节',
        id: null,
        level: null,
        officers: 2,
        leaders: 1,
        leaderOnSite: false,
      },
    ]);
    // Qualified officers not on duty, with phones: 李 only (张 is on duty, the guard is not qualified).
    expect(now.toCall).toEqual([
      { userId: spare.id, displayName: '李', phone: '139 0000 1111', roles: ['officer'], rostered: false },
    ]);
    // An officer sees the shortfall, not the phone list.
    const seen = await dutyAt(officer, '2026-10-01T04:00:00.000Z');
    expect(seen.shortfall).toEqual(now.shortfall);
    expect(seen.toCall).toEqual([]);
    // The roster checks say the same, with the reason.
    const roster = await get<{
      days: { strengthened: boolean; reasons: string[] }[];
      check: { understaffed: unknown[] };
    }>(admin, '/api/roster?from=2026-10-01&to=2026-10-01');
    expect(roster.days[0]).toMatchObject({ strengthened: true, reasons: ['国庆节'] });
    expect(roster.check.understaffed).toEqual([
      { dutyDate: '2026-10-01', kind: 'full', role: 'officer', required: 2, actual: 1, reasons: ['国庆节'] },
    ]);
  });

  it('does not strengthen the make-up Saturday 10-10 nor an ordinary day', async () => {
    // 10-10 12:00 local and 11-18 12:00 local.
    for (const time of ['2026-10-10T04:00:00.000Z', '2026-11-18T04:00:00.000Z']) {
      const now = await dutyAt(admin, time);
      expect(now).toMatchObject({ strengthened: false, officersRequired: 1, reasons: [] });
    }
  });

  it('a period declared by an administrator strengthens the duty days it touches', async () => {
    const res = await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/roster/periods',
        payload: { kind: 'sensitive', name: '重要会议', fromDate: '2026-11-18', toDate: '2026-11-18' },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const now = await dutyAt(admin, '2026-11-18T04:00:00.000Z');
    expect(now).toMatchObject({ strengthened: true, officersRequired: 2, reasons: ['重要会议'] });
    // Nobody is rostered that day: two officers and a leader short, all because of the meeting (officers).
    expect(now.shortfall).toEqual([
      { need: 'officers', required: 2, actual: 0, reasons: ['重要会议'] },
      { need: 'leaders', required: 1, actual: 0, reasons: [] },
    ]);
  });

  it('in December, with no 2027 schedule, flags 2027 as missing', async () => {
    expect(await status()).toEqual({ today: '2026-12-06', missingYear: 2027, knownYears: [2025, 2026] });
  });

  it('not before November 1, local date', async () => {
    // 10-31 23:59 local, then 11-01 00:00 local.
    clock.set('2026-10-31T15:59:00.000Z');
    expect((await status()).missingYear).toBeNull();
    clock.set('2026-10-31T16:00:00.000Z');
    expect(await status()).toMatchObject({ today: '2026-11-01', missingYear: 2027 });
    clock.set('2026-12-06T02:00:00.000Z');
  });

  it('an administrator corrects it: next year entered clears the flag; each change is an event', async () => {
    const refused = await t.app.inject(
      as(officer, {
        method: 'PUT',
        url: '/api/calendar/days',
        payload: { days: [{ date: '2027-01-01', kind: 'holiday', festival: 'new_year', name: '元旦' }] },
      }),
    );
    expect(refused.statusCode).toBe(403);
    const put = await t.app.inject(
      as(admin, {
        method: 'PUT',
        url: '/api/calendar/days',
        payload: {
          days: [
            { date: '2027-01-01', kind: 'holiday', festival: 'new_year', name: '元旦' },
            // 2026-10-08 (a Thursday) made a day off of 国庆 locally.
            { date: '2026-10-08', kind: 'holiday', festival: 'national_day', name: '国庆节' },
          ],
        },
      }),
    );
    expect(put.statusCode, put.body).toBe(200);
    expect(await status()).toEqual({
      today: '2026-12-06',
      missingYear: null,
      knownYears: [2025, 2026, 2027],
    });
    // 10-08 is now a 重点时段 day.
    expect(await dutyAt(admin, '2026-10-08T04:00:00.000Z')).toMatchObject({
      strengthened: true,
      reasons: ['国庆节'],
    });
    const year = await get<CalendarYear>(admin, '/api/calendar?year=2026');
    expect(year.days.find((d) => d.date === '2026-10-08')).toMatchObject({ source: 'override', key: true });

    const cleared = await t.app.inject(as(admin, { method: 'DELETE', url: '/api/calendar/days/2027-01-01' }));
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect((await status()).missingYear).toBe(2027);
    const again = await t.app.inject(as(admin, { method: 'DELETE', url: '/api/calendar/days/2027-01-01' }));
    expect(again.statusCode).toBe(404);

    const events = await get<{ events: { type: string; payload: unknown }[] }>(
      admin,
      '/api/events?after=0&limit=500',
    );
    const calendar = events.events.filter((e) => e.type.startsWith('calendar.'));
    expect(calendar.map((e) => e.type)).toEqual(['calendar.days_set', 'calendar.day_cleared']);
    expect(calendar[1]!.payload).toEqual({
      day: { date: '2027-01-01', kind: 'holiday', festival: 'new_year', name: '元旦' },
    });
  });

  it('refuses a bad correction with the field named', async () => {
    const bad = async (days: unknown, field: string) => {
      const res = await t.app.inject(
        as(admin, { method: 'PUT', url: '/api/calendar/days', payload: { days } }),
      );
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.message).toContain(field);
    };
    await bad([{ date: '2027-02-30', kind: 'holiday', festival: null, name: 'x' }], 'date');
    await bad([{ date: '2027-02-01', kind: 'closed', festival: null, name: 'x' }], 'kind');
    await bad([{ date: '2027-02-01', kind: 'holiday', festival: null, name: ' ' }], 'body.days.0.name');
    await bad(
      [
        { date: '2027-02-01', kind: 'holiday', festival: null, name: 'a' },
        { date: '2027-02-01', kind: 'workday', festival: null, name: '' },
      ],
      '2027-02-01 is given twice',
    );
  });
});

describe.each(DIALECTS)('the leader on a 重点时段 day on %s', (dialect) => {
  // 08:00 on 1 October 2026 in Shanghai, before the 08:30 hand-over of the 国庆 duty day.
  const clock = fixedClock('2026-10-01T00:00:00.000Z');
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startApp({ dialect, clock, config: { tzName: 'Asia/Shanghai' } });
    admin = await signInAdmin(t.app);
    const o1 = await createUser(t.app, admin, { username: 'o1', roles: ['officer'] });
    const o2 = await createUser(t.app, admin, { username: 'o2', roles: ['officer'] });
    const l1 = await createUser(t.app, admin, { username: 'l1', roles: ['leader'] });
    const gen = await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/roster/generate',
        payload: { from: '2026-10-01', to: '2026-10-31', officers: [o1.id, o2.id], leaders: [l1.id] },
      }),
    );
    expect(gen.statusCode, gen.body).toBe(200);
    // One leader every day breaks the rest rules: published over them.
    const pub = await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/roster/publish',
        payload: { month: '2026-10', overrideReason: 'test' },
      }),
    );
    expect(pub.statusCode, pub.body).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is not a missed post: 国庆 wants two officers, not the leader in the room', async () => {
    // 12:00 local: the officers' check-in (due 08:40) has passed; nobody checked in.
    clock.set('2026-10-01T04:00:00.000Z');
    await t.app.scanner.runOnce();
    await t.app.scanner.runOnce();
    const duty = (await t.app.inject(as(admin, { method: 'GET', url: '/api/duty/now' }))).json() as DutyNow;
    expect(duty).toMatchObject({
      officersRequired: 2,
      leaderOnSite: false,
      reasons: ['国庆节'],
      shortfall: [],
    });
    expect(duty.officers).toHaveLength(2);
    const events = (
      await t.app.inject(as(admin, { method: 'GET', url: '/api/events?type=attendance.missed' }))
    ).json() as { events: { payload: { shift: { role: string; dutyDate: string } } }[] };
    // Both officers of the 国庆 duty day missed it; the leader on call did not.
    expect(events.events.map((e) => [e.payload.shift.role, e.payload.shift.dutyDate])).toEqual([
      ['officer', '2026-10-01'],
      ['officer', '2026-10-01'],
    ]);
  });
});
