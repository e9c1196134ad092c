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

const START = '2026-03-10T02:00:00.000Z'; // 10:00 in Shanghai on 10 March

describe.each(DIALECTS)('swaps on %s', (dialect) => {
  const clock = fixedClock(START);
  let t: TestApp;
  let admin: Session;
  const s: Record<string, Session> = {};
  const id: Record<string, number> = {};

  beforeAll(async () => {
    t = await startApp({ dialect, clock });
    admin = await signInAdmin(t.app);
    const people: [string, string[], boolean?][] = [
      ['o1', ['officer']],
      ['o2', ['officer']],
      ['o3', ['officer']],
      ['o4', ['officer']],
      ['l1', ['leader']],
      ['l2', ['leader']],
      ['guard', ['officer'], false],
    ];
    for (const [username, roles, qualified = true] of people) {
      id[username] = (await createUser(t.app, admin, { username, roles, qualified })).id;
      s[username] = await signIn(t.app, username, USER_PASSWORD);
    }
    // Rotation from 1 March: o1 stands the 1st, 4th, 7th …; o2 the 2nd, 5th …; o3 the 3rd, 6th ….
    await publishMarch(t.app, admin, { officers: [id.o1!, id.o2!, id.o3!], leaders: [id.l1!, id.l2!] });
  });
  afterAll(() => t.close());

  const roster = async (): Promise<Shift[]> =>
    (
      await t.app.inject(as(admin, { method: 'GET', url: '/api/roster?from=2026-03-01&to=2026-03-31' }))
    ).json().shifts;
  const officerShift = async (day: string): Promise<Shift> =>
    (await roster()).find((x) => x.dutyDate === day && x.role === 'officer')!;
  const post = (session: Session, url: string, payload: object = {}) =>
    t.app.inject(as(session, { method: 'POST', url, payload }));
  const request = (session: Session, payload: object) => post(session, '/api/roster/swaps', payload);
  const headSeq = async () =>
    (await t.app.inject(as(admin, { method: 'GET', url: '/api/events?limit=1' }))).json().headSeq as number;

  it('requested → accepted → approved changes the roster, with the events in order', async () => {
    const shift = await officerShift('2026-03-13');
    expect(shift.userId).toBe(id.o1);
    const before = await headSeq();
    const res = await request(s.o1!, { shiftId: shift.id, toUserId: id.o4, reason: '家中有事' });
    expect(res.statusCode, res.body).toBe(201);
    const swap = res.json();
    expect(swap).toMatchObject({
      status: 'requested',
      fromUserId: id.o1,
      toUserId: id.o4,
      requestedBy: 'o1',
    });

    const stranger = await post(s.o3!, `/api/roster/swaps/${swap.id}/accept`);
    expect(stranger.statusCode).toBe(403);
    expect((await post(s.l1!, `/api/roster/swaps/${swap.id}/approve`)).statusCode).toBe(409);
    expect((await post(s.o4!, `/api/roster/swaps/${swap.id}/accept`)).json()).toMatchObject({
      status: 'accepted',
    });

    const preview = await t.app.inject(
      as(s.o1!, { method: 'GET', url: `/api/roster/swaps/${swap.id}/preview` }),
    );
    expect(preview.json().check).toMatchObject({ ok: true, conflicts: [], unqualified: [] });
    const approved = await post(s.l1!, `/api/roster/swaps/${swap.id}/approve`, { note: '同意' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: 'l1', decisionNote: '同意' });
    expect((await officerShift('2026-03-13')).userId).toBe(id.o4);

    const events = (
      await t.app.inject(as(admin, { method: 'GET', url: `/api/events?after=${before}&limit=1000` }))
    ).json().events as { type: string; subject: string; payload: { shift?: Shift; before?: Shift } }[];
    const mine = events.filter((e) => e.subject === `swap:${swap.id}` || e.subject === `shift:${shift.id}`);
    expect(mine.map((e) => e.type)).toEqual([
      'swap.requested',
      'swap.accepted',
      'swap.approved',
      'roster.shift_updated',
    ]);
    expect(mine[3]!.payload.shift?.userId).toBe(id.o4);
    expect(mine[3]!.payload.before?.userId).toBe(id.o1);
  });

  it('then lets only the new person check in to the shift', async () => {
    const shift = await officerShift('2026-03-13');
    clock.set(shift.start);
    try {
      // Sessions of their own: three days on, the ones from the start have gone idle.
      const [o1, o4] = [await signIn(t.app, 'o1', USER_PASSWORD), await signIn(t.app, 'o4', USER_PASSWORD)];
      const old = await post(o1, '/api/attendance/check-in', { shiftId: shift.id });
      expect(old.statusCode).toBe(403);
      expect(old.json().error.code).toBe('DUTY_ERR_NOT_ROSTERED');
      expect((await post(o1, '/api/attendance/check-in')).json().error.code).toBe('DUTY_ERR_NOT_ROSTERED');
      const ok = await post(o4, '/api/attendance/check-in');
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ id: shift.id, userId: id.o4 });
    } finally {
      clock.set(START);
    }
  });

  it('leaves the roster as it was when a swap is rejected', async () => {
    const shift = await officerShift('2026-03-14');
    const swap = (await request(s.o2!, { shiftId: shift.id, toUserId: id.o4, reason: '出差' })).json();
    const duplicate = await request(s.o2!, { shiftId: shift.id, toUserId: id.o3, reason: '出差' });
    expect(duplicate.json().error.code).toBe('DUTY_ERR_CONFLICT');
    expect((await post(s.o2!, `/api/roster/swaps/${swap.id}/reject`)).statusCode).toBe(403);
    const rejected = await post(s.l2!, `/api/roster/swaps/${swap.id}/reject`, { note: '人手不足' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decidedBy: 'l2', decisionNote: '人手不足' });
    expect((await officerShift('2026-03-14')).userId).toBe(id.o2);
    expect((await post(s.o4!, `/api/roster/swaps/${swap.id}/accept`)).json().error.code).toBe(
      'DUTY_ERR_ALREADY_DONE',
    );
    const list = await t.app.inject(as(s.o3!, { method: 'GET', url: '/api/roster/swaps?status=rejected' }));
    expect(list.json().swaps.map((x: { id: number }) => x.id)).toEqual([swap.id]);
  });

  it('refuses an unqualified or wrong-role counterpart (422) and someone else’s shift (403)', async () => {
    const shift = await officerShift('2026-03-17');
    const guard = await request(s.o2!, { shiftId: shift.id, toUserId: id.guard, reason: '找人替班' });
    expect(guard.statusCode).toBe(422);
    expect(guard.json().error.code).toBe('DUTY_ERR_NOT_QUALIFIED');
    const leader = await request(s.o2!, { shiftId: shift.id, toUserId: id.l1, reason: '找人替班' });
    expect(leader.json().error.code).toBe('DUTY_ERR_WRONG_ROLE');
    expect((await request(s.o3!, { shiftId: shift.id, toUserId: id.o4, reason: 'x' })).statusCode).toBe(403);
    const past = await officerShift('2026-03-08');
    expect((await request(s.o2!, { shiftId: past.id, toUserId: id.o4, reason: 'x' })).statusCode).toBe(409);
    expect((await request(s.o2!, { shiftId: shift.id, toUserId: id.o4, reason: '' })).statusCode).toBe(400);
  });

  it('lets an administrator ask on someone’s behalf, and the requester withdraw', async () => {
    const shift = await officerShift('2026-03-18');
    const swap = (await request(admin, { shiftId: shift.id, toUserId: id.o4, reason: '代为申请' })).json();
    expect(swap).toMatchObject({ fromUserId: id.o3, requestedBy: 'admin', status: 'requested' });
    expect((await post(s.o4!, `/api/roster/swaps/${swap.id}/cancel`)).statusCode).toBe(403);
    expect((await post(admin, `/api/roster/swaps/${swap.id}/cancel`)).json().status).toBe('cancelled');
  });

  it('stops an exchange that breaks the rest rules, unless an administrator overrides with a note', async () => {
    // o2 gives the 17th to o1 (who stands the 16th) and takes o1's 19th (o2 stands the 20th).
    const [mine, theirs] = [await officerShift('2026-03-17'), await officerShift('2026-03-19')];
    const res = await request(s.o2!, {
      shiftId: mine.id,
      toUserId: id.o1,
      counterShiftId: theirs.id,
      reason: '调换',
    });
    expect(res.statusCode, res.body).toBe(201);
    const swap = res.json();
    const notTheirs = await request(s.o2!, {
      shiftId: mine.id,
      toUserId: id.o3,
      counterShiftId: theirs.id,
      reason: 'x',
    });
    expect(notTheirs.statusCode).toBe(422);
    await post(s.o1!, `/api/roster/swaps/${swap.id}/accept`);

    const preview = (
      await t.app.inject(as(s.l1!, { method: 'GET', url: `/api/roster/swaps/${swap.id}/preview` }))
    ).json();
    expect(preview.check.ok).toBe(false);
    expect(preview.check.conflicts.map((c: { userId: number }) => c.userId).sort()).toEqual(
      [id.o1, id.o2].sort(),
    );
    const refused = await post(s.l1!, `/api/roster/swaps/${swap.id}/approve`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('DUTY_ERR_CONFLICT');
    expect(refused.json().check.conflicts.length).toBeGreaterThan(0);
    expect(
      (await post(s.l1!, `/api/roster/swaps/${swap.id}/approve`, { override: true, note: '领导同意' }))
        .statusCode,
    ).toBe(403);
    expect((await post(admin, `/api/roster/swaps/${swap.id}/approve`, { override: true })).statusCode).toBe(
      400,
    );
    expect((await officerShift('2026-03-17')).userId).toBe(id.o2);

    const forced = await post(admin, `/api/roster/swaps/${swap.id}/approve`, {
      override: true,
      note: '特殊情况，已报备',
    });
    expect(forced.statusCode, forced.body).toBe(200);
    expect((await officerShift('2026-03-17')).userId).toBe(id.o1);
    expect((await officerShift('2026-03-19')).userId).toBe(id.o2);
  });
});
