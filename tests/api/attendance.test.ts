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
import { DIALECTS, freshDatabase, type TestDatabase } from '../helpers/databases';
import { publishMarch } from '../helpers/roster';

describe.each(DIALECTS)('check-in and missed posts on %s', (dialect) => {
  const clock = fixedClock('2026-02-20T02:00:00Z');
  let db: TestDatabase;
  let t: TestApp;
  let admin: Session;
  let march: RosterView;
  const officerOn = (day: string) =>
    march.shifts.find((s: Shift) => s.dutyDate === day && s.role === 'officer')!;
  const names = new Map<number, string>();

  beforeAll(async () => {
    db = await freshDatabase(dialect);
    t = await startApp({ databaseUrl: db.url, clock });
    admin = await signInAdmin(t.app);
    const ids: number[] = [];
    for (const name of ['o1', 'o2', 'o3']) {
      const user = await createUser(t.app, admin, { username: name, roles: ['officer'] });
      ids.push(user.id);
      names.set(user.id, name);
    }
    const leader = await createUser(t.app, admin, { username: 'l1', roles: ['leader'] });
    // One leader every day breaks the 24 h rest rule; this test is about check-in.
    march = await publishMarch(t.app, admin, {
      officers: ids,
      leaders: [leader.id],
      overrideReason: 'test roster',
    });
  });
  afterAll(async () => {
    await t.app.close();
    await db.drop();
  });

  // Sessions are opened at the test clock's time: weeks of simulated time would expire them.
  const sessionOf = (userId: number) => signIn(t.app, names.get(userId)!, USER_PASSWORD);
  const checkIn = (s: Session) =>
    t.app.inject(as(s, { method: 'POST', url: '/api/attendance/check-in', payload: {} }));
  const missedEvents = async () => {
    const a = await signInAdmin(t.app);
    return (await t.app.inject(as(a, { method: 'GET', url: '/api/events?type=attendance.missed' }))).json()
      .events;
  };

  it('lets only the rostered officer check in, within the window, once', async () => {
    const shift = officerOn('2026-03-05');
    clock.set('2026-03-05T00:10:00Z'); // 08:10: the window opens at 08:15
    const mine = await sessionOf(shift.userId);
    const previous = officerOn('2026-03-04').userId; // still on duty until 08:30
    const other = await sessionOf([...names.keys()].find((id) => id !== shift.userId && id !== previous)!);
    admin = await signInAdmin(t.app);
    expect((await checkIn(mine)).json().error.code).toBe('DUTY_ERR_CHECKIN_WINDOW');
    clock.set('2026-03-05T00:20:00Z');
    const notRostered = await checkIn(other);
    expect(notRostered.statusCode).toBe(403);
    expect(notRostered.json().error.code).toBe('DUTY_ERR_NOT_ROSTERED');
    const ok = await checkIn(mine);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      id: shift.id,
      checkInAt: '2026-03-05T00:20:00.000Z',
      checkInLate: false,
    });
    expect((await checkIn(mine)).statusCode).toBe(409);
    const now = (await t.app.inject(as(admin, { method: 'GET', url: '/api/duty/now' }))).json();
    // The outgoing officer holds the post until the hand-over; the incoming one is checked in for next.
    expect(now.officers.map((s: Shift) => s.dutyDate)).toEqual(['2026-03-04']);
    expect(now.next[0].dutyDate).toBe('2026-03-05');
    clock.set('2026-03-05T03:00:00Z');
    const later = (await t.app.inject(as(admin, { method: 'GET', url: '/api/duty/now' }))).json();
    expect(later.officers[0]).toMatchObject({ id: shift.id, checkInAt: '2026-03-05T00:20:00.000Z' });
  });

  it('raises exactly one attendance.missed when nobody checks in, also across a restart', async () => {
    const shift = officerOn('2026-03-06');
    clock.set('2026-03-06T00:40:00Z'); // due at 08:40 local: a check-in now is still on time
    await t.app.scanner.runOnce();
    expect(
      (await missedEvents()).filter((e: { subject: string }) => e.subject === `shift:${shift.id}`),
    ).toHaveLength(0);
    clock.set('2026-03-06T00:40:01Z');
    await t.app.scanner.runOnce();
    await t.app.scanner.runOnce();
    expect(
      (await missedEvents()).filter((e: { subject: string }) => e.subject === `shift:${shift.id}`),
    ).toHaveLength(1);

    await t.app.close();
    t = await startApp({ databaseUrl: db.url, clock });
    await t.app.scanner.runOnce();
    const all = (await missedEvents()).filter((e: { subject: string }) => e.subject === `shift:${shift.id}`);
    expect(all).toHaveLength(1);
    expect(all[0].payload.shift).toMatchObject({ id: shift.id, missed: true });
  });

  it('raises a missed post that fell due while the server was down, once', async () => {
    const shift = officerOn('2026-03-07');
    await t.app.close();
    clock.set('2026-03-07T02:00:00Z');
    t = await startApp({ databaseUrl: db.url, clock });
    const raised = (await missedEvents()).filter(
      (e: { subject: string }) => e.subject === `shift:${shift.id}`,
    );
    expect(raised).toHaveLength(1);
    // Late arrival is still recorded, and flagged late.
    expect((await checkIn(await sessionOf(shift.userId))).json()).toMatchObject({ checkInLate: true });
  });

  it('refuses check-in by a person who lost the duty qualification', async () => {
    const shift = officerOn('2026-03-08');
    clock.set('2026-03-08T00:25:00Z');
    admin = await signInAdmin(t.app);
    await t.app.inject(
      as(admin, { method: 'PATCH', url: `/api/users/${shift.userId}`, payload: { qualified: false } }),
    );
    const res = await checkIn(await sessionOf(shift.userId));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('DUTY_ERR_NOT_QUALIFIED');
  });
});
