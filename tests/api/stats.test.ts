import type { Stats } from '@shared/schemas/stats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketsOf } from '../../server/modules/stats/buckets';
import { dutyDaysOf } from '../../server/modules/stats/duty';
import { spread } from '../../server/modules/stats/spread';
import { fixedClock } from '../../server/time';
import { as, type Session, signInAdmin, startApp, type TestApp } from '../helpers/app';
import { DIALECTS } from '../helpers/databases';
import { buildMarch } from '../helpers/stats-scenario';

// March 2026 in Asia/Shanghai.
const MARCH = 'from=2026-03-01T00:00:00%2B08:00&to=2026-04-01T00:00:00%2B08:00';

function parseCsv(body: string): string[][] {
  expect(body.startsWith('\uFEFF')).toBe(true);
  return body
    .slice(1)
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(','));
}

describe.each(DIALECTS)('statistics on %s', (dialect) => {
  const clock = fixedClock('2026-02-20T02:00:00Z');
  let t: TestApp;
  let ids: Record<string, number>;
  let admin: Session;
  let stats: Stats;
  let onDutyAtC: string;

  beforeAll(async () => {
    // The scenario runs the scanner itself at the moments it means; a background pass between a clock
    // move and the check-in after it would count a late check-in as missed too.
    t = await startApp({ dialect, clock, config: { scanMs: 60_000 } });
    ids = await buildMarch(t, clock);
    admin = await signInAdmin(t.app);
    stats = (await get(`/api/stats?${MARCH}`)).json();
    // C's written 首报 fell due 4 March 18:30Z (02:30 on the 5th local): duty day 4 March's officer.
    const shifts = (await get('/api/roster?from=2026-03-01&to=2026-03-31')).json().shifts as {
      dutyDate: string;
      role: string;
      userName: string;
    }[];
    onDutyAtC = shifts.find((s) => s.dutyDate === '2026-03-04' && s.role === 'officer')!.userName;
  });
  afterAll(() => t.close());

  const get = (url: string) => t.app.inject(as(admin, { method: 'GET', url }));
  const csv = async (query: string) => {
    const res = await get(`/api/stats.csv?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    return parseCsv(res.body);
  };

  it('counts the incidents received in the period; the drill only in drillsExcluded', () => {
    expect(stats.period).toEqual({
      from: '2026-02-28T16:00:00.000Z',
      to: '2026-03-31T16:00:00.000Z',
      zone: 'Asia/Shanghai',
      bucket: 'day',
    });
    expect(stats.incidents).toEqual({
      received: 7,
      byStage: { received: 1, verified: 1, reported: 3, handling: 1, closed: 1 },
      byCategory: [
        { category: 'road_traffic', count: 4 },
        { category: 'construction', count: 1 },
        { category: 'fire', count: 1 },
        { category: 'flood', count: 1 },
      ],
      byGrade: [
        { grade: 'IV', count: 4 },
        { grade: 'III', count: 2 },
        { grade: null, count: 1 },
      ],
      bySource: [
        { source: 'phone', count: 5 },
        { source: 'media', count: 1 },
        { source: 'monitoring', count: 1 },
      ],
      drillsExcluded: 1,
    });
  });

  it('computes the 首报及时率 over judged accidents and lists exactly the late ones, with who', () => {
    // No production-safety accident for the 直报率: road accidents and the fire not in production, E no
    // casualties and no loss.
    expect(stats.directReport).toEqual({
      accidents: 0,
      onTime: 0,
      late: 0,
      pending: 0,
      rate: null,
      lateCases: [],
    });
    // H, A on time; C (overdue), B, D (written late) late; E within its deadline; G is a flood, F a drill.
    expect(stats.initialReport).toEqual({
      accidents: 6,
      onTime: 2,
      late: 3,
      pending: 1,
      rate: 0.4,
      lateCases: [
        {
          id: ids.C,
          category: 'road_traffic',
          receivedAt: '2026-03-04T16:30:00.000Z',
          dueAt: '2026-03-04T18:30:00.000Z',
          doneAt: null,
          kind: 'initial_written',
          grade: 'IV',
          summary: '两车相撞，一车侧翻',
          // Still overdue at the scenario's end, 5 March 05:30Z: 11 hours.
          lateSeconds: 39_600,
          who: onDutyAtC,
          whoBasis: 'on_duty',
        },
        {
          id: ids.B,
          category: 'road_traffic',
          receivedAt: '2026-03-05T01:00:00.000Z',
          dueAt: '2026-03-05T03:00:00.000Z',
          doneAt: '2026-03-05T04:00:00.000Z',
          kind: 'initial_written',
          grade: 'IV',
          summary: '两车相撞，一车侧翻',
          lateSeconds: 3600,
          who: 'o1',
          whoBasis: 'recorded',
        },
        {
          id: ids.D,
          category: 'road_traffic',
          receivedAt: '2026-03-05T01:00:00.000Z',
          dueAt: '2026-03-05T02:00:00.000Z',
          doneAt: '2026-03-05T02:10:00.000Z',
          kind: 'initial_written',
          grade: 'III',
          summary: '两车相撞，一车侧翻',
          lateSeconds: 600,
          who: 'o1',
          whoBasis: 'recorded',
        },
      ],
    });
  });

  it('measures timeliness in seconds: median, p90, and late reports by kind', () => {
    expect(stats.timeliness).toEqual({
      // D 600, A 1200, H 5400, G 10800, B 10800.
      toInitialReport: { median: 5400, p90: 10800, n: 5 },
      toLeaderAck: { median: 1050, p90: 1800, n: 2 },
      toClose: { median: 15300, p90: 15300, n: 1 },
      lateReportsByKind: [
        { kind: 'initial_phone', count: 0 },
        { kind: 'initial_written', count: 4 },
        { kind: 'followup_daily', count: 0 },
        { kind: 'followup_change', count: 0 },
        { kind: 'final', count: 0 },
      ],
      // 续报 count per local day from the day after the 首报's: A's 终报 came the same day as its 首报
      // (5 March), so it owed none; H, G, B and D owe one by 24:00 on 6 March (16:00Z).
      followupsMet: { due: 4, met: 0, late: 0 },
    });
  });

  it('buckets the trend by local day, week and month', async () => {
    expect(stats.trend).toHaveLength(31);
    // H at 23:30 on 4 March local time; C at 00:30 on 5 March (still 4 March in UTC).
    expect(stats.trend.filter((r) => r.received > 0)).toEqual([
      { bucket: '2026-03-04', received: 1, accidents: 1, late: 0 },
      { bucket: '2026-03-05', received: 6, accidents: 5, late: 3 },
    ]);
    const month = (await get(`/api/stats?${MARCH}&bucket=month`)).json();
    expect(month.trend).toEqual([{ bucket: '2026-03', received: 7, accidents: 6, late: 3 }]);
    const week = (await get(`/api/stats?${MARCH}&bucket=week`)).json();
    expect(week.trend.map((r: { bucket: string }) => r.bucket)).toEqual([
      '2026-02-23',
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
      '2026-03-23',
      '2026-03-30',
    ]);
    expect(week.trend[1]).toEqual({ bucket: '2026-03-02', received: 7, accidents: 6, late: 3 });
  });

  it('keeps the duty record: check-ins, missed posts, spot-checks, swaps and hours', async () => {
    const { hours, ...record } = stats.duty;
    expect(record).toEqual({
      checkIns: { onTime: 3, late: 1, missed: 1 },
      spotChecks: { issued: 3, answered: 1, late: 1, missed: 1, medianAnswerSeconds: 270 },
      swaps: { requested: 2, approved: 0, rejected: 1 },
    });
    // Worked out by hand from the rotation (o1, o2, o3 and l1, l2 in turn from 1 March; 24-hour shifts
    // from 08:30): each shift 24 h, 8 of them at night (22:00–06:00); a Saturday shift 24 weekend
    // hours, a Sunday one 15.5 (to midnight), a Friday one 8.5 (from midnight). Weekends: 1 (Sun),
    // 7–8, 14–15, 21–22, 28–29. No holiday period in March. Most hours first.
    expect(hours).toEqual([
      // 1, 3, …, 31: Sun 1, 15, 29; Sat 7, 21; Fri 13, 27.
      { userId: ids.l1, name: 'l1', shifts: 16, total: 384, nights: 128, weekends: 111.5, holidays: 0 },
      // 2, 4, …, 30: Sun 8, 22; Sat 14, 28; Fri 6, 20.
      { userId: ids.l2, name: 'l2', shifts: 15, total: 360, nights: 120, weekends: 96, holidays: 0 },
      // 1, 4, …, 31: Sun 1, 22; Sat 7, 28; Fri 13.
      { userId: ids.o1, name: 'o1', shifts: 11, total: 264, nights: 88, weekends: 87.5, holidays: 0 },
      // 2, 5, …, 29: Sun 8, 29; Sat 14; Fri 20.
      { userId: ids.o2, name: 'o2', shifts: 10, total: 240, nights: 80, weekends: 63.5, holidays: 0 },
      // 3, 6, …, 30: Sun 15; Sat 21; Fri 6, 27.
      { userId: ids.o3, name: 'o3', shifts: 10, total: 240, nights: 80, weekends: 56.5, holidays: 0 },
    ]);
    // The roster's own hours page says the same.
    const roster = (await get('/api/roster/hours?from=2026-03-01&to=2026-03-31')).json();
    expect(roster.rows).toEqual(hours);
    expect(hours.length).toBe(5);
  });

  it('applies the category, grade and source filters', async () => {
    const road = (await get(`/api/stats?${MARCH}&category=road_traffic`)).json();
    expect(road.incidents.received).toBe(4);
    expect(road.incidents.drillsExcluded).toBe(1);
    expect(road.initialReport).toMatchObject({ accidents: 4, onTime: 1, late: 3, pending: 0, rate: 0.25 });
    const ungraded = (await get(`/api/stats?${MARCH}&grade=none`)).json();
    expect(ungraded.incidents.received).toBe(1);
    expect(ungraded.initialReport).toMatchObject({ accidents: 0, rate: null, lateCases: [] });
    const media = (await get(`/api/stats?${MARCH}&source=media`)).json();
    expect(media.initialReport).toMatchObject({ accidents: 1, onTime: 1, rate: 1 });
  });

  it('judges overdue against now: a day later the pending accident and the 续报 are late', async () => {
    clock.set('2026-03-06T16:00:01Z'); // 00:00:01 on 7 March local: 6 March's 续报 are past
    try {
      admin = await signInAdmin(t.app);
      const later = (await get(`/api/stats?${MARCH}`)).json();
      expect(later.initialReport).toMatchObject({
        accidents: 6,
        onTime: 2,
        late: 4,
        pending: 0,
        rate: 2 / 6,
      });
      expect(later.initialReport.lateCases.map((c: { id: number }) => c.id)).toEqual([
        ids.C,
        ids.B,
        ids.D,
        ids.E,
      ]);
      expect(later.timeliness.followupsMet).toEqual({ due: 4, met: 0, late: 4 });
    } finally {
      // Back to the scenario's end whatever happened above: the later tests read at that instant.
      clock.set('2026-03-05T05:30:00Z');
      admin = await signInAdmin(t.app);
    }
  });

  it('exports every table as CSV with the same figures', async () => {
    const direct = await csv(`${MARCH}&table=direct_report`);
    expect(direct.slice(1).map((r) => [r[1], r[2]])).toEqual([
      ['direct_accidents', '0'],
      ['direct_on_time', '0'],
      ['direct_late', '0'],
      ['direct_pending', '0'],
      ['direct_rate', ''],
      ['initial_accidents', '6'],
      ['initial_on_time', '2'],
      ['initial_late', '3'],
      ['initial_pending', '1'],
      ['initial_rate', '40.0%'],
    ]);
    const late = await csv(`${MARCH}&table=late_cases`);
    expect(late.slice(1).map((r) => Number(r[1]))).toEqual(stats.initialReport.lateCases.map((c) => c.id));
    expect(late[1]).toEqual([
      '首报及时率',
      `${ids.C}`,
      'road_traffic',
      '道路交通',
      '一般',
      '两车相撞，一车侧翻',
      '2026-03-05 00:30:00',
      '首报(书面)',
      '2026-03-05 02:30:00',
      '',
      '39600',
      onDutyAtC,
    ]);
    const incidents = new Map(
      (await csv(`${MARCH}&table=incidents`)).map((r) => [`${r[0]}:${r[1]}`, Number(r[3])]),
    );
    expect(incidents.get('合计:received')).toBe(stats.incidents.received);
    for (const [stage, n] of Object.entries(stats.incidents.byStage))
      expect(incidents.get(`阶段:${stage}`)).toBe(n);
    for (const c of stats.incidents.byCategory) expect(incidents.get(`类别:${c.category}`)).toBe(c.count);
    for (const g of stats.incidents.byGrade) expect(incidents.get(`等级:${g.grade ?? 'none'}`)).toBe(g.count);
    for (const s of stats.incidents.bySource) expect(incidents.get(`来源:${s.source}`)).toBe(s.count);
    expect(incidents.get('演练:drills_excluded')).toBe(1);
    const timeliness = new Map((await csv(`${MARCH}&table=timeliness`)).map((r) => [r[1], r.slice(2)]));
    expect(timeliness.get('to_initial_report')).toEqual(['5400', '10800', '5']);
    expect(timeliness.get('to_leader_ack')).toEqual(['1050', '1800', '2']);
    expect(timeliness.get('late:initial_written')).toEqual(['', '', '4']);
    expect(timeliness.get('followups_met')).toEqual(['', '', '0']);
    const trend = await csv(`${MARCH}&table=trend`);
    expect(trend.slice(1)).toEqual(
      stats.trend.map((r) => [r.bucket, `${r.received}`, `${r.accidents}`, `${r.late}`]),
    );
    const duty = new Map((await csv(`${MARCH}&table=duty`)).map((r) => [r[1], r[2]]));
    expect(duty.get('check_ins_late')).toBe('1');
    expect(duty.get('check_ins_missed')).toBe('1');
    expect(duty.get('spot_checks_median_answer_seconds')).toBe('270');
    const hours = await csv(`${MARCH}&table=hours`);
    expect(hours.slice(1).map((r) => [r[0], Number(r[2])])).toEqual(
      stats.duty.hours.map((h) => [h.name, h.total]),
    );
    const road = await csv(`${MARCH}&table=direct_report&category=road_traffic`);
    expect(road.find((r) => r[1] === 'initial_rate')?.[2]).toBe('25.0%');
  });

  it('is for signed-in people; checks the period', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/stats?${MARCH}` })).statusCode).toBe(401);
    const backwards = await get('/api/stats?from=2026-04-01T00:00:00Z&to=2026-03-01T00:00:00Z');
    expect(backwards.statusCode).toBe(400);
    expect((await get('/api/stats?from=2025-01-01T00:00:00Z&to=2026-03-01T00:00:00Z')).statusCode).toBe(400);
    expect((await get(`/api/stats?${MARCH}&table=hours`)).statusCode).toBe(400);
    expect((await get(`/api/stats.csv?${MARCH}&table=secrets`)).statusCode).toBe(400);
  });
});

