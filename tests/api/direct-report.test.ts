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

// 09:00 on 10 March 2026 in Shanghai.
const NOW = '2026-03-10T01:00:00Z';

const BASE = {
  occurredAt: '2026-03-10T08:40:00+08:00',
  location: { address: '工业园区纬三路 8 号' },
  caller: { name: '陈主任', unit: '园区管委会', phone: '13900002222' },
  summary: '车间货架倒塌',
  source: 'phone',
};
/** A 工贸 accident with one seriously injured: 一般, in scope of 联网直报. */
const FACTORY = { ...BASE, category: 'industry_trade', casualties: { seriousInjuries: 1 } };
/** A fire in a home: not a production-safety accident. */
const HOME_FIRE = {
  ...BASE,
  category: 'fire',
  summary: '居民住宅起火',
  casualties: { deaths: 1 },
};
/** A private car crash (not an operating vehicle): recorded as not in production. */
const PRIVATE_CRASH = {
  ...BASE,
  category: 'road_traffic',
  summary: '私家车与护栏相撞',
  casualties: { deaths: 2 },
  productionRelated: false,
};
/** A fire in a workshop, in production: notified by the fire service. It broke out at 22:00 the day before. */
const WORKSHOP_FIRE = {
  ...BASE,
  category: 'fire',
  occurredAt: '2026-03-09T22:00:00+08:00',
  summary: '服装加工厂车间起火',
  casualties: { minorInjuries: 1 },
  productionRelated: true,
};

const DEPARTMENTS = ['区人民政府', '公安', '人力资源社会保障', '工会', '人民检察院'];

type Obligation = {
  kind: string;
  key: string;
  dueAt: string | null;
  doneAt: string | null;
  late: boolean;
  overdue: boolean;
  record?: Record<string, unknown>;
};

