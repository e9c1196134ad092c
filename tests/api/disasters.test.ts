import type { Disaster, DisasterList, Filing, Victim } from '@shared/schemas/disasters';
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
import { buildUnitsWorld, createUnit, type UnitsWorld, unitPerson } from '../helpers/units';

/**
 * 灾情报送 (DESIGN §2.6, issue 17 points 1–3): the disaster process, per-township figures summed for
 * the district, the victims list and the clocks from when it happened, through the API. Times in
 * Asia/Shanghai (UTC+8, the default TZ_NAME), hand-computed.
 */
describe.each(DIALECTS)('natural disasters on %s', (dialect) => {
  // Friday 10 July 2026, 10:20 in Shanghai.
  const clock = fixedClock('2026-07-10T02:20:00.000Z');
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let w: UnitsWorld;

  beforeAll(async () => {
    t = await startApp({ dialect, clock });
    admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'wangfang', roles: ['officer'] });
    officer = await signIn(t.app, 'wangfang', USER_PASSWORD);
    w = await buildUnitsWorld(t.app, admin);
  });
  afterAll(() => t.close());

  /** Moves the clock; sessions are signed in again (a jump of days outlives them). */
  const moveTo = async (instant: string) => {
    clock.set(instant);
    admin = await signInAdmin(t.app);
    officer = await signIn(t.app, 'wangfang', USER_PASSWORD);
    w.officerA = await signIn(t.app, 'town-a', USER_PASSWORD);
    w.officerB = await signIn(t.app, 'town-b', USER_PASSWORD);
    w.officerA1 = await signIn(t.app, 'comm-a1', USER_PASSWORD);
    w.informantA1 = await signIn(t.app, 'info-a1', USER_PASSWORD);
  };
  const call = (
    s: Session,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) => t.app.inject(as(s, { method, url, ...(payload ? { payload } : {}) }));
  const create = async (body: object) => {
    const res = await call(officer, 'POST', '/api/disasters', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Disaster;
  };
  const file = async (s: Session, id: number, body: object) => {
    const res = await call(s, 'POST', `/api/disasters/${id}/filings`, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Filing;
  };
  const view = async (s: Session, id: number) => {
    const res = await call(s, 'GET', `/api/disasters/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Disaster;
  };
  const dues = (d: Disaster, kind: string) =>
    d.obligations.filter((o) => o.kind === kind).map((o) => [o.key, o.dueAt, o.dueLocal]);
  const flood = (over: object = {}) => ({
    type: 'flood',
    subtype: '暴雨洪涝',
    title: '7·10 暴雨洪涝',
    beganAt: '2026-07-10T02:00:00.000Z',
    townships: [w.a.id, w.b.id],
    ...over,
  });

  it('a flood that began at 10:00 with 12 dead or missing owes three 初报 (city, province, ministry) due 12:00', async () => {
    await moveTo('2026-07-10T02:20:00.000Z');
    const d = await create(flood());
    expect(d).toMatchObject({
      state: 'developing',
      major: false,
      severe: false,
      beganAt: '2026-07-10T02:00:00.000Z',
    });
    expect(dues(d, 'initial')).toEqual([['initial:city', '2026-07-10T04:00:00.000Z', '2026-07-10 12:00']]);

    // The township files its own; the district files for the development zone (代报).
    await moveTo('2026-07-10T02:30:00.000Z');
    const own = await file(w.officerA, d.id, {
      unitId: w.a.id,
      kind: 'initial',
      figures: { dead: 5, missing: 2, affected: 300 },
    });
    expect(own).toMatchObject({ unitId: w.a.id, unitName: '城关镇', onBehalf: false, filedBy: 'town-a' });
    const behalf = await file(officer, d.id, {
      unitId: w.b.id,
      kind: 'initial',
      figures: { dead: 4, missing: 1 },
    });
    expect(behalf.onBehalf).toBe(true);

    const after = await view(officer, d.id);
    expect(after).toMatchObject({ severe: true, major: true, severeSince: '2026-07-10T02:30:00.000Z' });
    expect(dues(after, 'initial')).toEqual([
      ['initial:city', '2026-07-10T04:00:00.000Z', '2026-07-10 12:00'],
      ['initial:ministry', '2026-07-10T04:00:00.000Z', '2026-07-10 12:00'],
      ['initial:province', '2026-07-10T04:00:00.000Z', '2026-07-10 12:00'],
    ]);
    expect(
      after.townships.map((r) => [r.name, r.figures.dead, r.figures.missing, r.onBehalf, r.filed]),
    ).toEqual([
      ['城关镇', 5, 2, false, true],
      ['经济开发区', 4, 1, true, true],
    ]);
    expect([after.totals.dead, after.totals.missing, after.totals.affected]).toEqual([9, 3, 300]);
  });

  it('9 dead or missing owes the city only; crossing 10 at 13:00 owes the province and the ministry by 15:00', async () => {
    await moveTo('2026-07-10T02:20:00.000Z');
    const d = await create(flood({ title: '山洪' }));
    await file(w.officerA, d.id, { unitId: w.a.id, kind: 'initial', figures: { dead: 6, missing: 3 } });
    expect(dues(await view(officer, d.id), 'initial')).toEqual([
      ['initial:city', '2026-07-10T04:00:00.000Z', '2026-07-10 12:00'],
    ]);
    await moveTo('2026-07-10T05:00:00.000Z');
    await file(w.officerB, d.id, { unitId: w.b.id, kind: 'update', figures: { missing: 1 } });
    const after = await view(officer, d.id);
    expect(dues(after, 'initial')).toEqual([
      ['initial:city', '2026-07-10T04:00:00.000Z', '2026-07-10 12:00'],
      ['initial:ministry', '2026-07-10T07:00:00.000Z', '2026-07-10 15:00'],
      ['initial:province', '2026-07-10T07:00:00.000Z', '2026-07-10 15:00'],
    ]);
    // The change at 13:00 (after the 初报 window) owes a 续报 by 15:00.
    expect(dues(after, 'followup_change')).toEqual([
      ['followup_change:2026-07-10T05:00:00.000Z', '2026-07-10T07:00:00.000Z', '2026-07-10 15:00'],
    ]);
  });

  it('district figures equal the sum of township figures after every edit, decimals without float noise', async () => {
    await moveTo('2026-07-10T02:20:00.000Z');
    const d = await create(flood({ title: '内涝' }));
    await file(w.officerA, d.id, {
      unitId: w.a.id,
      kind: 'initial',
      figures: { cropAffectedHa: 0.1, directLossWanYuan: 12.5, relocated: 40 },
    });
    await file(w.officerB, d.id, {
      unitId: w.b.id,
      kind: 'initial',
      figures: { cropAffectedHa: 0.2, directLossWanYuan: 7.25 },
    });
    let totals = (await view(officer, d.id)).totals;
    expect([totals.cropAffectedHa, totals.directLossWanYuan, totals.relocated]).toEqual([0.3, 19.75, 40]);
    // An edit of one figure keeps the others (omitted: the last value).
    const edited = await file(w.officerA, d.id, {
      unitId: w.a.id,
      kind: 'update',
      figures: { relocated: 55 },
    });
    expect([
      edited.figures.relocated,
      edited.figures.cropAffectedHa,
      edited.figures.directLossWanYuan,
    ]).toEqual([55, 0.1, 12.5]);
    totals = (await view(officer, d.id)).totals;
    expect([totals.cropAffectedHa, totals.directLossWanYuan, totals.relocated]).toEqual([0.3, 19.75, 55]);
    // A community's figures are shown from below, not added to the township's.
    await file(w.informantA1, d.id, {
      unitId: w.a1.id,
      kind: 'initial',
      figures: { relocated: 7 },
      note: '东街转移7人',
    });
    const withBelow = await view(officer, d.id);
    expect(withBelow.totals.relocated).toBe(55);
    expect(withBelow.fromBelow.map((f) => [f.unitName, f.figures.relocated, f.note])).toEqual([
      ['东街社区', 7, '东街转移7人'],
    ]);
    // Listed with the same totals.
    const list = (await call(officer, 'GET', '/api/disasters')).json() as DisasterList;
    expect(list.disasters.find((x) => x.id === d.id)?.totals.cropAffectedHa).toBe(0.3);
  });

  it('a township sees only its own figures, filings, victims and obligations; an unaffected one not at all', async () => {
    await moveTo('2026-07-10T02:20:00.000Z');
    const d = await create(flood({ title: '只见本镇', townships: [w.a.id] }));
    const both = await create(flood({ title: '两镇', major: true }));
    await file(w.officerA, both.id, { unitId: w.a.id, kind: 'initial', figures: { affected: 100 } });
    await file(w.officerB, both.id, { unitId: w.b.id, kind: 'initial', figures: { affected: 30 } });
    const victim = await call(w.officerA, 'POST', `/api/disasters/${both.id}/victims`, {
      unitId: w.a.id,
      name: '张三',
      status: 'missing',
      cause: '山洪冲走',
      date: '2026-07-10',
    });
    expect(victim.statusCode, victim.body).toBe(201);

    const seenByB = await view(w.officerB, both.id);
    expect(seenByB.townships.map((r) => r.unitId)).toEqual([w.b.id]);
    expect(seenByB.totals.affected).toBe(30);
    expect(seenByB.victims).toEqual([]);
    expect(seenByB.obligations.every((o) => o.unitId === w.b.id)).toBe(true);
    const filingsB = (await call(w.officerB, 'GET', `/api/disasters/${both.id}/filings`)).json()
      .filings as Filing[];
    expect(filingsB.map((f) => f.unitId)).toEqual([w.b.id]);

    // A community under A sees only its own (DESIGN §2.7): not its township's row, totals, deadlines
    // or list of the dead, and not a sibling community's report; the township sees both reports.
    const a2 = await createUnit(t.app, admin, {
      parentId: w.a.id,
      kind: 'community',
      name: '西街社区',
      code: 'C-A2',
    });
    const informantA2 = (
      await unitPerson(t.app, admin, {
        username: 'info-a2',
        roles: ['informant'],
        unitId: a2.id,
        informantRole: 'A',
      })
    ).session;
    await file(w.informantA1, both.id, { unitId: w.a1.id, kind: 'initial', figures: { affected: 7 } });
    await file(informantA2, both.id, { unitId: a2.id, kind: 'initial', figures: { affected: 5 } });
    const seenByA1 = await view(w.officerA1, both.id);
    expect(seenByA1.townships).toEqual([]);
    expect(seenByA1.victims).toEqual([]);
    expect(seenByA1.obligations).toEqual([]);
    expect(seenByA1.totals.affected).toBe(7);
    expect(seenByA1.fromBelow.map((f) => f.unitId)).toEqual([w.a1.id]);
    const filingsA1 = (await call(w.officerA1, 'GET', `/api/disasters/${both.id}/filings`)).json()
      .filings as Filing[];
    expect(filingsA1.map((f) => f.unitId)).toEqual([w.a1.id]);
    const listA1 = (await call(w.officerA1, 'GET', '/api/disasters')).json() as DisasterList;
    expect(listA1.disasters.find((x) => x.id === both.id)?.totals.affected).toBe(7);
    expect(
      (
        await call(w.officerA1, 'PATCH', `/api/disasters/${both.id}/victims/${victim.json().id}`, {
          note: 'x',
        })
      ).statusCode,
    ).toBe(404);
    const seenByA = await view(w.officerA, both.id);
    expect(seenByA.fromBelow.map((f) => f.unitId).sort()).toEqual([w.a1.id, a2.id].sort());
    expect(seenByA.totals.affected).toBe(100);

    // Not affected: 404, as for one that does not exist, and not listed.
    expect((await call(w.officerB, 'GET', `/api/disasters/${d.id}`)).statusCode).toBe(404);
    expect((await call(w.officerB, 'GET', '/api/disasters/987654')).statusCode).toBe(404);
    expect((await call(w.officerB, 'GET', `/api/disasters/${d.id}/filings`)).statusCode).toBe(404);
    const listB = (await call(w.officerB, 'GET', '/api/disasters')).json() as DisasterList;
    expect(listB.disasters.some((x) => x.id === d.id)).toBe(false);
    expect(listB.disasters.find((x) => x.id === both.id)?.totals.affected).toBe(30);
    // B may not file for A, nor touch A's victim.
    expect(
      (
        await call(w.officerB, 'POST', `/api/disasters/${both.id}/filings`, {
          unitId: w.a.id,
          kind: 'update',
          nothingNew: true,
        })
      ).statusCode,
    ).toBe(404);
    const victimId = (victim.json() as Victim).id;
    expect(
      (await call(w.officerB, 'PATCH', `/api/disasters/${both.id}/victims/${victimId}`, { cause: '改' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await call(w.officerB, 'DELETE', `/api/disasters/${both.id}/victims/${victimId}`)).statusCode,
    ).toBe(404);
    // The district sees both townships and the victim.
    const district = await view(officer, both.id);
    expect(district.townships.map((r) => r.unitId)).toEqual([w.a.id, w.b.id]);
    expect(district.totals.affected).toBe(130);
    expect(district.victims.map((v) => [v.name, v.unitName, v.status])).toEqual([
      ['张三', '城关镇', 'missing'],
    ]);
  });

  it('keeps the 因灾死亡失踪人员 list: the township for its own, the district for all, each change an event', async () => {
    await moveTo('2026-07-10T02:20:00.000Z');
    const d = await create(flood({ title: '名单' }));
    const add = await call(officer, 'POST', `/api/disasters/${d.id}/victims`, {
      unitId: w.b.id,
      name: '李四',
      status: 'dead',
      cause: '房屋倒塌',
      date: '2026-07-10',
      note: '67岁',
    });
    expect(add.statusCode, add.body).toBe(201);
    const v = add.json() as Victim;
    expect(v).toMatchObject({
      unitId: w.b.id,
      unitName: '经济开发区',
      name: '李四',
      status: 'dead',
      note: '67岁',
    });
    // A community does not keep the list.
    expect(
      (
        await call(w.officerA1, 'POST', `/api/disasters/${d.id}/victims`, {
          unitId: w.a.id,
          name: '王五',
          status: 'dead',
          cause: '溺水',
          date: '2026-07-10',
        })
      ).statusCode,
    ).toBe(403);
    const patched = await call(w.officerB, 'PATCH', `/api/disasters/${d.id}/victims/${v.id}`, {
      status: 'missing',
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((patched.json() as Victim).status).toBe('missing');
    const removed = await call(officer, 'DELETE', `/api/disasters/${d.id}/victims/${v.id}`);
    expect(removed.statusCode).toBe(200);
    expect((await view(officer, d.id)).victims).toEqual([]);
    const events = await t.app.db
      .selectFrom('events')
      .select(['type', 'unit_path as unit'])
      .where('subject', '=', `disaster:${d.id}`)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => [e.type, e.unit])).toEqual([
      ['disaster.created', '/1/'],
      ['disaster.victim_recorded', w.b.path],
      ['disaster.victim_updated', w.b.path],
      ['disaster.victim_removed', w.b.path],
    ]);
  });

  it('daily township filings on day 3 of an unstable major disaster: 08:00 on time, 08:05 late, all zeros count as filed', async () => {
    await moveTo('2026-07-10T02:20:00.000Z');
    const d = await create(flood({ title: '重大洪涝', major: true }));
    // Sunday 12 July, 08:00 sharp: the development zone files all zeros (nothing lost there).
    await moveTo('2026-07-12T00:00:00.000Z');
    const zeros = await file(w.officerB, d.id, {
      unitId: w.b.id,
      kind: 'daily',
      figures: { affected: 0, dead: 0, missing: 0, relocated: 0 },
    });
    expect(zeros.forDate).toBe('2026-07-12');
    await moveTo('2026-07-12T00:05:00.000Z');
    await file(w.officerA, d.id, { unitId: w.a.id, kind: 'daily', nothingNew: true });
    const day3 = (await view(officer, d.id)).obligations.filter((o) => o.key.endsWith(':2026-07-12'));
    expect(day3.map((o) => [o.key, o.dueLocal, o.doneAt, o.onTime])).toEqual([
      [`township_daily:${w.a.id}:2026-07-12`, '2026-07-12 08:00', '2026-07-12T00:05:00.000Z', false],
      [`township_daily:${w.b.id}:2026-07-12`, '2026-07-12 08:00', '2026-07-12T00:00:00.000Z', true],
      ['daily:2026-07-12', '2026-07-12 09:00', null, null],
    ]);
  });

  it('raises each overdue obligation once, for its township, and the scanner adds the new days', async () => {
    await moveTo('2026-07-10T02:20:00.000Z');
    const d = await create(flood({ title: '逾期', major: true, townships: [w.a.id] }));
    await file(officer, d.id, { unitId: w.a.id, kind: 'initial', figures: { affected: 1 } });
    // Monday 13 July 09:30: 11 and 12 July are overdue, 13 July's district report too.
    await moveTo('2026-07-13T01:30:00.000Z');
    await t.app.scanner.runOnce();
    await t.app.scanner.runOnce();
    const raised = await t.app.db
      .selectFrom('events')
      .select(['payload', 'unit_path as unit'])
      .where('type', '=', 'disaster.overdue')
      .where('subject', '=', `disaster:${d.id}`)
      .orderBy('seq')
      .execute();
    const keys = raised.map((e) => {
      const p = (typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload) as {
        obligation: { key: string };
      };
      return [p.obligation.key, e.unit];
    });
    expect(keys.sort()).toEqual(
      [
        ['daily:2026-07-11', '/1/'],
        ['daily:2026-07-12', '/1/'],
        ['daily:2026-07-13', '/1/'],
        ['initial:city', '/1/'],
        [`township_daily:${w.a.id}:2026-07-11`, w.a.path],
        [`township_daily:${w.a.id}:2026-07-12`, w.a.path],
        [`township_daily:${w.a.id}:2026-07-13`, w.a.path],
      ].sort(),
    );
    // The next day's appeared with the scan (up to a day ahead).
    const next = (await view(officer, d.id)).obligations.find((o) => o.key === 'daily:2026-07-14');
    expect(next).toMatchObject({ dueAt: '2026-07-14T01:00:00.000Z', overdue: false });
  });

  it('drought: 初报 on day 0, 续报 due on days 10 and 20', async () => {
    await moveTo('2026-06-01T01:00:00.000Z');
    const d = await create({
      type: 'drought',
      title: '夏旱',
      beganAt: '2026-06-01T00:00:00.000Z',
      townships: [w.a.id],
    });
    expect(dues(d, 'initial')).toEqual([['initial:city', '2026-06-01T02:00:00.000Z', '2026-06-01 10:00']]);
    expect(dues(d, 'periodic')).toEqual([['periodic:1', '2026-06-11T00:00:00.000Z', '2026-06-11 08:00']]);
    await moveTo('2026-06-11T02:00:00.000Z');
    await t.app.scanner.runOnce();
    expect(dues(await view(officer, d.id), 'periodic')).toEqual([
      ['periodic:1', '2026-06-11T00:00:00.000Z', '2026-06-11 08:00'],
      ['periodic:2', '2026-06-21T00:00:00.000Z', '2026-06-21 08:00'],
    ]);
  });

  it('"stable" on Thursday 30 April 2026 before 劳动节: 核报 skip the holiday and count the make-up workday', async () => {
    await moveTo('2026-04-28T03:00:00.000Z');
    const d = await create(flood({ title: '春汛', beganAt: '2026-04-28T02:00:00.000Z' }));
    await moveTo('2026-04-30T02:00:00.000Z');
    const res = await call(officer, 'POST', `/api/disasters/${d.id}/state`, { state: 'stable' });
    expect(res.statusCode, res.body).toBe(200);
    const stable = res.json() as Disaster;
    expect(stable).toMatchObject({ state: 'stable', stableAt: '2026-04-30T02:00:00.000Z' });
    // Townships: 1–5 May holiday, 6 May (1), 7 May (2). District: 8 May (1), Saturday 9 May make-up (2), 11 May (3).
    expect(
      stable.obligations.filter((o) => o.kind.endsWith('verify')).map((o) => [o.key, o.dueAt, o.dueLocal]),
    ).toEqual([
      [`township_verify:${w.a.id}`, '2026-05-07T16:00:00.000Z', '2026-05-07 24:00'],
      [`township_verify:${w.b.id}`, '2026-05-07T16:00:00.000Z', '2026-05-07 24:00'],
      ['verify', '2026-05-11T16:00:00.000Z', '2026-05-11 24:00'],
    ]);
    // The township's verified figures meet its 核报.
    await moveTo('2026-05-07T08:00:00.000Z');
    await file(w.officerA, d.id, { unitId: w.a.id, kind: 'verified', figures: { affected: 12 } });
    const mine = (await view(w.officerA, d.id)).obligations.find((o) => o.kind === 'township_verify');
    expect(mine).toMatchObject({ doneAt: '2026-05-07T08:00:00.000Z', onTime: true });
    // Closed: figures are final.
    await moveTo('2026-05-12T02:00:00.000Z');
    expect(
      (await call(officer, 'POST', `/api/disasters/${d.id}/state`, { state: 'closed' })).statusCode,
    ).toBe(200);
    expect(
      (
        await call(w.officerA, 'POST', `/api/disasters/${d.id}/filings`, {
          unitId: w.a.id,
          kind: 'update',
          nothingNew: true,
        })
      ).statusCode,
    ).toBe(409);
  });

  it('核报 follow the calendar in force: a holiday added by an administrator is skipped', async () => {
    await moveTo('2026-03-02T03:00:00.000Z');
    const put = await call(admin, 'PUT', '/api/calendar/days', {
      days: [{ date: '2026-03-04', kind: 'holiday', festival: null, name: '临时调整' }],
    });
    expect(put.statusCode, put.body).toBe(200);
    const d = await create(
      flood({ title: '三月', beganAt: '2026-03-02T02:00:00.000Z', townships: [w.a.id] }),
    );
    // Stable Tuesday 3 March: Wednesday 4 March now a holiday, Thursday 5 (1), Friday 6 (2) → 6 March 24:00;
    // the district: Monday 9 (1), Tuesday 10 (2), Wednesday 11 (3) → 11 March 24:00.
    await moveTo('2026-03-03T02:00:00.000Z');
    const res = await call(officer, 'POST', `/api/disasters/${d.id}/state`, { state: 'stable' });
    expect(res.statusCode, res.body).toBe(200);
    expect(
      (res.json() as Disaster).obligations
        .filter((o) => o.kind.endsWith('verify'))
        .map((o) => [o.key, o.dueLocal]),
    ).toEqual([
      [`township_verify:${w.a.id}`, '2026-03-06 24:00'],
      ['verify', '2026-03-11 24:00'],
    ]);
  });

  it('refuses what makes no sense, with the field named', async () => {
    await moveTo('2026-07-10T02:20:00.000Z');
    const ahead = await call(
      officer,
      'POST',
      '/api/disasters',
      flood({ beganAt: '2026-07-10T02:26:00.000Z' }),
    );
    expect([ahead.statusCode, ahead.json().error.code]).toEqual([400, 'DUTY_ERR_VALIDATION']);
    expect(ahead.json().error.message).toContain('body.beganAt');
    expect(
      (await call(officer, 'POST', '/api/disasters', flood({ beganAt: '2026-07-10T02:25:00.000Z' })))
        .statusCode,
    ).toBe(201);
    const community = await call(officer, 'POST', '/api/disasters', flood({ townships: [w.a1.id] }));
    expect([community.statusCode, community.json().error.message]).toEqual([
      400,
      expect.stringContaining('body.townships'),
    ]);
    // Units do not record disasters (the district's room does).
    expect((await call(w.officerA, 'POST', '/api/disasters', flood())).statusCode).toBe(403);
    const d = await create(flood({ title: '校验' }));
    expect((await call(w.officerA, 'PATCH', `/api/disasters/${d.id}`, { title: 'x' })).statusCode).toBe(403);
    const bad = async (body: object) => {
      const res = await call(w.officerA, 'POST', `/api/disasters/${d.id}/filings`, body);
      return [res.statusCode, res.json().error?.code];
    };
    expect(await bad({ unitId: w.a.id, kind: 'update', figures: { dead: -1 } })).toEqual([
      400,
      'DUTY_ERR_VALIDATION',
    ]);
    expect(await bad({ unitId: w.a.id, kind: 'update', figures: { dead: 1.5 } })).toEqual([
      400,
      'DUTY_ERR_VALIDATION',
    ]);
    expect(await bad({ unitId: w.a.id, kind: 'update', figures: { dead: 1 }, nothingNew: true })).toEqual([
      400,
      'DUTY_ERR_VALIDATION',
    ]);
    expect(await bad({ unitId: w.a.id, kind: 'update' })).toEqual([400, 'DUTY_ERR_VALIDATION']);
    expect(await bad({ unitId: w.a.id, kind: 'update', figures: { deaths: 1 } })).toEqual([
      400,
      'DUTY_ERR_VALIDATION',
    ]);
    expect(await bad({ unitId: 2_147_483_648, kind: 'update', nothingNew: true })).toEqual([
      400,
      'DUTY_ERR_VALIDATION',
    ]);
    expect(await bad({ unitId: w.a.id, kind: 'daily', forDate: '2026-02-30', nothingNew: true })).toEqual([
      400,
      'DUTY_ERR_VALIDATION',
    ]);
    const victim = await call(w.officerA, 'POST', `/api/disasters/${d.id}/victims`, {
      unitId: w.a.id,
      name: '某',
      status: 'dead',
      cause: '溺水',
      date: '2026-13-01',
    });
    expect([victim.statusCode, victim.json().error.message]).toEqual([
      400,
      expect.stringContaining('body.date'),
    ]);
    // A state at a future instant, or twice the same.
    expect(
      (
        await call(officer, 'POST', `/api/disasters/${d.id}/state`, {
          state: 'stable',
          at: '2026-07-10T03:00:00.000Z',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await call(officer, 'POST', `/api/disasters/${d.id}/state`, { state: 'developing' })).statusCode,
    ).toBe(409);
  });

  it('records lean events: a filing carries the filing, for its unit; the header for every unit', async () => {
    await moveTo('2026-07-10T02:20:00.000Z');
    const d = await create(flood({ title: '事件' }));
    await file(w.informantA1, d.id, { unitId: w.a1.id, kind: 'initial', figures: { relocated: 3 } });
    const patched = await call(officer, 'PATCH', `/api/disasters/${d.id}`, {
      reliefText: '已转移群众',
      major: true,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const events = await t.app.db
      .selectFrom('events')
      .select(['type', 'unit_path as unit', 'payload'])
      .where('subject', '=', `disaster:${d.id}`)
      .orderBy('seq')
      .execute();
    const payloads = events.map((e) => (typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload));
    expect(events.map((e) => [e.type, e.unit])).toEqual([
      ['disaster.created', '/1/'],
      ['disaster.figures_filed', w.a1.path],
      ['disaster.updated', '/1/'],
    ]);
    expect(Object.keys(payloads[1])).toEqual(['filing']);
    expect(payloads[1].filing).toMatchObject({ unitId: w.a1.id, onBehalf: false, filedBy: 'info-a1' });
    expect(Object.keys(payloads[2]).sort()).toEqual(['changed', 'disaster']);
    expect(payloads[2].changed).toEqual(['reliefText', 'major']);
    expect(payloads[2].disaster).not.toHaveProperty('totals');
    // Every unit receives the header: the district's clocks stay out of it.
    expect(payloads[2].disaster).not.toHaveProperty('nextDueAt');
    expect(payloads[2].disaster).not.toHaveProperty('overdue');
    expect(payloads[2].disaster.major).toBe(true);
  });
});
