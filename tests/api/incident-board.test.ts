import { toBoardIncident } from '@shared/domain/board-fields';
import type { BoardIncident, Incident } from '@shared/schemas/incidents';
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
import { MAJOR_CALL } from '../helpers/incidents';

const BOARD_KEYS = [
  'id',
  'category',
  'receivedAt',
  'location',
  'caller',
  'summary',
  'casualties',
  'grade',
  'nearMiss',
  'drill',
  'lateDiscovery',
  'stage',
  'acknowledgedAt',
  'closedAt',
  'createdBy',
  'nextDueAt',
  'nextKind',
  'overdue',
].sort();

/** What the board shows of one of the calls below (MAJOR_CALL as sent), before what sets it apart. */
const slim = (id: number): BoardIncident => ({
  id,
  category: 'road_traffic',
  receivedAt: '2026-03-04T18:50:00.000Z',
  location: { address: '幸福路与建设路交叉口' },
  caller: { name: '张警官', unit: '区交警大队', phone: '13900001111' },
  summary: '',
  casualties: { deaths: 10, seriousInjuries: 2 },
  grade: 'II',
  nearMiss: false,
  drill: false,
  lateDiscovery: null,
  stage: 'received',
  acknowledgedAt: null,
  closedAt: null,
  createdBy: 'wangfang',
  nextDueAt: '2026-03-04T19:20:00.000Z',
  nextKind: 'initial_phone',
  overdue: false,
});