describe('statistics helpers', () => {
  it('takes the median of the middle two and the p90 by nearest rank', () => {
    expect(spread([])).toEqual({ median: null, p90: null, n: 0 });
    expect(spread([30, 10, null, 20])).toEqual({ median: 20, p90: 30, n: 3 });
    expect(spread([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({ median: 5.5, p90: 9, n: 10 });
  });

  it('starts day buckets at local midnight, also across a DST change', () => {
    const days = bucketsOf(
      new Date('2026-03-28T00:00:00+01:00'),
      new Date('2026-03-31T00:00:00+02:00'),
      'Europe/Berlin',
      'day',
    );
    expect(days.map((d) => [d.label, new Date(d.start).toISOString()])).toEqual([
      ['2026-03-28', '2026-03-27T23:00:00.000Z'],
      ['2026-03-29', '2026-03-28T23:00:00.000Z'],
      ['2026-03-30', '2026-03-29T22:00:00.000Z'],
    ]);
  });

  it('counts duty hours over the duty days handed over within the period, or the one under way', () => {
    const at = (iso: string) => new Date(iso);
    const days = (from: string, to: string) => dutyDaysOf(at(from), at(to), 'Asia/Shanghai', '08:30');
    expect(days('2026-03-01T00:00:00+08:00', '2026-04-01T00:00:00+08:00')).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(days('2026-03-05T08:30:00+08:00', '2026-03-06T08:30:00+08:00')).toEqual({
      from: '2026-03-05',
      to: '2026-03-05',
    });
    expect(days('2026-03-05T09:00:00+08:00', '2026-03-05T10:00:00+08:00')).toEqual({
      from: '2026-03-05',
      to: '2026-03-05',
    });
    expect(days('2026-03-05T07:00:00+08:00', '2026-03-05T08:00:00+08:00')).toEqual({
      from: '2026-03-04',
      to: '2026-03-04',
    });
  });
});
