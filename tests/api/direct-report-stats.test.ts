import type { Stats } from '@shared/schemas/stats';
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

const BASE = {
  occurredAt: '2026-03-10T08:40:00+08:00',
  location: { address: '工业园区纬三路 8 号' },
  caller: { name: '陈主任', unit: '园区管委会', phone: '13900002222' },
  source: 'phone',
};
const FACTORY = {
  ...BASE,
  category: 'industry_trade',
  summary: '车间货架倒塌',
  casualties: { seriousInjuries: 1 },
};
const HOME_FIRE = { ...BASE, category: 'fire', summary: '居民住宅起火', casualties: { deaths: 1 } };
const PRIVATE_CRASH = {
  ...BASE,
  category: 'road_traffic',
  summary: '私家车与护栏相撞',
  casualties: { deaths: 2 },
  productionRelated: false,
};

const period = (from: string, to: string) =>
  `from=${encodeURIComponent(`${from}T00:00:00+08:00`)}&to=${encodeURIComponent(`${to}T00:00:00+08:00`)}`;
const DAY_10 = period('2026-03-10', '2026-03-11');
const DAY_12 = period('2026-03-12', '2026-03-13');
const WEEK = period('2026-03-10', '2026-03-16');

function parseCsv(body: string): string[][] {
  expect(body.startsWith('\uFEFF')).toBe(true);
  return body
    .slice(1)
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(','));
}

