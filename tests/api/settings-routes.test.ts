import type { Shift } from '@shared/schemas/roster';
import { DEFAULT_DUTY_SETTINGS } from '@shared/schemas/settings';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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

// The national defaults as the route takes them (DESIGN §2.3), written out here, not imported.
const NATIONAL = {
  name: '国家默认（县级）',
  initial: [
    { applies: '*', grades: '*', kind: 'initial_written', within: 'PT2H' },
    { applies: '*', grades: ['I', 'II'], kind: 'initial_phone', within: 'PT30M' },
    { applies: '*', grades: ['I', 'II'], kind: 'initial_written', within: 'PT1H' },
  ],
  followupPerDay: { I: 2, II: 2, III: 1, IV: 1 },
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

// A stricter provincial table: 较大 and above by phone within 15 min and in writing within 35 min.
const PROVINCE = {
  ...NATIONAL,
  name: '某省（从严）',
  initial: [
    { applies: '*', grades: '*', kind: 'initial_written', within: 'PT2H' },
    { applies: '*', grades: ['I', 'II', 'III'], kind: 'initial_phone', within: 'PT15M' },
    { applies: '*', grades: ['I', 'II', 'III'], kind: 'initial_written', within: 'PT35M' },
  ],
};

type Obligation = { kind: string; dueAt: string | null };
const dueOf = (obligations: Obligation[]) => Object.fromEntries(obligations.map((o) => [o.kind, o.dueAt]));

describe.each(DIALECTS)('deadline policy settings on %s', (dialect) => {
  const clock = fixedClock('2026-03-04T18:50:00Z'); // 02:50 on 5 March in Shanghai
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  beforeAll(async () => {
    t = await startApp({ dialect, clock });
    admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'wangfang', roles: ['officer'] });
    officer = await signIn(t.app, 'wangfang', USER_PASSWORD);
  });
  afterAll(() => t.close());

  const put = (payload: unknown, s: Session = admin) =>
    t.app.inject(as(s, { method: 'PUT', url: '/api/settings/deadlines', payload: payload as object }));

  it('refuses each kind of bad table with the field named, and keeps the one in force', async () => {
    const bad: [string, unknown, string][] = [
      ['no name', { ...NATIONAL, name: '' }, 'body.name must NOT have fewer than 1 characters'],
      [
        'an unknown category',
        { ...NATIONAL, initial: [{ ...NATIONAL.initial[0], applies: 'alien_invasion' }] },
        'body.initial.0.applies: not one of the allowed values',
      ],
      [
        'an unknown report kind',
        { ...NATIONAL, initial: [{ ...NATIONAL.initial[0], kind: 'initial_fax' }] },
        'body.initial.0.kind: not one of the allowed values',
      ],
      ['no rule at all', { ...NATIONAL, initial: [] }, 'body.initial must NOT have fewer than 1 items'],
      [
        'a duration that is not ISO 8601',
        { ...NATIONAL, initial: [{ ...NATIONAL.initial[0], within: '2 hours' }] },
        'body.initial.0.within must match pattern',
      ],
      [
        'no 续报 a day',
        { ...NATIONAL, followupPerDay: { ...NATIONAL.followupPerDay, IV: 0 } },
        'body.followupPerDay.IV',
      ],
      [
        'a count that is not a whole number',
        { ...NATIONAL, followupPerDay: { ...NATIONAL.followupPerDay, IV: '1 day' } },
        'body.followupPerDay.IV must be integer',
      ],
      [
        'a missing grade',
        { ...NATIONAL, followupPerDay: { I: 2, II: 2, III: 1 } },
        'body.followupPerDay: missing field "IV"',
      ],
      ['a fixed time that is not HH:mm', { ...NATIONAL, followupAt: ['8:00'] }, 'body.followupAt.0'],
      [
        'a window for an unknown category',
        { ...NATIONAL, changeWindowDays: { default: 30, volcano: 7 } },
        'body.changeWindowDays',
      ],
      ['an unknown clock origin', { ...NATIONAL, disasterClockFrom: 'reported' }, 'body.disasterClockFrom'],
      ['an unknown field', { ...NATIONAL, strict: true }, 'body: unknown field "strict"'],
      // Well-formed but meaningless: a deadline of no time at all.
      [
        'a zero duration',
        { ...NATIONAL, initial: [{ ...NATIONAL.initial[0], within: 'PT0M' }] },
        'deadline policy: initial[0].within: duration "PT0M" must be longer than zero',
      ],
    ];
    for (const [what, body, message] of bad) {
      const res = await put(body);
      expect(res.statusCode, what).toBe(400);
      expect(res.json().error.code, what).toBe('DUTY_ERR_VALIDATION');
      expect(res.json().error.message, what).toContain(message);
    }
    // Only an administrator changes it.
    expect((await put(PROVINCE, officer)).statusCode).toBe(403);
    const current = await t.app.inject(as(officer, { method: 'GET', url: '/api/settings/deadlines' }));
    expect(current.json()).toEqual(NATIONAL);
  });

  it('sets the clocks of incidents received after the change; an earlier one keeps the policy it was received under', async () => {
    const before = (
      await t.app.inject(as(officer, { method: 'POST', url: '/api/incidents', payload: CALL }))
    ).json();
    // 较大 under the national table: written by 20:50 (received 18:50Z), no phone obligation.
    expect(dueOf(before.obligations)).toEqual({
      initial_written: '2026-03-04T20:50:00.000Z',
      final: null,
    });

    clock.set('2026-03-04T19:00:00Z');
    const res = await put(PROVINCE);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(PROVINCE);
    expect(
      (await t.app.inject(as(officer, { method: 'GET', url: '/api/settings/deadlines' }))).json(),
    ).toEqual(PROVINCE);
    const [event] = (
      await t.app.inject(as(admin, { method: 'GET', url: '/api/events?type=settings.deadlines_updated' }))
    ).json().events;
    expect(event).toMatchObject({
      actor: 'admin',
      subject: 'settings:deadlines',
      payload: { policy: PROVINCE },
    });

    // Received at 19:00: phone within 15 min, writing within 35 min.
    const after = (
      await t.app.inject(as(officer, { method: 'POST', url: '/api/incidents', payload: CALL }))
    ).json();
    expect(dueOf(after.obligations)).toEqual({
      initial_phone: '2026-03-04T19:15:00.000Z',
      initial_written: '2026-03-04T19:35:00.000Z',
      final: null,
    });
    expect(after.nextDueAt).toBe('2026-03-04T19:15:00.000Z');

    // The earlier incident keeps its clocks...
    const unchanged = (
      await t.app.inject(as(officer, { method: 'GET', url: `/api/incidents/${before.id}` }))
    ).json().incident;
    expect(dueOf(unchanged.obligations)).toEqual(dueOf(before.obligations));
    // ...also when it changes later: it is judged by the table it was received under.
    const patched = (
      await t.app.inject(
        as(officer, {
          method: 'PATCH',
          url: `/api/incidents/${before.id}`,
          payload: { summary: '两车相撞' },
        }),
      )
    ).json();
    expect(dueOf(patched.obligations)).toEqual(dueOf(before.obligations));
  });
});