describe.each(DIALECTS)('直报录入 and the notifications with the 首报 on %s', (dialect) => {
  const clock = fixedClock(NOW);
  let t: TestApp;
  let officer: Session;
  let admin: Session;
  beforeAll(async () => {
    // The tests run the scanner themselves.
    t = await startApp({ dialect, clock, config: { scanMs: 600_000 } });
    admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'wangfang', roles: ['officer'], displayName: '王芳' });
    officer = await signIn(t.app, 'wangfang', USER_PASSWORD);
  });
  afterAll(() => t.close());
  afterEach(async () => {
    clock.set(NOW);
    officer = await signIn(t.app, 'wangfang', USER_PASSWORD);
    admin = await signInAdmin(t.app);
  });

  const intake = async (payload: object) => {
    const res = await t.app.inject(as(officer, { method: 'POST', url: '/api/incidents', payload }));
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const post = (id: number, path: string, payload: object) =>
    t.app.inject(as(officer, { method: 'POST', url: `/api/incidents/${id}/${path}`, payload }));
  const statutory = (incident: { obligations: Obligation[] }) =>
    incident.obligations.filter((o) => ['direct_entry', 'direct_notified', 'notification'].includes(o.kind));
  const dueByKey = (incident: { obligations: Obligation[] }) =>
    Object.fromEntries(incident.obligations.map((o) => [o.key, o.dueAt]));

  it('gives an in-scope 工贸 accident a 直报录入 due 24 h after receipt and the five notifications due with the 首报', async () => {
    const a = await intake(FACTORY);
    expect(a.directReport).toBe('in_scope');
    expect(a.productionRelated).toBeNull();
    // Received 01:00Z: 首报 written 2 h → 03:00Z; notifications 2 h → 03:00Z; 直报录入 P1D → 11 March 01:00Z.
    expect(dueByKey(a)).toEqual({
      initial_written: '2026-03-10T03:00:00.000Z',
      'notification:区人民政府': '2026-03-10T03:00:00.000Z',
      'notification:公安': '2026-03-10T03:00:00.000Z',
      'notification:人力资源社会保障': '2026-03-10T03:00:00.000Z',
      'notification:工会': '2026-03-10T03:00:00.000Z',
      'notification:人民检察院': '2026-03-10T03:00:00.000Z',
      direct_entry: '2026-03-11T01:00:00.000Z',
      final: null,
    });
    // The board's next deadline is the 首报's (same instant as the notifications, the report first).
    expect(a.nextDueAt).toBe('2026-03-10T03:00:00.000Z');
    const board = (await t.app.inject(as(officer, { method: 'GET', url: '/api/incidents/board' }))).json()
      .incidents;
    expect(board.find((b: { id: number }) => b.id === a.id).nextKind).toBe('initial_written');
  });

  it('leaves residential fires, private road crashes and drills out, and reads no notifications for them', async () => {
    const home = await intake(HOME_FIRE);
    const crash = await intake(PRIVATE_CRASH);
    const drill = await intake({ ...FACTORY, drill: true });
    const road = await intake({ ...PRIVATE_CRASH, productionRelated: undefined });
    expect([home.directReport, crash.directReport, drill.directReport, road.directReport]).toEqual([
      'not_production',
      'not_production',
      'drill',
      'not_production',
    ]);
    for (const i of [home, crash, drill, road]) expect(statutory(i)).toEqual([]);
    const refused = await post(home.id, 'direct-entry', { enteredAt: NOW, recordNumber: 'X-1' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('DUTY_ERR_CONFLICT');
  });

  it('draws the loss line at the threshold: 999,999 yuan without casualties is out, 1,000,000 is in', async () => {
    const below = await intake({ ...FACTORY, casualties: {}, directLossYuan: 999_999 });
    const at = await intake({ ...FACTORY, casualties: {}, directLossYuan: 1_000_000 });
    expect(below.directReport).toBe('below_threshold');
    expect(at.directReport).toBe('in_scope');
    expect(below.obligations.some((o: Obligation) => o.kind === 'direct_entry')).toBe(false);
    // A production-safety accident still notifies the departments (条例 第十条 knows no loss threshold).
    expect(below.obligations.filter((o: Obligation) => o.kind === 'notification')).toHaveLength(5);
    expect(dueByKey(at).direct_entry).toBe('2026-03-11T01:00:00.000Z');
    // The loss rises to the threshold two hours later: the entry is owed, still from receipt.
    clock.set('2026-03-10T03:00:00Z');
    officer = await signIn(t.app, 'wangfang', USER_PASSWORD);
    const patched = await t.app.inject(
      as(officer, {
        method: 'PATCH',
        url: `/api/incidents/${below.id}`,
        payload: { directLossYuan: 1_000_000 },
      }),
    );
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().directReport).toBe('in_scope');
    expect(dueByKey(patched.json()).direct_entry).toBe('2026-03-11T01:00:00.000Z');
  });

  it('records the 直报录入 with its record number once, as an event, on time at its deadline', async () => {
    const a = await intake(FACTORY);
    clock.set('2026-03-11T01:00:00Z'); // the deadline itself
    officer = await signIn(t.app, 'wangfang', USER_PASSWORD);
    const future = await post(a.id, 'direct-entry', {
      enteredAt: '2026-03-11T09:06:00+08:00',
      recordNumber: 'ZB-1',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toContain('body.enteredAt');
    const res = await post(a.id, 'direct-entry', {
      enteredAt: '2026-03-11T09:00:00+08:00',
      recordNumber: '3401022026031001',
    });
    expect(res.statusCode, res.body).toBe(201);
    const entry = res.json().obligations.find((o: Obligation) => o.kind === 'direct_entry');
    expect(entry).toMatchObject({
      dueAt: '2026-03-11T01:00:00.000Z',
      doneAt: '2026-03-11T01:00:00.000Z',
      late: false,
      overdue: false,
      record: {
        at: '2026-03-11T01:00:00.000Z',
        recordNumber: '3401022026031001',
        recordedBy: 'wangfang',
        recordedByName: '王芳',
        recordedAt: '2026-03-11T01:00:00.000Z',
      },
    });
    const again = await post(a.id, 'direct-entry', {
      enteredAt: '2026-03-11T09:00:00+08:00',
      recordNumber: 'ZB-2',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('DUTY_ERR_ALREADY_DONE');
    admin = await signInAdmin(t.app);
    const events = (
      await t.app.inject(as(admin, { method: 'GET', url: '/api/events?type=incident.statutory_recorded' }))
    ).json().events;
    const mine = events.filter((e: { subject: string }) => e.subject === `incident:${a.id}`);
    expect(mine).toHaveLength(1);
    expect(mine[0].actor).toBe('wangfang');
    expect(mine[0].payload.obligation).toMatchObject({
      kind: 'direct_entry',
      key: 'direct_entry',
      late: false,
    });
    // The 直报录入 is not a report: the 首报 (still unsent) stays overdue, no report counts it.
    const detail = (await t.app.inject(as(officer, { method: 'GET', url: `/api/incidents/${a.id}` }))).json();
    expect(detail.reports).toEqual([]);
    expect(detail.incident.obligations.find((o: Obligation) => o.kind === 'initial_written')).toMatchObject({
      doneAt: null,
      overdue: true,
    });
  });

  it('gives a production fire the fire service’s 24-hour notification clock from the accident, then the entry', async () => {
    const fire = await intake(WORKSHOP_FIRE);
    expect(fire.directReport).toBe('in_scope');
    // Broke out 9 March 22:00 local = 14:00Z → notified by 10 March 14:00Z; entered by 11 March 01:00Z.
    expect(dueByKey(fire).direct_notified).toBe('2026-03-10T14:00:00.000Z');
    expect(dueByKey(fire).direct_entry).toBe('2026-03-11T01:00:00.000Z');
    clock.set('2026-03-10T02:00:00Z');
    officer = await signIn(t.app, 'wangfang', USER_PASSWORD);
    const res = await post(fire.id, 'direct-notified', {
      notifiedAt: '2026-03-10T09:30:00+08:00',
      department: '区消防救援大队',
      person: '李参谋',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().obligations.find((o: Obligation) => o.kind === 'direct_notified')).toMatchObject({
      doneAt: '2026-03-10T01:30:00.000Z',
      late: false,
      record: { department: '区消防救援大队', person: '李参谋', recordNumber: null },
    });
    // A crash of an operating lorry notified two days late: the clock says so.
    const lorry = await intake({
      ...WORKSHOP_FIRE,
      category: 'road_traffic',
      summary: '货运车辆追尾',
      occurredAt: '2026-03-08T10:00:00+08:00',
    });
    expect(dueByKey(lorry).direct_notified).toBe('2026-03-09T02:00:00.000Z');
    expect(lorry.obligations.find((o: Obligation) => o.kind === 'direct_notified').overdue).toBe(true);
    const late = await post(lorry.id, 'direct-notified', {
      notifiedAt: '2026-03-10T09:50:00+08:00',
      department: '区公安交警大队',
    });
    expect(late.json().obligations.find((o: Obligation) => o.kind === 'direct_notified')).toMatchObject({
      doneAt: '2026-03-10T01:50:00.000Z',
      late: true,
    });
    // Only a notified category has the clock.
    const factory = await intake(FACTORY);
    expect(
      (await post(factory.id, 'direct-notified', { notifiedAt: NOW, department: '区消防救援大队' }))
        .statusCode,
    ).toBe(409);
  });

  it('records each department told with the 首报: when, how, to whom', async () => {
    const a = await intake(FACTORY);
    clock.set('2026-03-10T03:30:00Z');
    officer = await signIn(t.app, 'wangfang', USER_PASSWORD);
    const told = await post(a.id, 'notifications', {
      department: '公安',
      notifiedAt: '2026-03-10T10:00:00+08:00',
      channel: 'phone',
      person: '刘警官',
    });
    expect(told.statusCode, told.body).toBe(201);
    const lateOne = await post(a.id, 'notifications', {
      department: '工会',
      notifiedAt: '2026-03-10T11:20:00+08:00',
      channel: 'fax',
      person: '区总工会办公室',
    });
    const notifications = lateOne
      .json()
      .obligations.filter((o: Obligation) => o.kind === 'notification')
      .map((o: Obligation) => [
        o.key,
        o.doneAt,
        o.late,
        o.overdue,
        o.record?.channel ?? null,
        o.record?.person ?? null,
      ]);
    expect(notifications).toEqual([
      ['notification:人力资源社会保障', null, false, true, null, null],
      ['notification:人民检察院', null, false, true, null, null],
      ['notification:公安', '2026-03-10T02:00:00.000Z', false, false, 'phone', '刘警官'],
      ['notification:区人民政府', null, false, true, null, null],
      ['notification:工会', '2026-03-10T03:20:00.000Z', true, false, 'fax', '区总工会办公室'],
    ]);
    const unknown = await post(a.id, 'notifications', {
      department: '消防',
      notifiedAt: '2026-03-10T10:00:00+08:00',
      channel: 'phone',
      person: '某人',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('body.department');
    expect(DEPARTMENTS.length).toBe(5);
  });

  it('alerts an overdue 直报录入 once, like an overdue report', async () => {
    const a = await intake(FACTORY);
    const raised = async () =>
      (await t.app.db.selectFrom('events').select('payload').where('type', '=', 'incident.overdue').execute())
        .map((r) => JSON.parse(r.payload))
        .filter((p) => p.incident.id === a.id)
        .map((p) => p.obligation.key);
    clock.set('2026-03-11T01:00:01Z');
    await t.app.scanner.runOnce();
    await t.app.scanner.runOnce();
    const keys = await raised();
    expect(keys.filter((k: string) => k === 'direct_entry')).toEqual(['direct_entry']);
    expect(keys).toContain('initial_written');
  });

  it('takes the deadlines and departments from the policy when it sets them', async () => {
    const policy = (await t.app.inject(as(admin, { method: 'GET', url: '/api/settings/deadlines' }))).json();
    const put = await t.app.inject(
      as(admin, {
        method: 'PUT',
        url: '/api/settings/deadlines',
        payload: {
          ...policy,
          directEntry: { within: 'PT12H', notifiedWithin: 'P1D', lossThresholdYuan: 500_000 },
          notifications: { departments: ['区人民政府', '公安'], within: 'PT1H' },
        },
      }),
    );
    expect(put.statusCode, put.body).toBe(200);
    try {
      const a = await intake({ ...FACTORY, casualties: {}, directLossYuan: 500_000 });
      expect(dueByKey(a)).toEqual({
        'notification:区人民政府': '2026-03-10T02:00:00.000Z',
        'notification:公安': '2026-03-10T02:00:00.000Z',
        initial_written: '2026-03-10T03:00:00.000Z',
        direct_entry: '2026-03-10T13:00:00.000Z',
        final: null,
      });
    } finally {
      await t.app.inject(as(admin, { method: 'PUT', url: '/api/settings/deadlines', payload: policy }));
    }
  });

  it('escalates an overdue 直报录入 and the 首报, not each department left to notify', async () => {
    const chain = {
      delayMinutes: 10,
      steps: [{ label: '备班领导', name: '赵敏', phone: '13800000001' }],
    };
    const put = await t.app.inject(
      as(admin, { method: 'PUT', url: '/api/settings/escalation', payload: chain }),
    );
    expect(put.statusCode, put.body).toBe(200);
    const a = await intake(FACTORY);
    const overdueTitles = async () =>
      (
        await t.app.db
          .selectFrom('escalations')
          .select(['kind', 'title'])
          .where('incident_id', '=', a.id)
          .where('kind', '=', 'overdue')
          .orderBy('id')
          .execute()
      ).map((e) => e.title.slice(0, e.title.indexOf('：')));
    // 03:00:01Z: the written 首报 and the five notifications are all overdue.
    clock.set('2026-03-10T03:00:01Z');
    for (let i = 0; i < 3; i++) await t.app.scanner.runOnce();
    expect(await overdueTitles()).toEqual(['书面首报逾期']);
    clock.set('2026-03-11T01:00:01Z');
    for (let i = 0; i < 3; i++) await t.app.scanner.runOnce();
    expect(await overdueTitles()).toEqual(['书面首报逾期', '直报录入逾期']);
  });
});