describe.each(DIALECTS)('the 直报率 and the 首报及时率 on %s', (dialect) => {
  const clock = fixedClock('2026-03-10T01:00:00Z');
  let t: TestApp;
  let officer: Session;
  let admin: Session;
  const ids: Record<string, number> = {};

  const at = async (instant: string) => {
    clock.set(instant);
    officer = await signIn(t.app, 'wangfang', USER_PASSWORD);
    admin = await signInAdmin(t.app);
  };
  const intake = async (name: string, payload: object) => {
    const res = await t.app.inject(as(officer, { method: 'POST', url: '/api/incidents', payload }));
    expect(res.statusCode, res.body).toBe(201);
    ids[name] = res.json().id;
  };
  const firstReport = async (name: string) => {
    const res = await t.app.inject(
      as(officer, {
        method: 'POST',
        url: `/api/incidents/${ids[name]}/reports`,
        payload: { kind: 'initial', channel: 'system', recipient: '市应急管理局' },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
  };
  const enter = async (name: string, enteredAt: string) => {
    const res = await t.app.inject(
      as(officer, {
        method: 'POST',
        url: `/api/incidents/${ids[name]}/direct-entry`,
        payload: { enteredAt, recordNumber: `ZB-${name}` },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
  };
  const stats = async (query: string): Promise<Stats> => {
    const res = await t.app.inject(as(admin, { method: 'GET', url: `/api/stats?${query}` }));
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await startApp({ dialect, clock, config: { scanMs: 600_000 } });
    admin = await signInAdmin(t.app);
    const wang = await createUser(t.app, admin, {
      username: 'wangfang',
      roles: ['officer'],
      displayName: '王芳',
    });
    officer = await signIn(t.app, 'wangfang', USER_PASSWORD);

    // 10 March, received 09:00 local (01:00Z): the 首报s are due at 03:00Z, A's entry at 11 March 01:00Z.
    await intake('A', FACTORY);
    await intake('B', HOME_FIRE);
    await intake('C', PRIVATE_CRASH);
    await at('2026-03-10T02:00:00Z');
    await firstReport('B');
    await firstReport('C');
    await at('2026-03-10T04:00:00Z'); // A's 首报 an hour late …
    await firstReport('A');
    await at('2026-03-10T05:00:00Z'); // … its 直报录入 in time.
    await enter('A', '2026-03-10T13:00:00+08:00');

    // 12 March: all on time.
    await at('2026-03-12T01:00:00Z');
    await intake('D', { ...FACTORY, occurredAt: '2026-03-12T08:40:00+08:00' });
    await intake('E', { ...HOME_FIRE, occurredAt: '2026-03-12T08:40:00+08:00' });
    await intake('F', { ...PRIVATE_CRASH, occurredAt: '2026-03-12T08:40:00+08:00' });
    await at('2026-03-12T02:00:00Z');
    for (const name of ['D', 'E', 'F']) await firstReport(name);
    await enter('D', '2026-03-12T10:00:00+08:00');

    // 14 March: G's 首报 on time, its entry never made (due 15 March 01:00Z, 09:00 local).
    await at('2026-03-14T01:00:00Z');
    await intake('G', { ...FACTORY, occurredAt: '2026-03-14T08:40:00+08:00' });
    await at('2026-03-14T02:00:00Z');
    await firstReport('G');
    // 王芳 is the duty officer of 15 March (08:30 to 08:30 the next day): on duty at G's deadline.
    const shift = await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/roster/shifts',
        payload: {
          userId: wang.id,
          role: 'officer',
          dutyDate: '2026-03-15',
          kind: 'full',
          override: true,
          reason: '测试排班',
        },
      }),
    );
    expect(shift.statusCode, shift.body).toBe(201);
  });
  afterAll(() => t.close());

  it('counts a 工贸 accident with a late 首报 but an on-time 直报录入 on time in the 直报率 and late in the 首报及时率', async () => {
    await at('2026-03-14T02:00:00Z');
    const s = await stats(DAY_10);
    // Only A is in scope: the residential fire and the private crash are no production-safety accidents.
    expect(s.directReport).toEqual({ accidents: 1, onTime: 1, late: 0, pending: 0, rate: 1, lateCases: [] });
    expect(s.initialReport).toEqual({
      accidents: 3,
      onTime: 2,
      late: 1,
      pending: 0,
      rate: 2 / 3,
      lateCases: [
        {
          id: ids.A,
          category: 'industry_trade',
          grade: 'IV',
          summary: '车间货架倒塌',
          receivedAt: '2026-03-10T01:00:00.000Z',
          dueAt: '2026-03-10T03:00:00.000Z',
          doneAt: '2026-03-10T04:00:00.000Z',
          kind: 'initial_written',
          lateSeconds: 3600,
          who: '王芳',
          whoBasis: 'recorded',
        },
      ],
    });
  });

  it('has a denominator of 1 for a 工贸 accident, a residential fire and a private road crash, all on time', async () => {
    await at('2026-03-14T02:00:00Z');
    const s = await stats(DAY_12);
    expect(s.directReport).toMatchObject({ accidents: 1, onTime: 1, late: 0, pending: 0, rate: 1 });
    expect(s.initialReport).toMatchObject({ accidents: 3, onTime: 3, late: 0, pending: 0, rate: 1 });
  });

  it('keeps a running 直报录入 apart, then counts it late with the officer on duty at its deadline', async () => {
    await at('2026-03-14T02:00:00Z');
    const before = await stats(WEEK);
    expect(before.directReport).toMatchObject({ accidents: 3, onTime: 2, late: 0, pending: 1, rate: 1 });
    await at('2026-03-15T03:00:00Z');
    const after = await stats(WEEK);
    expect(after.directReport).toEqual({
      accidents: 3,
      onTime: 2,
      late: 1,
      pending: 0,
      rate: 2 / 3,
      lateCases: [
        {
          id: ids.G,
          category: 'industry_trade',
          grade: 'IV',
          summary: '车间货架倒塌',
          receivedAt: '2026-03-14T01:00:00.000Z',
          dueAt: '2026-03-15T01:00:00.000Z',
          doneAt: null,
          kind: 'direct_entry',
          lateSeconds: 7200,
          who: '王芳',
          whoBasis: 'on_duty',
        },
      ],
    });
    expect(after.initialReport).toMatchObject({ accidents: 7, onTime: 6, late: 1, pending: 0, rate: 6 / 7 });
    // The 直报录入 is no report: the late reports by kind count none of it.
    const byKind = after.timeliness.lateReportsByKind;
    expect(byKind.map((k) => k.kind)).toEqual([
      'initial_phone',
      'initial_written',
      'followup_daily',
      'followup_change',
      'final',
    ]);
    expect(byKind.find((k) => k.kind === 'initial_written')?.count).toBe(1);
  });

  it('exports both figures with percentages as percentages, and every late case with who', async () => {
    await at('2026-03-15T03:00:00Z');
    const csv = async (table: string) => {
      const res = await t.app.inject(
        as(admin, { method: 'GET', url: `/api/stats.csv?${WEEK}&table=${table}` }),
      );
      expect(res.statusCode, res.body).toBe(200);
      return parseCsv(res.body);
    };
    const figures = await csv('direct_report');
    expect(figures.slice(1).map((r) => [r[1], r[2]])).toEqual([
      ['direct_accidents', '3'],
      ['direct_on_time', '2'],
      ['direct_late', '1'],
      ['direct_pending', '0'],
      ['direct_rate', '66.6%'],
      ['initial_accidents', '7'],
      ['initial_on_time', '6'],
      ['initial_late', '1'],
      ['initial_pending', '0'],
      ['initial_rate', '85.7%'],
    ]);
    const late = await csv('late_cases');
    expect(late.slice(1)).toEqual([
      [
        '直报率',
        `${ids.G}`,
        'industry_trade',
        '工贸',
        '一般',
        '车间货架倒塌',
        '2026-03-14 09:00:00',
        '直报录入',
        '2026-03-15 09:00:00',
        '',
        '7200',
        '王芳',
      ],
      [
        '首报及时率',
        `${ids.A}`,
        'industry_trade',
        '工贸',
        '一般',
        '车间货架倒塌',
        '2026-03-10 09:00:00',
        '首报(书面)',
        '2026-03-10 11:00:00',
        '2026-03-10 12:00:00',
        '3600',
        '王芳',
      ],
    ]);
  });
});