describe.each(DIALECTS)('duty settings on %s', (dialect) => {
  const clock = fixedClock('2026-03-20T02:00:00Z');
  let t: TestApp;
  let admin: Session;
  let officer: Session;
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
    officer = await signIn(t.app, 'o1', USER_PASSWORD);
  });
  afterAll(() => t.close());
  afterEach(() => clock.set('2026-03-20T02:00:00Z'));

  const put = (payload: unknown, s: Session = admin) =>
    t.app.inject(as(s, { method: 'PUT', url: '/api/settings/duty', payload: payload as object }));
  const generate = (from: string, to: string) =>
    t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/roster/generate',
        payload: { from, to, officers: [ids.o1, ids.o2, ids.o3], leaders: [ids.l1, ids.l2] },
      }),
    );
  const roster = async (from: string, to: string) =>
    (await t.app.inject(as(admin, { method: 'GET', url: `/api/roster?from=${from}&to=${to}` }))).json();
  const dutyAt = async (time: string) =>
    (
      await t.app.inject(as(officer, { method: 'GET', url: `/api/duty/at?time=${encodeURIComponent(time)}` }))
    ).json();

  // The defaults as the route answers them (DESIGN §2.1), written out here.
  const DEFAULTS = {
    handoverTime: '08:30',
    template: 'single24',
    dayShiftEnd: '17:30',
    staffing: { officers: 1, leaders: 1 },
    strengthenedStaffing: { officers: 2, leaders: 1 },
    checkInBeforeMinutes: 15,
    checkInAfterMinutes: 10,
    spotCheckLimitMinutes: 5,
    maxConsecutiveHours: 24,
    minRestHours: 24,
    floodSeason: { from: '06-01', to: '09-30' },
    fireSeason: null,
    handoverWindowMinutes: 60,
    keyFestivals: ['new_year', 'spring_festival', 'labour_day', 'national_day'],
    warningLevel: 'orange',
  };

  it('refuses each kind of bad value with the field named, and keeps the rules in force', async () => {
    const current = await t.app.inject(as(officer, { method: 'GET', url: '/api/settings/duty' }));
    expect(current.json()).toEqual(DEFAULTS);
    const { fireSeason: _omitted, ...incomplete } = DEFAULTS;
    const bad: [unknown, string][] = [
      [{ ...DEFAULTS, handoverTime: '24:00' }, 'body.handoverTime must match pattern'],
      [{ ...DEFAULTS, handoverTime: '8:30' }, 'body.handoverTime must match pattern'],
      [{ ...DEFAULTS, template: 'three_shifts' }, 'body.template: not one of the allowed values'],
      [{ ...DEFAULTS, dayShiftEnd: '17:60' }, 'body.dayShiftEnd must match pattern'],
      [{ ...DEFAULTS, staffing: { officers: 0, leaders: 1 } }, 'body.staffing.officers must be >= 1'],
      [{ ...DEFAULTS, staffing: { officers: 1 } }, 'body.staffing: missing field "leaders"'],
      [
        { ...DEFAULTS, strengthenedStaffing: { officers: 2, leaders: 6 } },
        'body.strengthenedStaffing.leaders must be <= 5',
      ],
      [{ ...DEFAULTS, checkInBeforeMinutes: 241 }, 'body.checkInBeforeMinutes must be <= 240'],
      [{ ...DEFAULTS, checkInAfterMinutes: -1 }, 'body.checkInAfterMinutes must be >= 0'],
      // Bodies are not coerced: "15" is not 15, 1.5 is not whole.
      [{ ...DEFAULTS, checkInAfterMinutes: '15' }, 'body.checkInAfterMinutes must be integer'],
      [{ ...DEFAULTS, spotCheckLimitMinutes: 1.5 }, 'body.spotCheckLimitMinutes must be integer'],
      [{ ...DEFAULTS, spotCheckLimitMinutes: 0 }, 'body.spotCheckLimitMinutes must be >= 1'],
      [{ ...DEFAULTS, maxConsecutiveHours: 73 }, 'body.maxConsecutiveHours must be <= 72'],
      [{ ...DEFAULTS, minRestHours: -1 }, 'body.minRestHours must be >= 0'],
      [
        { ...DEFAULTS, floodSeason: { from: '13-01', to: '09-30' } },
        'body.floodSeason.from must match pattern',
      ],
      [{ ...DEFAULTS, fireSeason: { from: '11-01' } }, 'body.fireSeason: missing field "to"'],
      // Well-formed but meaningless: a day shift that ends at the hand-over is the whole duty day.
      [
        { ...DEFAULTS, template: 'day_night', dayShiftEnd: '08:30' },
        'body.dayShiftEnd: the day shift must end before the next hand-over (08:30)',
      ],
      [incomplete, 'body: missing field "fireSeason"'],
      [{ ...DEFAULTS, shifts: 3 }, 'body: unknown field "shifts"'],
    ];
    for (const [body, message] of bad) {
      const res = await put(body);
      expect([res.statusCode, res.json().error], message).toEqual([
        400,
        { code: 'DUTY_ERR_VALIDATION', message: expect.stringContaining(message) },
      ]);
    }
    expect((await put({ ...DEFAULTS, minRestHours: 12 }, officer)).statusCode).toBe(403);
    expect((await t.app.inject(as(officer, { method: 'GET', url: '/api/settings/duty' }))).json()).toEqual(
      DEFAULTS,
    );
  });

  it('moves the duty day to a new hand-over time and splits new shifts by the new template; stored shifts keep their times', async () => {
    // March under the defaults: one 24-hour officer shift from 08:30.
    expect((await generate('2026-03-01', '2026-03-31')).statusCode).toBe(200);
    const changed = {
      ...DEFAULTS,
      handoverTime: '07:00',
      template: 'day_night',
      dayShiftEnd: '19:00',
      checkInBeforeMinutes: 30,
    };
    const res = await put(changed);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(changed);
    const [event] = (
      await t.app.inject(as(admin, { method: 'GET', url: '/api/events?type=settings.updated' }))
    ).json().events;
    expect(event.payload.changed.sort()).toEqual([
      'checkInBeforeMinutes',
      'dayShiftEnd',
      'handoverTime',
      'template',
    ]);

    // Days in April under the new rules: a day shift 07:00–19:00, a night shift 19:00–07:00, the
    // leader 07:00–07:00.
    expect((await generate('2026-04-05', '2026-04-06')).statusCode).toBe(200);
    const april = await roster('2026-04-05', '2026-04-05');
    expect(april.days[0]).toMatchObject({
      dutyDate: '2026-04-05',
      start: '2026-04-04T23:00:00.000Z',
      end: '2026-04-05T23:00:00.000Z',
    });
    const times = (april.shifts as Shift[]).map((s) => [s.role, s.kind, s.startLocal, s.endLocal]).sort();
    expect(times).toEqual([
      ['leader', 'full', '2026-04-05T07:00', '2026-04-06T07:00'],
      ['officer', 'day', '2026-04-05T07:00', '2026-04-05T19:00'],
      ['officer', 'night', '2026-04-05T19:00', '2026-04-06T07:00'],
    ]);

    // March's stored shifts keep the times they were rostered with.
    const march = await roster('2026-03-25', '2026-03-25');
    expect((march.shifts as Shift[]).map((s) => [s.role, s.kind, s.startLocal, s.endLocal]).sort()).toEqual([
      ['leader', 'full', '2026-03-25T08:30', '2026-03-26T08:30'],
      ['officer', 'full', '2026-03-25T08:30', '2026-03-26T08:30'],
    ]);

    // The duty day turns at 07:00 local now: 06:59 on 6 April is still 5 April's, 07:00 is 6 April's.
    expect((await dutyAt('2026-04-06T06:59:00+08:00')).dutyDate).toBe('2026-04-05');
    const seven = await dutyAt('2026-04-06T07:00:00+08:00');
    expect(seven.dutyDate).toBe('2026-04-06');
    expect(seven.officers.map((s: Shift) => s.kind)).toEqual(['day']);
    // The night officer holds the post until the new hand-over.
    const night = await dutyAt('2026-04-06T03:00:00+08:00');
    expect(night).toMatchObject({ dutyDate: '2026-04-05', shiftEnd: '2026-04-05T23:00:00.000Z' });
    expect(night.officers.map((s: Shift) => s.kind)).toEqual(['night']);

    // The check-in window opens 30 minutes before a shift now: 06:30 for the 07:00 day shift.
    const dayShift = (april.shifts as Shift[]).find((s) => s.kind === 'day')!;
    const name = Object.keys(ids).find((n) => ids[n] === dayShift.userId)!;
    clock.set('2026-04-04T22:30:00Z'); // 06:30 on 5 April
    const mine = await t.app.inject(
      as(await signIn(t.app, name, USER_PASSWORD), { method: 'GET', url: '/api/attendance/mine' }),
    );
    expect(mine.json()).toMatchObject({
      current: { id: dayShift.id },
      checkInOpensAt: '2026-04-04T22:30:00.000Z',
      checkInDueAt: '2026-04-04T23:10:00.000Z',
    });
  });

  it('answers the defaults again once they are put back', async () => {
    expect((await put(DEFAULTS)).json()).toEqual(DEFAULTS);
    expect(DEFAULT_DUTY_SETTINGS).toEqual(DEFAULTS);
  });
});
