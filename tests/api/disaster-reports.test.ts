import { checkReportText } from '@shared/domain/report-checklist';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/time';
import { as, startApp, type TestApp } from '../helpers/app';
import { DIALECTS } from '../helpers/databases';
import {
  buildReportsWorld,
  createDisaster,
  fileFigures,
  LIUWAN,
  type ReportsWorld,
  recordVictim,
  TOTAL,
  WUTONG,
} from '../helpers/disaster-reports';

/**
 * 灾情报送 (DESIGN §2.6, 应急〔2020〕19号): the 初报 drafted from the per-township figures, the totals and
 * the 因灾死亡失踪人员; sent through the outbox, one report per recipient, each judged by the obligation
 * it met; the 快报表 as CSV; the 24-hour zero report judged against 09:00.
 */
describe.each(DIALECTS)('disaster reports on %s', (dialect) => {
  // 11:30 on 19 June in Shanghai; the flood began at 10:00.
  const clock = fixedClock('2026-06-19T03:30:00Z');
  let t: TestApp;
  let w: ReportsWorld;
  let flood: { id: number };

  beforeAll(async () => {
    t = await startApp({
      dialect,
      clock,
      // Sessions outlive the days the clock moves on to the 核报.
      config: {
        upstreamUrls: ['http://127.0.0.1:9/disasters'],
        sessionIdleMinutes: 7 * 24 * 60,
        sessionMaxHours: 24 * 30,
      },
    });
    w = await buildReportsWorld(t.app);
    flood = await createDisaster(t.app, w.officer, {
      type: 'flood',
      subtype: '暴雨洪涝',
      title: '6·19强降雨洪涝',
      beganAt: '2026-06-19T02:00:00.000Z',
      townships: [w.a.id, w.b.id],
      disasterText: '6月19日8时至10时，我区出现强降雨过程，最大为梧桐镇168.5毫米',
      reliefText: '区防汛抗旱指挥部于10时30分启动防汛Ⅳ级应急响应，紧急转移安置人员已妥善安置',
    });
    await fileFigures(t.app, w.officerA, flood.id, { unitId: w.a.id, kind: 'initial', figures: WUTONG });
    await fileFigures(t.app, w.officerB, flood.id, { unitId: w.b.id, kind: 'initial', figures: LIUWAN });
    await recordVictim(t.app, w.officerA, flood.id, {
      unitId: w.a.id,
      name: '张建国',
      status: 'dead',
      cause: '房屋倒塌',
      date: '2026-06-19',
    });
    await recordVictim(t.app, w.officerB, flood.id, {
      unitId: w.b.id,
      name: '李秀英',
      status: 'missing',
      cause: '山洪冲走',
      date: '2026-06-19',
    });
  });
  afterAll(() => t?.close());

  it('drafts the 初报 with each township’s figures, the 合计, the victims’ names, to all three recipients', async () => {
    const res = await t.app.inject(
      as(w.officer, { method: 'GET', url: `/api/disasters/${flood.id}/draft?kind=initial` }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const draft = res.json();
    expect(draft.title).toBe('关于6月19日暴雨洪涝灾情的初报');
    const lines: string[] = draft.text.split('\n');
    // 12 dead or missing: severe, so the province and the ministry are addressed as well.
    expect(lines).toContain('市应急管理局、省应急管理厅、应急管理部：');
    expect(lines).toContain('| 梧桐镇 | 3260 | 8 | 2 | 412 | 85 | 286.5 | 120 | 42 | 3 | 7 | 26 | 586.4 |');
    expect(lines).toContain(
      '| 柳湾镇 | 1845 | 1 | 1 | 236 | 40 | 158.2 | 60.5 | 15.3 | 0 | 4 | 19 | 237.8 |',
    );
    expect(lines).toContain(`| 合计 | ${TOTAL.join(' | ')} |`);
    expect(draft.text).toContain(
      '一、灾情总体情况。受灾人口5105人，因灾死亡9人、失踪3人；紧急转移安置648人，需紧急生活救助125人；农作物受灾面积444.7公顷，其中成灾180.5公顷、绝收57.3公顷；倒塌房屋3间，严重损坏房屋11间，一般损坏房屋45间；直接经济损失824.2万元。',
    );
    expect(draft.text).toContain('张建国（梧桐镇，房屋倒塌，6月19日）');
    expect(draft.text).toContain('李秀英（柳湾镇，山洪冲走，6月19日）');
    expect(draft.text).toContain('截至6月19日11时30分统计');
    expect(draft.text).toContain('救灾工作。区防汛抗旱指挥部于10时30分启动防汛Ⅳ级应急响应');
    // The style checklist (REPORT-STYLE §6) finds nothing that blocks sending.
    expect(checkReportText(draft.text).filter((f) => f.level === 'ERR')).toEqual([]);
    expect(draft.figures.totals).toEqual({
      affected: 5105,
      dead: 9,
      missing: 3,
      relocated: 648,
      needAssistance: 125,
      housesCollapsed: 3,
      housesSevere: 11,
      housesGeneral: 45,
      cropAffectedHa: 444.7,
      cropDamagedHa: 180.5,
      cropLostHa: 57.3,
      directLossWanYuan: 824.2,
    });
  });

  it('exports the 快报表 as CSV: the form’s columns, a row per township, 合计 = the sum', async () => {
    const res = await t.app.inject(
      as(w.officer, { method: 'GET', url: `/api/disasters/${flood.id}/figures.csv` }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    expect(res.body.slice(1).split('\r\n')).toEqual([
      '单位,受灾人口（人）,死亡人口（人）,失踪人口（人）,紧急转移安置人口（人）,需紧急生活救助人口（人）,农作物受灾面积（公顷）,农作物成灾面积（公顷）,农作物绝收面积（公顷）,倒塌房屋（间）,严重损坏房屋（间）,一般损坏房屋（间）,直接经济损失（万元）',
      '梧桐镇,3260,8,2,412,85,286.5,120,42,3,7,26,586.4',
      '柳湾镇,1845,1,1,236,40,158.2,60.5,15.3,0,4,19,237.8',
      `合计,${TOTAL.join(',')}`,
      '',
    ]);
  });

  it('gives a township its own row only', async () => {
    const res = await t.app.inject(
      as(w.officerB, { method: 'GET', url: `/api/disasters/${flood.id}/figures.csv` }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const lines = res.body.slice(1).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]!.startsWith('单位,受灾人口（人）,')).toBe(true);
    expect(lines[1]).toBe('柳湾镇,1845,1,1,236,40,158.2,60.5,15.3,0,4,19,237.8');
    expect(lines[2]).toBe('');
  });

  it('sends the severe 初报 to city, province and ministry: three reports, three messages, each obligation met on time', async () => {
    const draft = (
      await t.app.inject(
        as(w.leader, { method: 'GET', url: `/api/disasters/${flood.id}/draft?kind=initial` }),
      )
    ).json();
    const res = await t.app.inject(
      as(w.leader, {
        method: 'POST',
        url: `/api/disasters/${flood.id}/reports`,
        payload: {
          kind: 'initial',
          recipients: ['city', 'province', 'ministry'],
          title: draft.title,
          text: draft.text,
        },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const { reports } = res.json();
    expect(reports.map((r: { recipient: string }) => r.recipient)).toEqual(['city', 'province', 'ministry']);
    for (const r of reports) {
      expect(r).toMatchObject({
        disasterId: flood.id,
        kind: 'initial',
        title: '关于6月19日暴雨洪涝灾情的初报',
        sentBy: 'zhouqm',
        sentAt: '2026-06-19T03:30:00.000Z',
        onTime: true,
        signoff: { kind: 'leader', leader: 'zhouqm', leaderName: '周启明' },
      });
      expect(r.figures.townships.map((x: { name: string }) => x.name)).toEqual(['梧桐镇', '柳湾镇']);
    }
    const detail = (
      await t.app.inject(as(w.officer, { method: 'GET', url: `/api/disasters/${flood.id}` }))
    ).json();
    const initial = detail.obligations.filter((o: { kind: string }) => o.kind === 'initial');
    expect(initial.map((o: { key: string }) => o.key).sort()).toEqual([
      'initial:city',
      'initial:ministry',
      'initial:province',
    ]);
    for (const o of initial) {
      expect(o).toMatchObject({
        dueAt: '2026-06-19T04:00:00.000Z',
        doneAt: '2026-06-19T03:30:00.000Z',
        onTime: true,
      });
    }
    // One message per recipient to the configured upstream, each with its own idempotency key.
    const outbox = await t.app.db
      .selectFrom('outbox')
      .select(['idempotency_key', 'endpoint', 'topic', 'payload'])
      .where('topic', '=', 'upstream_disaster_report')
      .orderBy('id')
      .execute();
    expect(outbox.map((m) => m.idempotency_key)).toEqual(
      reports.map((r: { id: number }) => `disaster-report-${r.id}-0`),
    );
    expect(outbox.every((m) => m.endpoint === 'http://127.0.0.1:9/disasters')).toBe(true);
    expect(outbox.map((m) => JSON.parse(m.payload).report.recipient)).toEqual([
      'city',
      'province',
      'ministry',
    ]);
    const listed = (
      await t.app.inject(as(w.officer, { method: 'GET', url: `/api/disasters/${flood.id}/reports` }))
    ).json();
    expect(listed.reports).toHaveLength(3);
  });

  it('keeps a sent report as it is: there is no route to change or remove one', async () => {
    const { reports } = (
      await t.app.inject(as(w.officer, { method: 'GET', url: `/api/disasters/${flood.id}/reports` }))
    ).json();
    for (const method of ['PATCH', 'DELETE'] as const) {
      const res = await t.app.inject(
        as(w.leader, { method, url: `/api/disasters/${flood.id}/reports/${reports[0].id}`, payload: {} }),
      );
      expect(res.statusCode).toBe(404);
    }
  });

  it('refuses the reports to a township: drafts and sending are the district room’s', async () => {
    const draft = await t.app.inject(
      as(w.officerA, { method: 'GET', url: `/api/disasters/${flood.id}/draft?kind=initial` }),
    );
    expect(draft.statusCode).toBe(403);
    const send = await t.app.inject(
      as(w.officerA, {
        method: 'POST',
        url: `/api/disasters/${flood.id}/reports`,
        payload: { kind: 'followup', title: '续报', text: '续报' },
      }),
    );
    expect(send.statusCode).toBe(403);
  });

  it('drafts a 续报 with what changed, the running totals and the newly named victims', async () => {
    clock.set('2026-06-19T06:00:00Z'); // 14:00
    await fileFigures(t.app, w.officerA, flood.id, {
      unitId: w.a.id,
      kind: 'update',
      figures: { dead: 9, affected: 3400 },
    });
    await recordVictim(t.app, w.officerA, flood.id, {
      unitId: w.a.id,
      name: '王桂兰',
      status: 'dead',
      cause: '被倒塌围墙砸中',
      date: '2026-06-19',
    });
    const draft = (
      await t.app.inject(
        as(w.officer, { method: 'GET', url: `/api/disasters/${flood.id}/draft?kind=followup` }),
      )
    ).json();
    expect(draft.title).toBe('关于6月19日暴雨洪涝灾情的续报（第一次）');
    expect(draft.text).toContain('受灾人口由5105人增至5245人，死亡人口由9人增至10人。');
    expect(draft.text).toContain('新增因灾死亡人员1人：王桂兰（梧桐镇，被倒塌围墙砸中，6月19日）。');
    expect(draft.text).toContain('| 合计 | 5245 | 10 | 3 |');
    expect(checkReportText(draft.text).filter((f) => f.level === 'ERR')).toEqual([]);
  });

  it('drafts the 核报 with the verified totals, every township, the whole list of names and what differs', async () => {
    clock.set('2026-06-22T02:00:00Z'); // 22 June 10:00
    const draft = (
      await t.app.inject(
        as(w.officer, { method: 'GET', url: `/api/disasters/${flood.id}/draft?kind=verify` }),
      )
    ).json();
    expect(draft.title).toBe('关于6月19日暴雨洪涝灾情的核报');
    expect(draft.text).toContain('经核定，截至6月22日10时');
    expect(draft.text).toContain(
      '三、因灾死亡失踪人员。因灾死亡人员2人：张建国（梧桐镇，房屋倒塌，6月19日）；王桂兰（梧桐镇，被倒塌围墙砸中，6月19日）。因灾失踪人员1人：李秀英（柳湾镇，山洪冲走，6月19日）。',
    );
    // Against the last report sent (the 初报): what the verified figures changed.
    expect(draft.text).toContain(
      '四、与最后一次报告的差异。受灾人口由5105人增至5245人，死亡人口由9人增至10人。',
    );
    expect(draft.text).toContain('此为核报。');
    expect(checkReportText(draft.text).filter((f) => f.level === 'ERR')).toEqual([]);
  });
});

/**
 * The acceptance: on day 3 of a major disaster that is not stable, the 09:00 zero report sent at 09:05
 * is late, one sent at 09:00 is on time; a report with all zeros counts as filed.
 */
describe.each(DIALECTS)('24-hour zero reports judged on %s', (dialect) => {
  // 1 July 10:30 in Shanghai; the rains began at 10:00.
  const clock = fixedClock('2026-07-01T02:30:00Z');
  let t: TestApp;
  let w: ReportsWorld;

  beforeAll(async () => {
    // Sessions outlive the three days the clock jumps.
    t = await startApp({
      dialect,
      clock,
      config: { sessionIdleMinutes: 7 * 24 * 60, sessionMaxHours: 24 * 30 },
    });
    w = await buildReportsWorld(t.app);
  });
  afterAll(() => t?.close());

  const major = async (title: string) => {
    clock.set('2026-07-01T02:30:00Z');
    const d = await createDisaster(t.app, w.officer, {
      type: 'flood',
      title,
      beganAt: '2026-07-01T02:00:00.000Z',
      townships: [w.a.id],
      major: true,
    });
    const draft = (
      await t.app.inject(as(w.leader, { method: 'GET', url: `/api/disasters/${d.id}/draft?kind=initial` }))
    ).json();
    const first = await t.app.inject(
      as(w.leader, {
        method: 'POST',
        url: `/api/disasters/${d.id}/reports`,
        payload: { kind: 'initial', title: draft.title, text: draft.text },
      }),
    );
    expect(first.statusCode, first.body).toBe(201);
    return d;
  };

  const sendDaily = async (id: number, at: string) => {
    clock.set(at);
    const draft = (
      await t.app.inject(as(w.leader, { method: 'GET', url: `/api/disasters/${id}/draft?kind=daily` }))
    ).json();
    const res = await t.app.inject(
      as(w.leader, {
        method: 'POST',
        url: `/api/disasters/${id}/reports`,
        payload: { kind: 'daily', title: draft.title, text: draft.text },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    return { draft, report: res.json().reports[0] };
  };

  const daily = async (id: number, date: string) =>
    (await t.app.inject(as(w.officer, { method: 'GET', url: `/api/disasters/${id}` })))
      .json()
      .obligations.find((o: { key: string }) => o.key === `daily:${date}`);

  it('judges the day-3 report sent at 09:05 late', async () => {
    const d = await major('7·1暴雨洪涝');
    await fileFigures(t.app, w.officerA, d.id, {
      unitId: w.a.id,
      kind: 'initial',
      figures: { affected: 120 },
    });
    const { report } = await sendDaily(d.id, '2026-07-04T01:05:00Z'); // 4 July 09:05
    expect(report).toMatchObject({ kind: 'daily', forDate: '2026-07-04', recipient: 'city', onTime: false });
    expect(await daily(d.id, '2026-07-04')).toMatchObject({
      dueAt: '2026-07-04T01:00:00.000Z',
      doneAt: '2026-07-04T01:05:00.000Z',
      onTime: false,
    });
  });

  it('judges one sent at 09:00 sharp on time, and all zeros count as filed', async () => {
    const d = await major('7·1强降雨');
    const { draft, report } = await sendDaily(d.id, '2026-07-04T01:00:00Z'); // 4 July 09:00
    expect(draft.title).toBe('瑶泉区7月3日灾情零报告');
    expect(draft.text).toContain('截至7月3日24时，我区7月1日洪涝灾情无新增灾情，无因灾死亡、失踪人员。');
    expect(Object.values(draft.figures.totals).every((v) => v === 0)).toBe(true);
    expect(report).toMatchObject({ kind: 'daily', forDate: '2026-07-04', onTime: true });
    expect(await daily(d.id, '2026-07-04')).toMatchObject({
      doneAt: '2026-07-04T01:00:00.000Z',
      onTime: true,
    });
  });
});
