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

/**
 * April 2026, generated and left a draft (never published), seen from 20 March: every shift is in
 * the future. The rotation starts with the first officer and leader on 1 April, so the officer of
 * day n is o1, o2, o3 by (n - 1) mod 3.
 */
async function draftApril(t: TestApp, admin: Session) {
  const ids: Record<string, number> = {};
  for (const [name, roles, qualified] of [
    ['o1', ['officer'], true],
    ['o2', ['officer'], true],
    ['o3', ['officer'], true],
    ['l1', ['leader'], true],
    ['l2', ['leader'], true],
    ['guard', ['officer'], false],
  ] as const)
    ids[name] = (await createUser(t.app, admin, { username: name, roles: [...roles], qualified })).id;
  const res = await t.app.inject(
    as(admin, {
      method: 'POST',
      url: '/api/roster/generate',
      payload: {
        from: '2026-04-01',
        to: '2026-04-30',
        officers: [ids.o1, ids.o2, ids.o3],
        leaders: [ids.l1, ids.l2],
      },
    }),
  );
  expect(res.json()).toEqual({ created: 60, replaced: 0, kept: 0 });
  return ids;
}

describe.each(DIALECTS)('editing a shift of a draft month on %s', (dialect) => {
  const clock = fixedClock('2026-03-20T02:00:00Z');
  let t: TestApp;
  let admin: Session;
  let ids: Record<string, number>;
  beforeAll(async () => {
    t = await startApp({ dialect, clock });
    admin = await signInAdmin(t.app);
    ids = await draftApril(t, admin);
  });
  afterAll(() => t.close());

  const shiftsOn = async (from: string, to = from): Promise<Shift[]> =>
    (await t.app.inject(as(admin, { method: 'GET', url: `/api/roster?from=${from}&to=${to}` }))).json()
      .shifts;
  const officerOn = async (day: string) => (await shiftsOn(day)).find((s) => s.role === 'officer')!;
  const put = (id: number, payload: object, s: Session = admin) =>
    t.app.inject(as(s, { method: 'PUT', url: `/api/roster/shifts/${id}`, payload }));
  const headSeq = async () =>
    (await t.app.inject(as(admin, { method: 'GET', url: '/api/events?limit=1' }))).json().headSeq as number;

  it('gives a shift to another qualified officer and records who had it before', async () => {
    const shift = await officerOn('2026-04-10');
    expect(shift.userId).toBe(ids.o1); // day 10: (10 - 1) mod 3 = 0
    const res = await put(shift.id, { userId: ids.o2 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: shift.id,
      userId: ids.o2,
      userName: 'o2',
      role: 'officer',
      dutyDate: '2026-04-10',
      kind: 'full',
      startLocal: '2026-04-10T08:30',
      endLocal: '2026-04-11T08:30',
      start: '2026-04-10T00:30:00.000Z',
      end: '2026-04-11T00:30:00.000Z',
    });
    const [event] = (
      await t.app.inject(as(admin, { method: 'GET', url: '/api/events?type=roster.shift_updated' }))
    ).json().events;
    expect(event).toMatchObject({
      actor: 'admin',
      subject: `shift:${shift.id}`,
      payload: { shift: { id: shift.id, userId: ids.o2 }, before: { id: shift.id, userId: ids.o1 } },
    });
    expect((await officerOn('2026-04-10')).userId).toBe(ids.o2);
  });

  it('moves a shift to another day and kind: its times follow from the hand-over and the template', async () => {
    const shift = await officerOn('2026-04-11');
    const res = await put(shift.id, { dutyDate: '2026-04-12', kind: 'day' });
    // The day shift of the default template: 08:30–17:30 local (UTC+8).
    expect(res.json()).toMatchObject({
      id: shift.id,
      userId: shift.userId,
      dutyDate: '2026-04-12',
      kind: 'day',
      startLocal: '2026-04-12T08:30',
      endLocal: '2026-04-12T17:30',
      start: '2026-04-12T00:30:00.000Z',
      end: '2026-04-12T09:30:00.000Z',
    });
    expect((await shiftsOn('2026-04-11')).filter((s) => s.role === 'officer')).toEqual([]);
    // Into a month not rostered yet: that month now exists, as a draft.
    const may = await put(shift.id, { dutyDate: '2026-05-02', kind: 'full' });
    expect(may.json()).toMatchObject({ dutyDate: '2026-05-02', startLocal: '2026-05-02T08:30' });
    const view = (
      await t.app.inject(as(admin, { method: 'GET', url: '/api/roster?from=2026-05-01&to=2026-05-31' }))
    ).json();
    expect(view.months).toEqual([expect.objectContaining({ month: '2026-05', status: 'draft' })]);
  });

  it('refuses a person who cannot sit the post, a bad body, another role and a missing shift, changing nothing', async () => {
    const shift = await officerOn('2026-04-13');
    const officer = await signIn(t.app, 'o1', USER_PASSWORD); // (signing in is an event of its own)
    const before = await headSeq();
    const refusals: [object, number, string][] = [
      [{ userId: ids.guard }, 422, 'DUTY_ERR_NOT_QUALIFIED'],
      [{ userId: ids.l1 }, 422, 'DUTY_ERR_WRONG_ROLE'],
      [{ userId: 9999 }, 422, 'DUTY_ERR_NOT_ROSTERABLE'],
      [{ role: 'leader' }, 422, 'DUTY_ERR_WRONG_ROLE'],
      [{}, 400, 'DUTY_ERR_VALIDATION'],
      [{ kind: 'evening' }, 400, 'DUTY_ERR_VALIDATION'],
      [{ dutyDate: '13 April' }, 400, 'DUTY_ERR_VALIDATION'],
      [{ userId: ids.o2, note: 'x' }, 400, 'DUTY_ERR_VALIDATION'],
    ];
    for (const [body, status, code] of refusals) {
      const res = await put(shift.id, body);
      expect([res.statusCode, res.json().error.code], JSON.stringify(body)).toEqual([status, code]);
    }
    expect((await put(shift.id, {})).json().error.message).toBe('body must NOT have fewer than 1 properties');
    const missing = await put(99999, { userId: ids.o2 });
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'DUTY_ERR_NOT_FOUND']);
    expect((await put(shift.id, { userId: ids.o1 }, officer)).statusCode).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: `/api/roster/shifts/${shift.id}`,
          payload: { userId: ids.o1 },
        })
      ).statusCode,
    ).toBe(401);
    expect(await officerOn('2026-04-13')).toEqual(shift);
    expect(await headSeq()).toBe(before);
  });
});

