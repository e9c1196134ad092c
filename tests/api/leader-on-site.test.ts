import type { DutyNow } from '@shared/schemas/attendance';
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

// 领导在岗带班 (DESIGN §2.5): a day declared with the leader in the duty room. Asia/Shanghai, hand-over
// 08:30 local = 00:30 UTC; 10 November 2026 is an ordinary Tuesday (no season, no holiday).
describe.each(DIALECTS)('the leader in the duty room on %s', (dialect) => {
  const clock = fixedClock('2026-11-10T00:00:00.000Z'); // 08:00 local, before the hand-over
  let t: TestApp;
  let admin: Session;
  let leaderId = 0;
  const duty = async () =>
    (await t.app.inject(as(admin, { method: 'GET', url: '/api/duty/now' }))).json() as DutyNow;
  const missed = async () =>
    (
      (
        await t.app.inject(as(admin, { method: 'GET', url: '/api/events?type=attendance.missed' }))
      ).json() as {
        events: { payload: { shift: { role: string; userId: number; dutyDate: string } } }[];
      }
    ).events.map((e) => [e.payload.shift.role, e.payload.shift.userId, e.payload.shift.dutyDate]);

  beforeAll(async () => {
    t = await startApp({ dialect, clock, config: { tzName: 'Asia/Shanghai' } });
    admin = await signInAdmin(t.app);
    const o1 = await createUser(t.app, admin, { username: 'o1', roles: ['officer'] });
    const o2 = await createUser(t.app, admin, { username: 'o2', roles: ['officer'] });
    const leader = await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/users',
        payload: {
          username: 'l1',
          displayName: '刘强',
          password: USER_PASSWORD,
          roles: ['leader'],
          qualified: true,
          phone: '13800002222',
        },
      }),
    );
    leaderId = leader.json().id;
    const period = await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/roster/periods',
        payload: {
          kind: 'response',
          name: '防汛Ⅲ级应急响应',
          fromDate: '2026-11-10',
          toDate: '2026-11-10',
          leaderOnSite: true,
        },
      }),
    );
    expect(period.statusCode, period.body).toBe(201);
    expect(period.json()).toMatchObject({ leaderOnSite: true, officers: null });
    const gen = await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/roster/generate',
        payload: { from: '2026-11-01', to: '2026-11-30', officers: [o1.id, o2.id], leaders: [leaderId] },
      }),
    );
    expect(gen.statusCode, gen.body).toBe(200);
    const pub = await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/roster/publish',
        payload: { month: '2026-11', overrideReason: 'test' },
      }),
    );
    expect(pub.statusCode, pub.body).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('flags the leader only on call, says whom to call, and raises a missed post for the leader once', async () => {
    // 12:00 local: both officers of the strengthened day check in (late); the leader has not.
    clock.set('2026-11-10T04:00:00.000Z');
    for (const username of ['o1', 'o2']) {
      const s = await signIn(t.app, username, USER_PASSWORD);
      const res = await t.app.inject(as(s, { method: 'POST', url: '/api/attendance/check-in', payload: {} }));
      expect(res.statusCode, res.body).toBe(200);
    }
    const now = await duty();
    expect(now).toMatchObject({
      dutyDate: '2026-11-10',
      officersRequired: 2,
      leadersRequired: 1,
      leaderOnSite: true,
      reasons: ['防汛Ⅲ级应急响应'],
      shortfall: [{ need: 'leader_on_site', required: 1, actual: 0, reasons: ['防汛Ⅲ级应急响应'] }],
      toCall: [
        { userId: leaderId, displayName: '刘强', phone: '13800002222', roles: ['leader'], rostered: true },
      ],
    });
    await t.app.scanner.runOnce();
    await t.app.scanner.runOnce();
    expect(await missed()).toEqual([['leader', leaderId, '2026-11-10']]);
  });

  it('is satisfied once the leader checks in to the room', async () => {
    const leader: Session = await signIn(t.app, 'l1', USER_PASSWORD);
    const res = await t.app.inject(
      as(leader, { method: 'POST', url: '/api/attendance/check-in', payload: {} }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(await duty()).toMatchObject({ leaderOnSite: true, shortfall: [], toCall: [] });
  });

  it('asks nothing of the leader the next day, an ordinary one', async () => {
    // 11-11 12:00 local: the leader on call has not checked in, and need not.
    clock.set('2026-11-11T04:00:00.000Z');
    admin = await signInAdmin(t.app); // a day later: a fresh session
    await t.app.scanner.runOnce();
    expect(await duty()).toMatchObject({ leaderOnSite: false, strengthened: false, shortfall: [] });
    // The ordinary day's one officer missed the check-in (the officers' own alarm, as before); the
    // leader's only missed post stays the one of 11-10 (the audit trail lists the newest first).
    expect((await missed()).map(([role, , day]) => [role, day])).toEqual([
      ['officer', '2026-11-11'],
      ['leader', '2026-11-10'],
    ]);
  });
});