describe.each(DIALECTS)('the incident board list on %s', (dialect) => {
  const clock = fixedClock('2026-03-04T18:50:00Z'); // 02:50 on 5 March in Shanghai
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let leader: Session;
  const ids = {} as Record<'fresh' | 'phoned' | 'drill' | 'tipOff' | 'acknowledged' | 'closed', number>;

  const call = async (payload: object) =>
    (await t.app.inject(as(officer, { method: 'POST', url: '/api/incidents', payload }))).json().id as number;
  const report = (id: number, kind: 'initial' | 'final') =>
    t.app.inject(
      as(officer, {
        method: 'POST',
        url: `/api/incidents/${id}/reports`,
        payload: { kind, channel: 'phone', recipient: '区应急管理局总值班室' },
      }),
    );
  const get = (url: string, s: Session = officer) => t.app.inject(as(s, { method: 'GET', url }));

  beforeAll(async () => {
    t = await startApp({ dialect, clock });
    admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'wangfang', roles: ['officer'] });
    await createUser(t.app, admin, { username: 'liuqiang', roles: ['leader'] });
    officer = await signIn(t.app, 'wangfang', USER_PASSWORD);
    leader = await signIn(t.app, 'liuqiang', USER_PASSWORD);

    ids.fresh = await call(MAJOR_CALL);
    ids.phoned = await call({ ...MAJOR_CALL, summary: '货车追尾，已电话首报' });
    expect((await report(ids.phoned, 'initial')).statusCode).toBe(201);
    ids.drill = await call({
      ...MAJOR_CALL,
      drill: true,
      caller: { name: '李工' },
      casualties: { missing: 1, evacuated: 40 },
      summary: '演练：化工园区泄漏',
    });
    ids.tipOff = await call({
      ...MAJOR_CALL,
      source: 'tip_off',
      occurredAt: '2026-03-04T12:00:00Z',
      summary: '群众举报：上午工地坍塌',
    });
    ids.acknowledged = await call({ ...MAJOR_CALL, summary: '领导已阅' });
    expect(
      (
        await t.app.inject(
          as(leader, { method: 'POST', url: `/api/incidents/${ids.acknowledged}/acknowledge` }),
        )
      ).statusCode,
    ).toBe(200);
    ids.closed = await call({ ...MAJOR_CALL, summary: '已处置完毕' });
    await report(ids.closed, 'initial');
    await report(ids.closed, 'final');
    const closed = await t.app.inject(
      as(officer, {
        method: 'POST',
        url: `/api/incidents/${ids.closed}/close`,
        payload: { outcome: '已处置' },
      }),
    );
    expect(closed.statusCode).toBe(200);
    // Past the 首报 by phone (30 min), not yet past the written one (1 h).
    clock.set('2026-03-04T19:30:00Z');
  });
  afterAll(() => t.close());

  it('carries just what the board draws, in the full list order, as a live event would patch it in', async () => {
    const board = await get('/api/incidents/board?stage=open&limit=5000');
    expect(board.statusCode).toBe(200);
    const items = board.json().incidents as BoardIncident[];
    const full = (await get('/api/incidents?stage=open&limit=5000')).json().incidents as Incident[];
    expect(items.map((i) => i.id)).toEqual(full.map((i) => i.id));
    expect(items.map((i) => i.id).sort()).toEqual(
      [ids.fresh, ids.phoned, ids.drill, ids.tipOff, ids.acknowledged].sort(),
    );
    for (const item of items) expect(Object.keys(item).sort()).toEqual(BOARD_KEYS);
    // Worked out by hand from the calls above (all received 18:50Z; 重大: phone 30 min, written 1 h;
    // the drill is 一般: written within 2 h), in the list's order: next deadline, then id.
    const expected: BoardIncident[] = [
      { ...slim(ids.fresh), summary: '两车相撞，一车侧翻', overdue: true },
      {
        ...slim(ids.tipOff),
        summary: '群众举报：上午工地坍塌',
        lateDiscovery: '举报/媒体获知，距事发超过 1 小时，疑似迟报或瞒报，待核查',
        overdue: true,
      },
      {
        ...slim(ids.acknowledged),
        summary: '领导已阅',
        acknowledgedAt: '2026-03-04T18:50:00.000Z',
        overdue: true,
      },
      {
        ...slim(ids.phoned),
        summary: '货车追尾，已电话首报',
        stage: 'reported',
        nextDueAt: '2026-03-04T19:50:00.000Z',
        nextKind: 'initial_written',
      },
      {
        ...slim(ids.drill),
        summary: '演练：化工园区泄漏',
        caller: { name: '李工' },
        casualties: { missing: 1 },
        grade: 'IV',
        drill: true,
        nextDueAt: '2026-03-04T20:50:00.000Z',
        nextKind: 'initial_written',
      },
    ];
    expect(items).toEqual(expected);
    // The same slim incident when the console makes it from a live event's whole incident.
    expect(full.map(toBoardIncident)).toEqual(expected);
    // Far smaller than the full list: no obligations, no caller notes, no grade reasons.
    expect(board.body.length).toBeLessThan(
      (await get('/api/incidents?stage=open&limit=5000')).body.length / 2,
    );

    const byId = new Map(items.map((i) => [i.id, i]));
    expect(byId.get(ids.fresh)).toMatchObject({
      nextKind: 'initial_phone',
      nextDueAt: '2026-03-04T19:20:00.000Z',
      overdue: true,
      acknowledgedAt: null,
      casualties: { deaths: 10, seriousInjuries: 2 },
      caller: { name: '张警官', unit: '区交警大队', phone: '13900001111' },
      location: { address: '幸福路与建设路交叉口' },
    });
    expect(byId.get(ids.phoned)).toMatchObject({
      stage: 'reported',
      nextKind: 'initial_written',
      nextDueAt: '2026-03-04T19:50:00.000Z',
      overdue: false,
    });
    expect(byId.get(ids.drill)).toMatchObject({
      drill: true,
      caller: { name: '李工' },
      casualties: { missing: 1 },
    });
    expect(byId.get(ids.tipOff)?.lateDiscovery).toEqual(expect.any(String));
    expect(byId.get(ids.acknowledged)?.acknowledgedAt).toEqual(expect.any(String));
  });

  it('filters like the full list: closed ones, free text, a limit keeping the most urgent', async () => {
    const closed = (await get('/api/incidents/board?stage=closed')).json().incidents as BoardIncident[];
    expect(closed.map((i) => i.id)).toEqual([ids.closed]);
    // Closed after a 首报 and a 终报 by phone: the written 首报 (1 h) is still owed.
    const expected: BoardIncident = {
      ...slim(ids.closed),
      summary: '已处置完毕',
      stage: 'closed',
      closedAt: '2026-03-04T18:50:00.000Z',
      nextDueAt: '2026-03-04T19:50:00.000Z',
      nextKind: 'initial_written',
    };
    expect(closed[0]).toEqual(expected);
    expect(toBoardIncident((await get(`/api/incidents/${ids.closed}`)).json().incident)).toEqual(expected);

    const found = (await get(`/api/incidents/board?q=${encodeURIComponent('工地坍塌')}`)).json().incidents;
    expect(found.map((i: BoardIncident) => i.id)).toEqual([ids.tipOff]);

    const two = (await get('/api/incidents/board?stage=open&limit=2')).json().incidents as BoardIncident[];
    const full = (await get('/api/incidents?stage=open&limit=2')).json().incidents as Incident[];
    expect(two.map((i) => i.id)).toEqual(full.map((i) => i.id));
    expect(two.every((i) => i.overdue)).toBe(true);
  });

  it('is for signed-in people only, like the list, and checks its query', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/incidents/board' })).statusCode).toBe(401);
    const { secret } = (
      await t.app.inject(as(admin, { method: 'POST', url: '/api/tokens', payload: { name: 'board' } }))
    ).json();
    const system = await t.app.inject({
      method: 'GET',
      url: '/api/incidents/board',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(system.statusCode).toBe(403);
    for (const s of [officer, leader, admin])
      expect((await get('/api/incidents/board', s)).statusCode).toBe(200);
    for (const bad of ['limit=5001', 'stage=lost', 'view=full']) {
      const res = await get(`/api/incidents/board?${bad}`);
      expect(res.statusCode, bad).toBe(400);
    }
    // An incident's own page is still an id.
    expect((await get(`/api/incidents/${ids.fresh}`)).json().incident.id).toBe(ids.fresh);
  });
});
