import type { Shift } from '@shared/schemas/roster';
import { expect } from 'vitest';
import type { fixedClock } from '../../server/time';
import { as, createUser, type Session, signIn, signInAdmin, type TestApp, USER_PASSWORD } from './app';
import { CALL } from './incidents';
import { publishMarch } from './roster';

type Clock = ReturnType<typeof fixedClock>;

/**
 * A known March 2026 for the statistics (Asia/Shanghai; times below are UTC):
 * - duty: check-ins on 1, 4, 5 March on time, 2 March late, 3 March missed (scanner); spot-checks on
 *   4 March answered in 120 s, late in 420 s, and one missed; two swap requests, one rejected;
 * - incidents, all accidents unless said: H (fire, near miss) 首报 on time; C never reported (overdue);
 *   G (flood, ungraded) late; A (较大) on time by phone and in writing, acknowledged, closed; B late;
 *   D (较大) phone on time but written late, acknowledged, handling; F a drill never reported; E
 *   received at 05:00 on 5 March, within its deadline; X received in February.
 * Under a provincial table that gives 较大 the 30 min phone / 1 h written 首报 (nationally: 重大 and up).
 */
export async function buildMarch(t: TestApp, clock: Clock): Promise<Record<string, number>> {
  const admin = await signInAdmin(t.app);
  const ids: Record<string, number> = {};
  for (const [name, roles] of [
    ['o1', ['officer']],
    ['o2', ['officer']],
    ['o3', ['officer']],
    ['o4', ['officer']],
    ['l1', ['leader']],
    ['l2', ['leader']],
  ] as const) {
    ids[name] = (await createUser(t.app, admin, { username: name, roles: [...roles] })).id;
  }
  await publishMarch(t.app, admin, { officers: [ids.o1!, ids.o2!, ids.o3!], leaders: [ids.l1!, ids.l2!] });
  // A province that extends the 30 min phone / 1 h written 首报 to 较大 (DESIGN §2.3), as many do;
  // otherwise the national table: 续报 once a day (twice for 重大 and above), 补报 windows in days.
  const province = await t.app.inject(
    as(admin, {
      method: 'PUT',
      url: '/api/settings/deadlines',
      payload: {
        name: '某省（较大含电话首报）',
        initial: [
          { applies: '*', grades: '*', kind: 'initial_written', within: 'PT2H' },
          { applies: '*', grades: ['I', 'II', 'III'], kind: 'initial_phone', within: 'PT30M' },
          { applies: '*', grades: ['I', 'II', 'III'], kind: 'initial_written', within: 'PT1H' },
        ],
        followupPerDay: { I: 2, II: 2, III: 1, IV: 1 },
        changeWindowDays: { default: 30, road_traffic: 7, fire: 7 },
        disasterClockFrom: 'occurred',
      },
    }),
  );
  expect(province.statusCode, province.body).toBe(200);
  const shifts: Shift[] = (
    await t.app.inject(as(admin, { method: 'GET', url: '/api/roster?from=2026-03-01&to=2026-03-31' }))
  ).json().shifts;
  const nameOf = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
  const officerOn = (day: string) => shifts.find((s) => s.dutyDate === day && s.role === 'officer')!;

  // Every step signs in afresh at the clock's time: days of simulated time would expire a session.
  const as_ = async (name: string, method: 'GET' | 'POST', url: string, body?: object) => {
    const session: Session = await signIn(t.app, name, USER_PASSWORD);
    const res = await t.app.inject(as(session, { method, url, payload: body }));
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const at = (iso: string) => clock.set(iso);
  const checkIn = (day: string) =>
    as_(nameOf.get(officerOn(day).userId)!, 'POST', '/api/attendance/check-in', {});
  const intake = async (body: object) => (await as_('o1', 'POST', '/api/incidents', body)).id as number;
  // A written report is signed off by the leader's telephone consent (电话请示同意), recorded by o1.
  const report = (id: number, kind: string, channel: string, phoneConsentBy?: string) =>
    as_('o1', 'POST', `/api/incidents/${id}/reports`, {
      kind,
      channel,
      recipient: '区应急管理局',
      phoneConsentBy,
    });
  const IV = { ...CALL, casualties: { deaths: 1 } };

  at('2026-02-20T02:00:00Z');
  // Happened before it was received: intake refuses an occurrence after the receipt.
  ids.X = await intake({ ...IV, occurredAt: '2026-02-20T01:40:00Z' });

  at('2026-03-01T00:20:00Z');
  await checkIn('2026-03-01');
  at('2026-03-02T00:45:00Z');
  await checkIn('2026-03-02');
  at('2026-03-03T00:41:00Z');
  await t.app.scanner.runOnce();
  at('2026-03-04T00:25:00Z');
  await checkIn('2026-03-04');

  const onDuty = nameOf.get(officerOn('2026-03-04').userId)!;
  for (const [issued, answered] of [
    ['03:00', '03:02'],
    ['03:10', '03:17'],
    ['03:20', null],
  ] as const) {
    at(`2026-03-04T${issued}:00Z`);
    const check = await as_('l1', 'POST', '/api/spot-checks', {});
    at(`2026-03-04T${answered ?? '03:26'}:00Z`);
    if (answered) await as_(onDuty, 'POST', `/api/spot-checks/${check.id}/answer`, {});
    else await t.app.scanner.runOnce();
  }

  at('2026-03-04T04:00:00Z');
  for (const day of ['2026-03-20', '2026-03-21']) {
    const shift = officerOn(day);
    ids[`swap${day.slice(-2)}`] = (
      await as_(nameOf.get(shift.userId)!, 'POST', '/api/roster/swaps', {
        shiftId: shift.id,
        toUserId: ids.o4,
        reason: '出差',
      })
    ).id;
  }
  await as_('l2', 'POST', `/api/roster/swaps/${ids.swap20}/reject`, { note: '人手不足' });

  at('2026-03-04T15:30:00Z');
  ids.H = await intake({
    ...CALL,
    category: 'fire',
    occurredAt: '2026-03-04T15:00:00Z',
    casualties: { trapped: 3 },
    source: 'media',
  });
  at('2026-03-04T15:40:00Z');
  await as_('o1', 'POST', `/api/incidents/${ids.H}/verify`);
  at('2026-03-04T16:30:00Z');
  ids.C = await intake({ ...IV, occurredAt: '2026-03-04T16:00:00Z' });
  at('2026-03-04T16:40:00Z');
  await as_('o1', 'POST', `/api/incidents/${ids.C}/verify`);
  at('2026-03-04T17:00:00Z');
  await report(ids.H, 'initial', 'written', 'l1');

  at('2026-03-05T00:00:00Z');
  ids.G = await intake({ ...CALL, category: 'flood', casualties: {}, source: 'monitoring' });
  at('2026-03-05T00:20:00Z');
  await checkIn('2026-03-05');
  at('2026-03-05T01:00:00Z');
  ids.A = await intake(CALL);
  ids.B = await intake(IV);
  ids.D = await intake({ ...CALL, location: { address: '人民路 8 号' } });
  ids.F = await intake({ ...IV, drill: true });
  const steps: [string, () => Promise<unknown>][] = [
    ['01:05', () => as_('l1', 'POST', `/api/incidents/${ids.A}/acknowledge`)],
    ['01:10', () => report(ids.D!, 'initial', 'phone')],
    ['01:20', () => report(ids.A!, 'initial', 'phone')],
    ['01:30', () => as_('l1', 'POST', `/api/incidents/${ids.D}/acknowledge`)],
    ['01:50', () => report(ids.A!, 'initial', 'written', 'l1')],
    ['02:10', () => report(ids.D!, 'initial', 'written', 'l1')],
    [
      '02:20',
      () =>
        as_('o1', 'POST', `/api/incidents/${ids.D}/actions`, { type: 'dispatch', text: '消防救援站出动' }),
    ],
    ['03:00', () => report(ids.G!, 'initial', 'system')],
    ['04:00', () => report(ids.B!, 'initial', 'written', 'l1')],
    ['05:00', async () => (ids.E = await intake({ ...CALL, category: 'construction', casualties: {} }))],
    ['05:10', () => report(ids.A!, 'final', 'phone')],
    ['05:15', () => as_('o1', 'POST', `/api/incidents/${ids.A}/close`, { outcome: '现场清理完毕' })],
  ];
  for (const [time, step] of steps) {
    at(`2026-03-05T${time}:00Z`);
    await step();
  }
  at('2026-03-05T05:30:00Z');
  await t.app.scanner.runOnce();
  return ids;
}
