import type { LogEntry } from '@shared/schemas/logbook';
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

const CALL = {
  kind: 'call',
  callerName: '张警官',
  callerUnit: '区交警大队',
  callerPost: '值班民警',
  callerPhone: '13900001111',
  content: '幸福路与建设路交叉口两车相撞，一车侧翻，有人被困',
  alreadyTold: '120 急救中心',
  handling: '已通知消防救援站',
};

describe.each(DIALECTS)('duty log on %s', (dialect) => {
  const clock = fixedClock('2026-03-05T02:00:00Z'); // 10:00 in Shanghai
  let t: TestApp;
  let officer: Session;
  let leader: Session;
  let admin: Session;
  beforeAll(async () => {
    t = await startApp({ dialect, clock });
    admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'wangfang', roles: ['officer'], displayName: '王芳' });
    await createUser(t.app, admin, { username: 'liuqiang', roles: ['leader'], displayName: '刘强' });
    officer = await signIn(t.app, 'wangfang', USER_PASSWORD);
    leader = await signIn(t.app, 'liuqiang', USER_PASSWORD);
  });
  afterAll(() => t.close());

  const add = (payload: object, s = officer) =>
    t.app.inject(as(s, { method: 'POST', url: '/api/logbook', payload }));
  const search = async (query: string): Promise<LogEntry[]> =>
    (await t.app.inject(as(officer, { method: 'GET', url: `/api/logbook?${query}` }))).json().entries;
  const events = async (type: string) =>
    (await t.app.inject(as(admin, { method: 'GET', url: `/api/events?type=${type}&limit=1000` }))).json()
      .events;

  it('records a call with who called, what was said, who was told and how it was handled', async () => {
    const res = await add(CALL);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      ...CALL,
      at: '2026-03-05T02:00:00.000Z',
      incidentId: null,
      recordedBy: 'wangfang',
    });
    const added = await events('logbook.added');
    expect(added[0]).toMatchObject({ actor: 'wangfang', subject: `logbook:${res.json().id}` });
  });

  it('refuses a call without a caller, a time in the future and writers without a duty role', async () => {
    const { callerName: _, ...anonymous } = CALL;
    expect((await add(anonymous)).statusCode).toBe(400);
    expect((await add({ ...CALL, at: '2026-03-05T03:00:00Z' })).json().error.code).toBe(
      'DUTY_ERR_VALIDATION',
    );
    expect((await add({ ...CALL, extra: 1 })).statusCode).toBe(400);
    expect((await add({ kind: 'note', content: 'x' }, admin)).statusCode).toBe(403);
    expect(
      (await add({ kind: 'instruction', content: '加强夜间巡查', callerName: '刘强' }, leader)).statusCode,
    ).toBe(201);
  });

  it('searches by kind, text and period', async () => {
    clock.set('2026-03-05T04:00:00Z');
    await add({ kind: 'notice', callerUnit: '市应急管理局', content: '关于做好强降雨防范工作的通知' });
    await add({ kind: 'equipment', content: '卫星电话、视频会商系统测试正常' });
    await add({ kind: 'note', content: '100% 完成 a_b 检查' });
    expect((await search('kind=notice')).map((e) => e.content)).toEqual(['关于做好强降雨防范工作的通知']);
    expect((await search(`q=${encodeURIComponent('交警')}`)).map((e) => e.kind)).toEqual(['call']);
    expect((await search(`q=${encodeURIComponent('视频会商')}`)).map((e) => e.kind)).toEqual(['equipment']);
    // LIKE wildcards are taken literally.
    expect(await search(`q=${encodeURIComponent('100%')}`)).toHaveLength(1);
    expect(await search('q=a_b')).toHaveLength(1);
    expect(await search('q=axb')).toHaveLength(0);
    const morning = await search('from=2026-03-05T01:00:00Z&to=2026-03-05T03:00:00Z');
    expect(morning.map((e) => e.kind).sort()).toEqual(['call', 'instruction']);
    const all = await search('');
    expect(all.map((e) => e.at)).toEqual([...all.map((e) => e.at)].sort().reverse());
    expect((await t.app.inject({ method: 'GET', url: '/api/logbook' })).statusCode).toBe(401);
  });

  it('completes an entry later: how it was handled', async () => {
    const [call] = await search('kind=call');
    const res = await t.app.inject(
      as(officer, {
        method: 'PATCH',
        url: `/api/logbook/${call!.id}`,
        payload: { handling: '已转交交警处理' },
      }),
    );
    expect(res.json()).toMatchObject({ id: call!.id, handling: '已转交交警处理', content: CALL.content });
    expect((await events('logbook.updated'))[0].payload.before.handling).toBe(CALL.handling);
  });

  it('turns a call into an incident in one step, once', async () => {
    const [call] = await search('kind=call');
    const convert = (id: number, payload: object, s = officer) =>
      t.app.inject(as(s, { method: 'POST', url: `/api/logbook/${id}/incident`, payload }));
    const body = {
      category: 'road_traffic',
      occurredAt: '2026-03-05T09:50:00+08:00',
      location: { address: '幸福路与建设路交叉口' },
      casualties: { trapped: 2 },
    };
    expect((await convert(call!.id, body, leader)).statusCode).toBe(403);
    const res = await convert(call!.id, body);
    expect(res.statusCode).toBe(201);
    const { entry, incident } = res.json();
    expect(entry).toMatchObject({ id: call!.id, incidentId: incident.id });
    expect(incident).toMatchObject({
      category: 'road_traffic',
      receivedAt: '2026-03-05T02:00:00.000Z',
      summary: CALL.content,
      source: 'phone',
      caller: {
        name: '张警官',
        unit: '区交警大队',
        post: '值班民警',
        phone: '13900001111',
        alreadyTold: '120 急救中心',
      },
      casualties: { trapped: 2 },
    });
    // The reporting clock runs from when the call came in, not from when it was converted.
    expect(incident.obligations.find((o: { kind: string }) => o.kind === 'initial_written').dueAt).toBe(
      '2026-03-05T04:00:00.000Z',
    );
    expect((await events('incident.created'))[0].payload.incident.id).toBe(incident.id);
    expect((await events('logbook.linked'))[0].payload).toMatchObject({ incidentId: incident.id });
    const again = await convert(call!.id, body);
    expect(again.statusCode).toBe(409);
    const [note] = await search('kind=note');
    expect((await convert(note!.id, body)).statusCode).toBe(422);
    expect((await convert(9999, body)).statusCode).toBe(404);
    const incidents = (await t.app.inject(as(officer, { method: 'GET', url: '/api/incidents' }))).json()
      .incidents;
    expect(incidents).toHaveLength(1);
  });
});
