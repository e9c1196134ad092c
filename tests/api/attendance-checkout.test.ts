import type { Shift } from '@shared/schemas/roster';
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
import { publishMarch } from '../helpers/roster';

/**
 * March 2026 published with o1, o2, o3 and l1, l2 in turn from 1 March: o1 has 1, 4, 7, 10, 13, …;
 * l1 has the odd days. Each shift runs 08:30–08:30 local (00:30Z–00:30Z).
 */
describe.each(DIALECTS)('my shifts and check-out on %s', (dialect) => {
  const clock = fixedClock('2026-02-20T02:00:00Z');
  let t: TestApp;
  let admin: Session;
  let shifts: Shift[];
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    t = await startApp({ dialect, clock });
    admin = await signInAdmin(t.app);
    for (const [name, role] of [
      ['o1', 'officer'],
      ['o2', 'officer'],
      ['o3', 'officer'],
      ['l1', 'leader'],
      ['l2', 'leader'],
    ] as const)
      ids[name] = (await createUser(t.app, admin, { username: name, roles: [role] })).id;
    shifts = (
      await publishMarch(t.app, admin, { officers: [ids.o1!, ids.o2!, ids.o3!], leaders: [ids.l1!, ids.l2!] })
    ).shifts;
  });
  afterAll(() => t.close());

  const shiftOf = (name: string, day: string) =>
    shifts.find((s) => s.userId === ids[name] && s.dutyDate === day)!;
  // Sessions are opened at the test clock's time: days of simulated time would expire them.
  const mine = async (name: string) =>
    (
      await t.app.inject(
        as(await signIn(t.app, name, USER_PASSWORD), { method: 'GET', url: '/api/attendance/mine' }),
      )
    ).json();
  const post = async (name: string, what: 'check-in' | 'check-out', payload: object = {}) =>
    t.app.inject(
      as(await signIn(t.app, name, USER_PASSWORD), {
        method: 'POST',
        url: `/api/attendance/${what}`,
        payload,
      }),
    );

  it('shows my shift once its check-in window opens, with the window, and my next ones', async () => {
    clock.set('2026-03-01T00:10:00Z'); // 08:10 on 1 March: the window opens at 08:15
    const early = await mine('o1');
    expect(early).toMatchObject({ current: null, checkInOpensAt: null, checkInDueAt: null });
    expect(early.upcoming.map((s: Shift) => s.dutyDate)).toEqual([
      '2026-03-01',
      '2026-03-04',
      '2026-03-07',
      '2026-03-10',
      '2026-03-13',
    ]);

    clock.set('2026-03-01T00:15:00Z');
    const open = await mine('o1');
    expect(open).toMatchObject({
      current: { id: shiftOf('o1', '2026-03-01').id, dutyDate: '2026-03-01', checkInAt: null },
      checkInOpensAt: '2026-03-01T00:15:00.000Z',
      checkInDueAt: '2026-03-01T00:40:00.000Z',
    });
    // The next ones within two weeks, the current one apart: 4, 7, 10, 13 (16 March starts after 15 March 00:15Z).
    expect(open.upcoming.map((s: Shift) => s.dutyDate)).toEqual([
      '2026-03-04',
      '2026-03-07',
      '2026-03-10',
      '2026-03-13',
    ]);
    // A leader on call sees their own; somebody with no shift sees none.
    expect((await mine('l1')).current).toMatchObject({ id: shiftOf('l1', '2026-03-01').id, role: 'leader' });
    expect(
      (
        await t.app.inject(as(await signInAdmin(t.app), { method: 'GET', url: '/api/attendance/mine' }))
      ).json(),
    ).toEqual({ current: null, upcoming: [], checkInOpensAt: null, checkInDueAt: null });
    expect((await t.app.inject({ method: 'GET', url: '/api/attendance/mine' })).statusCode).toBe(401);
  });

  it('checks out of the shift I checked in to, once; not before checking in, not of somebody else’s', async () => {
    const first = shiftOf('o1', '2026-03-01');
    clock.set('2026-03-01T00:20:00Z');
    // Nothing checked in yet.
    const none = await post('o1', 'check-out');
    expect([none.statusCode, none.json().error]).toEqual([
      403,
      { code: 'DUTY_ERR_NOT_ROSTERED', message: 'no shift of yours to check out of' },
    ]);
    const notYet = await post('o1', 'check-out', { shiftId: first.id });
    expect([notYet.statusCode, notYet.json().error]).toEqual([
      409,
      { code: 'DUTY_ERR_CONFLICT', message: 'check in before checking out' },
    ]);
    expect((await post('o1', 'check-in')).json()).toMatchObject({
      id: first.id,
      checkInAt: '2026-03-01T00:20:00.000Z',
      checkInLate: false,
    });
    // Somebody else's shift, and a caller with no duty role.
    const other = await post('o2', 'check-out', { shiftId: first.id });
    expect([other.statusCode, other.json().error.code]).toEqual([403, 'DUTY_ERR_NOT_ROSTERED']);
    const byAdmin = await t.app.inject(
      as(await signInAdmin(t.app), { method: 'POST', url: '/api/attendance/check-out', payload: {} }),
    );
    expect([byAdmin.statusCode, byAdmin.json().error.code]).toEqual([403, 'DUTY_ERR_FORBIDDEN']);

    clock.set('2026-03-02T00:35:00Z'); // 08:35 on 2 March, after the hand-over
    const out = await post('o1', 'check-out');
    expect(out.statusCode).toBe(200);
    expect(out.json()).toMatchObject({
      id: first.id,
      checkInAt: '2026-03-01T00:20:00.000Z',
      checkOutAt: '2026-03-02T00:35:00.000Z',
    });
    const [event] = (
      await t.app.inject(
        as(await signInAdmin(t.app), { method: 'GET', url: '/api/events?type=attendance.checked_out' }),
      )
    ).json().events;
    expect(event).toMatchObject({
      actor: 'o1',
      subject: `shift:${first.id}`,
      payload: { shift: { id: first.id, checkOutAt: '2026-03-02T00:35:00.000Z' } },
    });
    const again = await post('o1', 'check-out', { shiftId: first.id });
    expect([again.statusCode, again.json().error]).toEqual([
      409,
      { code: 'DUTY_ERR_ALREADY_DONE', message: 'already checked out' },
    ]);
    expect((await post('o1', 'check-out')).json().error.code).toBe('DUTY_ERR_NOT_ROSTERED');
    // My shift is over: nothing current until 4 March.
    const after = await mine('o1');
    expect(after.current).toBeNull();
    expect(after.upcoming[0].dutyDate).toBe('2026-03-04');
  });
});
