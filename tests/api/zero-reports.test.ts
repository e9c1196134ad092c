import type { ZeroRequest } from '@shared/schemas/zero-reports';
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
import { addUnit, DISTRICT, unitPerson } from '../helpers/unit-fixtures';

/**
 * Zero reports (零报告): the district asks a set of units for a daily report by a local cut-off; each
 * unit files "无新增" in one tap or a few figures; a reminder before the cut-off and a miss strictly
 * after it, once per unit and date. Times are Asia/Shanghai (UTC+8): 2026-03-10T22:30Z is 06:30 on
 * 11 March there, while the UTC date is still the 10th.
 */
const START = '2026-03-10T22:30:00.000Z'; // 2026-03-11 06:30 local
const CUTOFF_0311 = '2026-03-11T00:00:00.000Z'; // 2026-03-11 08:00 local

type Place = { id: number; path: string; name: string };

describe.each(DIALECTS)('zero reports on %s', (dialect) => {
  const clock = fixedClock(START);
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let T1: Place;
  let T2: Place;
  let T3: Place;
  let C11: Place;
  let V21: Place;
  let t1: Session;
  let t2: Session;
  let t3: Session;
  let c11: Session;

  const create = async (payload: object, who: Session = officer) =>
    t.app.inject(as(who, { method: 'POST', url: '/api/zero-reports', payload }));
  const created = async (payload: object): Promise<ZeroRequest> => {
    const res = await create(payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const file = (who: Session, id: number, payload: object) =>
    t.app.inject(as(who, { method: 'POST', url: `/api/zero-reports/${id}/filings`, payload }));
  const get = async (who: Session, url: string) => t.app.inject(as(who, { method: 'GET', url }));
  const stateOf = (req: ZeroRequest) => Object.fromEntries(req.today.units.map((u) => [u.name, u.state]));
  const events = async (type: string, requestId: number) =>
    (
      (await eventsOf(type)) as {
        payload: { requestId: number; unitId: number; forDate: string };
        unit: string;
      }[]
    ).filter((e) => e.payload.requestId === requestId);

  const eventsOf = async (type: string) => {
    const res = await get(admin, `/api/events?after=0&limit=1000&type=${type}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().events;
  };

  beforeAll(async () => {
    // The clock moves over a day and back: sessions must outlive it.
    t = await startApp({
      dialect,
      clock,
      config: { sessionIdleMinutes: 7 * 24 * 60, sessionMaxHours: 24 * 30 },
    });
    admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'o1', roles: ['officer', 'leader'] });
    officer = await signIn(t.app, 'o1', USER_PASSWORD);
    T1 = await addUnit(t.app, DISTRICT, { name: '甲镇', kind: 'township', code: 'T1' });
    T2 = await addUnit(t.app, DISTRICT, { name: '乙镇', kind: 'township', code: 'T2' });
    T3 = await addUnit(t.app, DISTRICT, { name: '丙街道', kind: 'street', code: 'T3' });
    C11 = await addUnit(t.app, T1, { name: '甲一社区', kind: 'community', code: 'C11' });
    V21 = await addUnit(t.app, T2, { name: '乙一村', kind: 'village', code: 'V21' });
    t1 = await unitPerson(t.app, admin, T1.id, { username: 'town1', roles: ['officer'] });
    t2 = await unitPerson(t.app, admin, T2.id, { username: 'town2', roles: ['officer'] });
    t3 = await unitPerson(t.app, admin, T3.id, { username: 'town3', roles: ['officer'] });
    c11 = await unitPerson(t.app, admin, C11.id, {
      username: 'info-c11',
      roles: ['informant'],
      informantRole: 'A',
    });
  });
  afterAll(() => t.close());

  it('asks the units of each scope', async () => {
    clock.set(START);
    const ids = (r: ZeroRequest) => r.units.map((u) => u.unitId);
    const base = { cutoff: '08:00' };
    expect(ids(await created({ ...base, title: '全区', scope: 'all' }))).toEqual([T1.id, T2.id, T3.id]);
    expect(ids(await created({ ...base, title: '社区', scope: 'all', level: 'community' }))).toEqual([
      C11.id,
      V21.id,
    ]);
    // In tree order: 乙一村 (under 乙镇) before 丙街道.
    expect(ids(await created({ ...base, title: '名单', scope: 'units', unitIds: [T3.id, V21.id] }))).toEqual([
      V21.id,
      T3.id,
    ]);

    // A warning's area names townships by code or by name; an empty area is the whole district.
    const warn = async (area: string[]) => {
      const res = await t.app.inject(
        as(officer, {
          method: 'POST',
          url: '/api/warnings',
          payload: {
            type: 'rainstorm',
            level: 'orange',
            issuer: '区气象台',
            issuedAt: START,
            area,
            text: '暴雨橙色预警',
          },
        }),
      );
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as number;
    };
    const someArea = await created({
      ...base,
      title: '预警',
      scope: 'warning',
      refId: await warn(['T1', '乙镇']),
    });
    expect(ids(someArea)).toEqual([T1.id, T2.id]);
    expect(someArea).toMatchObject({ reason: 'warning' });
    const wholeArea = await created({ ...base, title: '预警全区', scope: 'warning', refId: await warn([]) });
    expect(ids(wholeArea)).toEqual([T1.id, T2.id, T3.id]);
    const noWarning = await create({ ...base, title: 'x', scope: 'warning', refId: 99999 });
    expect(noWarning.statusCode).toBe(400);

    // An active response asks every township; an ended one asks nobody.
    const start = await t.app.inject(
      as(officer, {
        method: 'POST',
        url: '/api/responses',
        payload: { headquarters: 'flood_drought', level: 'IV', orderText: '启动防汛Ⅳ级应急响应' },
      }),
    );
    expect(start.statusCode, start.body).toBe(201);
    const response = await created({ ...base, title: '响应', scope: 'response', refId: start.json().id });
    expect([ids(response), response.reason, response.refId]).toEqual([
      [T1.id, T2.id, T3.id],
      'response',
      start.json().id,
    ]);
    const end = await t.app.inject(
      as(officer, { method: 'POST', url: `/api/responses/${start.json().id}/end`, payload: {} }),
    );
    expect(end.statusCode, end.body).toBe(200);
    expect(
      (await create({ ...base, title: 'x', scope: 'response', refId: start.json().id })).statusCode,
    ).toBe(422);

    // 重点时段: from 11 March 2026 the next key festival's days off are 五一, 1–5 May.
    const key = await created({ ...base, title: '五一零报告', scope: 'key_period' });
    expect(key).toMatchObject({ reason: 'key_period', firstDate: '2026-05-01', lastDate: '2026-05-05' });
    expect(ids(key)).toEqual([T1.id, T2.id, T3.id]);

    // Only the district asks.
    expect((await create({ ...base, title: 'x', scope: 'all' }, t1)).statusCode).toBe(403);
  });

  it('a request asked for a warning or a response ends with it, as of that moment: its later rounds are not asked and raise no miss', async () => {
    clock.set(START);
    const base = { cutoff: '08:00' };
    const issued = await t.app.inject(
      as(officer, {
        method: 'POST',
        url: '/api/warnings',
        payload: {
          type: 'gale',
          level: 'yellow',
          issuer: '区气象台',
          issuedAt: START,
          area: [],
          text: '大风黄色预警',
        },
      }),
    );
    expect(issued.statusCode, issued.body).toBe(201);
    const started = await t.app.inject(
      as(officer, {
        method: 'POST',
        url: '/api/responses',
        payload: { headquarters: 'flood_drought', level: 'IV', orderText: '启动防汛Ⅳ级应急响应' },
      }),
    );
    expect(started.statusCode, started.body).toBe(201);
    const onWarning = await created({
      ...base,
      title: '大风期间零报告',
      scope: 'warning',
      refId: issued.json().id,
    });
    const onResponse = await created({
      ...base,
      title: '响应期间零报告',
      scope: 'response',
      refId: started.json().id,
    });
    const byHand = await created({ ...base, title: '手动零报告', scope: 'units', unitIds: [T3.id] });
    await t.app.scanner.runOnce();
    const read = async (id: number) => (await get(officer, `/api/zero-reports/${id}`)).json() as ZeroRequest;
    for (const r of [onWarning, onResponse, byHand]) expect((await read(r.id)).endedAt).toBeNull();

    // 07:00 local: the warning is lifted and the response ended, an hour before the cut-off.
    const at = '2026-03-10T23:00:00.000Z';
    clock.set(at);
    const lifted = await t.app.inject(
      as(officer, { method: 'POST', url: `/api/warnings/${issued.json().id}/lift`, payload: {} }),
    );
    expect(lifted.statusCode, lifted.body).toBe(200);
    const ended = await t.app.inject(
      as(officer, { method: 'POST', url: `/api/responses/${started.json().id}/end`, payload: {} }),
    );
    expect(ended.statusCode, ended.body).toBe(200);
    clock.set('2026-03-10T23:00:05.000Z');
    await t.app.scanner.runOnce();
    for (const r of [onWarning, onResponse]) {
      const now = await read(r.id);
      expect(now).toMatchObject({ endedAt: at, endedBy: 'system' });
      expect(now.today.asked).toBe(false);
    }
    expect((await read(byHand.id)).endedAt).toBeNull();
    const endedEvents = (await eventsOf('zero_report.ended')) as {
      actor: string;
      payload: { request: { id: number } };
    }[];
    const endedOf = (id: number) => endedEvents.filter((e) => e.payload.request.id === id);
    expect(endedOf(onWarning.id)).toEqual([expect.objectContaining({ actor: 'system' })]);
    expect(endedOf(onResponse.id)).toHaveLength(1);

    // Past the cut-off: only the request made by hand raises misses; a second pass ends nothing again.
    clock.set('2026-03-11T00:00:00.001Z');
    await t.app.scanner.runOnce();
    await t.app.scanner.runOnce();
    expect(await events('zero_report.missed', onWarning.id)).toEqual([]);
    expect(await events('zero_report.missed', onResponse.id)).toEqual([]);
    expect((await events('zero_report.missed', byHand.id)).map((e) => e.payload.unitId)).toEqual([T3.id]);
    const endedAgain = (await eventsOf('zero_report.ended')) as { payload: { request: { id: number } } }[];
    expect(endedAgain.filter((e) => e.payload.request.id === onWarning.id)).toHaveLength(1);
    // Ended, a request takes no filing.
    expect((await file(t1, onWarning.id, { unitId: T1.id, nothingNew: true })).statusCode).toBe(409);
  });

  it('takes "无新增" in one tap; the district sees who has filed and who has not', async () => {
    clock.set(START);
    const req = await created({ title: '今日零报告', scope: 'all', cutoff: '08:00' });
    // "Today" is the local date: 11 March, although the UTC date is the 10th.
    expect(req).toMatchObject({ firstDate: '2026-03-11', lastDate: null, remindMinutes: 60 });
    expect(req.today).toMatchObject({ date: '2026-03-11', cutoffAt: CUTOFF_0311, asked: true, notFiled: 3 });
    const res = await file(t1, req.id, { unitId: T1.id, nothingNew: true });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      requestId: req.id,
      unitId: T1.id,
      unitName: '甲镇',
      forDate: '2026-03-11',
      nothingNew: true,
      figures: null,
      filedAt: START,
      late: false,
    });
    const view = (await get(officer, `/api/zero-reports/${req.id}`)).json() as ZeroRequest;
    expect(stateOf(view)).toEqual({ 甲镇: 'filed', 乙镇: 'pending', 丙街道: 'pending' });
    expect([view.today.missing, view.today.notFiled]).toEqual([0, 2]);
    // The unit's own asks: filed.
    const mine = (await get(t1, '/api/zero-reports/mine')).json().asks;
    expect(mine.find((a: { requestId: number }) => a.requestId === req.id)).toMatchObject({
      forDate: '2026-03-11',
      cutoffAt: CUTOFF_0311,
      filed: true,
      state: 'filed',
    });
    // Neither both nor none of nothingNew and figures.
    expect((await file(t2, req.id, { unitId: T2.id })).statusCode).toBe(400);
    expect(
      (await file(t2, req.id, { unitId: T2.id, nothingNew: true, figures: { dead: 1 } })).statusCode,
    ).toBe(400);
    expect((await file(t2, req.id, { unitId: T2.id, figures: { dead: -1 } })).statusCode).toBe(400);
  });

  it('a filing exactly at the cut-off is on time, one after it is late; past the cut-off the unfiled are missing', async () => {
    clock.set(START);
    const req = await created({ title: '截止', scope: 'all', cutoff: '08:00' });
    clock.set(CUTOFF_0311);
    const onTime = await file(t1, req.id, { unitId: T1.id, nothingNew: true });
    expect(onTime.json()).toMatchObject({ late: false, filedAt: CUTOFF_0311 });
    clock.set('2026-03-11T00:00:00.001Z');
    const late = await file(t2, req.id, { unitId: T2.id, figures: { affected: 12, directLossWanYuan: 3.5 } });
    expect(late.json()).toMatchObject({
      late: true,
      nothingNew: false,
      figures: { affected: 12, directLossWanYuan: 3.5 },
    });
    const view = (await get(officer, `/api/zero-reports/${req.id}`)).json() as ZeroRequest;
    expect(stateOf(view)).toEqual({ 甲镇: 'filed', 乙镇: 'late', 丙街道: 'missing' });
    expect([view.today.missing, view.today.notFiled]).toEqual([1, 1]);
  });

  it('a second filing keeps the first instant and updates the content', async () => {
    clock.set(START);
    const req = await created({ title: '更正', scope: 'all', cutoff: '08:00' });
    await file(t3, req.id, { unitId: T3.id, nothingNew: true });
    clock.set('2026-03-11T01:00:00.000Z'); // 09:00 local, after the cut-off
    const again = await file(t3, req.id, { unitId: T3.id, figures: { relocated: 40 }, note: '转移安置' });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({
      filedAt: START,
      updatedAt: '2026-03-11T01:00:00.000Z',
      late: false,
      nothingNew: false,
      figures: { relocated: 40 },
      note: '转移安置',
    });
    const view = (await get(officer, `/api/zero-reports/${req.id}`)).json() as ZeroRequest;
    expect(view.today.units.find((u) => u.unitId === T3.id)).toMatchObject({
      state: 'filed',
      filedAt: START,
      figures: { relocated: 40 },
    });
    const filed = await eventsOf('zero_report.filed');
    const mine = filed.filter(
      (e: { payload: { filing: { requestId: number } } }) => e.payload.filing.requestId === req.id,
    );
    expect(mine.map((e: { payload: { first: boolean } }) => e.payload.first)).toEqual([true, false]);
  });

  it("a unit files for itself or a unit below, never a sibling's, and sees only its own asks", async () => {
    clock.set(START);
    const both = await created({ title: '甲乙', scope: 'units', unitIds: [T1.id, T2.id], cutoff: '08:00' });
    const onlyT2 = await created({ title: '乙', scope: 'units', unitIds: [T2.id], cutoff: '08:00' });
    const communities = await created({ title: '社区', scope: 'all', level: 'community', cutoff: '08:00' });
    expect((await file(t1, both.id, { unitId: T2.id, nothingNew: true })).statusCode).toBe(404);
    expect((await file(t1, onlyT2.id, { unitId: T2.id, nothingNew: true })).statusCode).toBe(404);
    // Its own unit, but not asked by this request.
    expect((await file(t1, onlyT2.id, { unitId: T1.id, nothingNew: true })).statusCode).toBe(404);
    expect((await get(t1, `/api/zero-reports/${onlyT2.id}`)).statusCode).toBe(404);
    const view = (await get(t1, `/api/zero-reports/${both.id}`)).json() as ZeroRequest;
    expect(view.units.map((u) => u.name)).toEqual(['甲镇']);
    expect(view.today.units.map((u) => u.name)).toEqual(['甲镇']);
    const list = (await get(t1, '/api/zero-reports')).json().requests as ZeroRequest[];
    expect(list.some((r) => r.id === onlyT2.id)).toBe(false);
    expect(list.find((r) => r.id === communities.id)?.units.map((u) => u.name)).toEqual(['甲一社区']);
    // The community's informant files for its community; not for its township.
    expect((await file(c11, communities.id, { unitId: C11.id, nothingNew: true })).statusCode).toBe(201);
    expect((await file(c11, both.id, { unitId: T1.id, nothingNew: true })).statusCode).toBe(404);
    // The township sees its community's filing; the sibling township sees nothing of it.
    const town = (await get(t1, `/api/zero-reports/${communities.id}`)).json() as ZeroRequest;
    expect(stateOf(town)).toEqual({ 甲一社区: 'filed' });
    expect(stateOf((await get(t2, `/api/zero-reports/${communities.id}`)).json())).toEqual({
      乙一村: 'pending',
    });
    // The district may file on a unit's behalf.
    expect((await file(officer, both.id, { unitId: T2.id, nothingNew: true })).statusCode).toBe(201);
  });

  it('reminds the unfiled once at cut-off − remindMinutes, and raises a miss once strictly after the cut-off', async () => {
    clock.set(START);
    const req = await created({ title: '提醒', scope: 'all', cutoff: '08:00', remindMinutes: 30 });
    await file(t1, req.id, { unitId: T1.id, nothingNew: true });
    // 07:29:59.999 local: not yet.
    clock.set('2026-03-10T23:29:59.999Z');
    await t.app.scanner.runOnce();
    expect(await events('zero_report.reminded', req.id)).toEqual([]);
    // 07:30 local: 乙镇 and 丙街道, each once, each to its own unit.
    clock.set('2026-03-10T23:30:00.000Z');
    await t.app.scanner.runOnce();
    await t.app.scanner.runOnce();
    const reminded = await events('zero_report.reminded', req.id);
    expect(reminded.map((e) => [e.payload.unitId, e.payload.forDate, e.unit]).sort()).toEqual(
      [
        [T2.id, '2026-03-11', T2.path],
        [T3.id, '2026-03-11', T3.path],
      ].sort(),
    );
    // Exactly at the cut-off: 乙镇 files on time; nobody is missed yet.
    clock.set(CUTOFF_0311);
    await file(t2, req.id, { unitId: T2.id, nothingNew: true });
    await t.app.scanner.runOnce();
    expect(await events('zero_report.missed', req.id)).toEqual([]);
    // One millisecond later: 丙街道 is missed, once.
    clock.set('2026-03-11T00:00:00.001Z');
    await t.app.scanner.runOnce();
    await t.app.scanner.runOnce();
    const missed = await events('zero_report.missed', req.id);
    expect(missed.map((e) => [e.payload.unitId, e.payload.forDate, e.unit])).toEqual([
      [T3.id, '2026-03-11', T3.path],
    ]);
    // 丙街道's console is told; 乙镇's is not.
    expect((await get(t3, `/api/zero-reports/${req.id}`)).json().today.units[0].state).toBe('missing');
    // The next day asks again: a reminder at 07:30 on 12 March.
    clock.set('2026-03-11T23:30:00.000Z');
    await t.app.scanner.runOnce();
    const next = (await events('zero_report.reminded', req.id)).filter(
      (e) => e.payload.forDate === '2026-03-12',
    );
    expect(next).toHaveLength(3);
  });

  it('an ended request stops asking: no reminder, no miss, no filing', async () => {
    clock.set(START);
    const req = await created({ title: '结束', scope: 'all', cutoff: '08:00' });
    const end = await t.app.inject(as(officer, { method: 'POST', url: `/api/zero-reports/${req.id}/end` }));
    expect(end.statusCode, end.body).toBe(200);
    expect(end.json()).toMatchObject({ endedAt: START, endedBy: 'o1' });
    expect(end.json().today.asked).toBe(false);
    expect(
      (await t.app.inject(as(officer, { method: 'POST', url: `/api/zero-reports/${req.id}/end` })))
        .statusCode,
    ).toBe(409);
    expect(
      (await t.app.inject(as(t1, { method: 'POST', url: `/api/zero-reports/${req.id}/end` }))).statusCode,
    ).toBe(403);
    clock.set('2026-03-11T00:00:01.000Z');
    await t.app.scanner.runOnce();
    expect(await events('zero_report.reminded', req.id)).toEqual([]);
    expect(await events('zero_report.missed', req.id)).toEqual([]);
    expect((await file(t1, req.id, { unitId: T1.id, nothingNew: true })).statusCode).toBe(409);
    const mine = (await get(t1, '/api/zero-reports/mine')).json().asks as { requestId: number }[];
    expect(mine.some((a) => a.requestId === req.id)).toBe(false);
    const active = (await get(officer, '/api/zero-reports?active=true')).json().requests as ZeroRequest[];
    expect(active.some((r) => r.id === req.id)).toBe(false);
  });

  it('counts dates in the bureau zone across its midnight', async () => {
    // 07:30 local on 11 March (23:30 UTC on the 10th): today's 07:00 cut-off has passed, so by
    // default the request starts on the 12th.
    clock.set('2026-03-10T23:30:00.000Z');
    const tomorrow = await created({ title: '明起', scope: 'all', cutoff: '07:00' });
    expect(tomorrow).toMatchObject({ firstDate: '2026-03-12' });
    expect(tomorrow.today).toMatchObject({ date: '2026-03-12', cutoffAt: '2026-03-11T23:00:00.000Z' });
    // Not asked today: filing for today is refused, and it is not among the unit's asks.
    expect((await file(t1, tomorrow.id, { unitId: T1.id, nothingNew: true })).statusCode).toBe(400);
    expect(
      ((await get(t1, '/api/zero-reports/mine')).json().asks as { requestId: number }[]).some(
        (a) => a.requestId === tomorrow.id,
      ),
    ).toBe(false);
    const oneDay = await created({
      title: '仅11日',
      scope: 'units',
      unitIds: [T1.id],
      cutoff: '23:30',
      firstDate: '2026-03-11',
      lastDate: '2026-03-11',
    });
    expect(oneDay.today).toMatchObject({ date: '2026-03-11', cutoffAt: '2026-03-11T15:30:00.000Z' });
    // 23:50 local on the 11th (15:50 UTC): still the 11th, after its cut-off: late.
    clock.set('2026-03-11T15:50:00.000Z');
    expect((await file(t1, oneDay.id, { unitId: T1.id, nothingNew: true })).json()).toMatchObject({
      forDate: '2026-03-11',
      late: true,
    });
    // 00:10 local on the 12th (16:10 UTC on the 11th): the 12th is not asked.
    clock.set('2026-03-11T16:10:00.000Z');
    const past = await file(t1, oneDay.id, { unitId: T1.id, figures: { affected: 1 } });
    expect(past.statusCode).toBe(400);
    // Yet the 11th may be corrected; today's round stays on the last date asked.
    const corrected = await file(t1, oneDay.id, {
      unitId: T1.id,
      forDate: '2026-03-11',
      figures: { affected: 1 },
    });
    expect(corrected.json()).toMatchObject({ forDate: '2026-03-11', late: true, figures: { affected: 1 } });
    const view = (await get(officer, `/api/zero-reports/${oneDay.id}`)).json() as ZeroRequest;
    expect(view.today).toMatchObject({ date: '2026-03-11' });
    expect((await get(officer, `/api/zero-reports/${oneDay.id}?date=2026-03-12`)).json().today.asked).toBe(
      false,
    );
    // A date in the future is refused; a start before today is refused.
    expect(
      (await file(t1, tomorrow.id, { unitId: T1.id, forDate: '2026-03-13', nothingNew: true })).statusCode,
    ).toBe(400);
    expect(
      (await create({ title: 'x', scope: 'all', cutoff: '08:00', firstDate: '2026-03-11' })).statusCode,
    ).toBe(400);
  });
});