// Pinned as the code stands today, in a month that was never published. (Edits of checked-in and
// past shifts, and of published months, are being tightened elsewhere: adjust here at merge.)
describe.each(DIALECTS)('a checked-in shift of a draft month, as it stands, on %s', (dialect) => {
  const clock = fixedClock('2026-03-20T02:00:00Z');
  let t: TestApp;
  let admin: Session;
  let ids: Record<string, number>;
  let shift: Shift;
  beforeAll(async () => {
    t = await startApp({ dialect, clock });
    admin = await signInAdmin(t.app);
    ids = await draftApril(t, admin);
    const shifts: Shift[] = (
      await t.app.inject(as(admin, { method: 'GET', url: '/api/roster?from=2026-04-05&to=2026-04-05' }))
    ).json().shifts;
    shift = shifts.find((s) => s.role === 'officer')!;
    expect(shift.userId).toBe(ids.o2); // day 5: (5 - 1) mod 3 = 1
    clock.set('2026-04-05T00:25:00Z'); // 08:25: the window is 08:15–08:40
    const o2 = await signIn(t.app, 'o2', USER_PASSWORD);
    const checkedIn = await t.app.inject(
      as(o2, { method: 'POST', url: '/api/attendance/check-in', payload: {} }),
    );
    expect(checkedIn.json()).toMatchObject({ id: shift.id, checkInAt: '2026-04-05T00:25:00.000Z' });
    admin = await signInAdmin(t.app);
  });
  afterAll(() => t.close());

  it('can be neither edited nor deleted: it is history', async () => {
    const head = async () =>
      (await t.app.inject(as(admin, { method: 'GET', url: '/api/events?limit=1' }))).json().headSeq as number;
    const before = await head();
    const edit = await t.app.inject(
      as(admin, { method: 'PUT', url: `/api/roster/shifts/${shift.id}`, payload: { userId: ids.o3 } }),
    );
    expect([edit.statusCode, edit.json().error]).toEqual([
      409,
      {
        code: 'DUTY_ERR_ALREADY_DONE',
        message: `shift ${shift.id} has been checked in to: it is history and cannot change`,
      },
    ]);
    const removal = await t.app.inject(
      as(admin, { method: 'DELETE', url: `/api/roster/shifts/${shift.id}` }),
    );
    expect([removal.statusCode, removal.json().error]).toEqual([
      409,
      {
        code: 'DUTY_ERR_ALREADY_DONE',
        message: `shift ${shift.id} has been checked in to: it is history and cannot change`,
      },
    ]);
    const after: Shift[] = (
      await t.app.inject(as(admin, { method: 'GET', url: '/api/roster?from=2026-04-05&to=2026-04-05' }))
    ).json().shifts;
    expect(after.find((s) => s.id === shift.id)).toMatchObject({
      userId: ids.o2,
      checkInAt: '2026-04-05T00:25:00.000Z',
    });
    expect(await head()).toBe(before);
  });
});
