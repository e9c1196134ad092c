import ICAL from 'ical.js';
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

describe('roster exports', () => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  beforeAll(async () => {
    t = await startApp({ clock: fixedClock('2026-03-01T02:00:00Z') });
    admin = await signInAdmin(t.app);
    const o1 = await createUser(t.app, admin, { username: 'o1', displayName: '王芳', roles: ['officer'] });
    const o2 = await createUser(t.app, admin, { username: 'o2', displayName: '李军', roles: ['officer'] });
    const l1 = await createUser(t.app, admin, { username: 'l1', displayName: '刘强', roles: ['leader'] });
    await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/roster/periods',
        payload: { kind: 'holiday', name: '清明', fromDate: '2026-04-04', toDate: '2026-04-06' },
      }),
    );
    const gen = await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/roster/generate',
        payload: { from: '2026-03-01', to: '2026-04-30', officers: [o1.id, o2.id], leaders: [l1.id] },
      }),
    );
    expect(gen.statusCode).toBe(200);
    officer = await signIn(t.app, 'o1', USER_PASSWORD);
  });
  afterAll(() => t.close());

  it('serves a subscribable iCalendar feed that an independent parser reads with the right instants', async () => {
    const feed = await t.app.inject(as(officer, { method: 'POST', url: '/api/roster/calendar-feed' }));
    const { url } = feed.json();
    expect(url).toMatch(/^\/api\/roster\.ics\?user=\d+&key=/);
    const ics = await t.app.inject({ method: 'GET', url });
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    const vcal = new ICAL.Component(ICAL.parse(ics.body));
    const events = vcal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.length).toBeGreaterThan(20);
    const first = events.find((e) => e.summary === '值班员 王芳')!;
    // Duty day 2026-03-01 in Shanghai: 08:30 local, 00:30 UTC, for 24 hours.
    expect(first.startDate.toJSDate().toISOString()).toBe('2026-03-01T00:30:00.000Z');
    expect(first.endDate.toJSDate().toISOString()).toBe('2026-03-02T00:30:00.000Z');
    expect(events.every((e) => e.summary.includes('王芳'))).toBe(true);

    // A personal key reads its owner's shifts only (the whole roster has keys of its own).
    const whole = await t.app.inject({ method: 'GET', url: url.replace(/user=\d+/, 'user=all') });
    expect(whole.statusCode).toBe(403);
  });

  it('stops serving a revoked or rotated feed key', async () => {
    const { url } = (
      await t.app.inject(as(officer, { method: 'POST', url: '/api/roster/calendar-feed' }))
    ).json();
    const { url: rotated } = (
      await t.app.inject(as(officer, { method: 'POST', url: '/api/roster/calendar-feed' }))
    ).json();
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: rotated })).statusCode).toBe(200);
    await t.app.inject(as(officer, { method: 'DELETE', url: '/api/roster/calendar-feed' }));
    expect((await t.app.inject({ method: 'GET', url: rotated })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/roster.ics' })).statusCode).toBe(401);
  });

  it('exports a month as CSV with a BOM and one row per shift', async () => {
    const res = await t.app.inject(as(officer, { method: 'GET', url: '/api/roster.csv?month=2026-03' }));
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('值班日,班次,岗位,姓名,电话,开始,结束,签到');
    expect(lines).toHaveLength(1 + 31 * 2);
    expect(lines[1]).toBe('2026-03-01,全天,值班员,王芳,,2026-03-01 08:30,2026-03-02 08:30,');
  });

  it('reports duty hours per person with nights, weekends and holidays', async () => {
    // April 2026: 清明 4–6 April. Two officers alternate, one leader every day.
    const res = await t.app.inject(
      as(officer, { method: 'GET', url: '/api/roster/hours?from=2026-04-01&to=2026-04-30' }),
    );
    const rows = res.json().rows as {
      name: string;
      total: number;
      nights: number;
      holidays: number;
      shifts: number;
    }[];
    const leader = rows.find((r) => r.name === '刘强')!;
    expect(leader).toMatchObject({ shifts: 30, total: 720, nights: 240 });
    // 4–6 April are holiday dates (72 h). A holiday is strengthened duty: both officers sit the duty
    // days of 4–6 April, so 00:00–08:30 on 4 April has one officer (8.5 h) and the 63.5 h from
    // 08:30 on 4 April to midnight on 6 April have two: 8.5 + 2 × 63.5 = 135.5. The duty day of
    // 30 April ends at 08:30 on 1 May, a day off of the official calendar (劳动节 1–5 May, shipped):
    // 8.5 more for its one officer and for the leader.
    const officerHolidays = rows.filter((r) => r.name !== '刘强').reduce((sum, r) => sum + r.holidays, 0);
    expect(officerHolidays).toBe(135.5 + 8.5);
    expect(leader.holidays).toBe(72 + 8.5);
    const csv = await t.app.inject(
      as(officer, { method: 'GET', url: '/api/roster/hours?from=2026-04-01&to=2026-04-30&format=csv' }),
    );
    expect(csv.body).toContain('刘强,30,720,240');
  });
});
