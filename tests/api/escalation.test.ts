import type { FastifyInstance } from 'fastify';
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
import { DIALECTS, freshDatabase, type TestDatabase } from '../helpers/databases';
import { FakeGateway } from '../helpers/fake-gateway';
import { CALL, MAJOR_CALL } from '../helpers/incidents';
import { closeAllConsoles, connectConsole } from '../helpers/live-client';

const START = '2026-03-04T18:50:00.000Z'; // 02:50 on 5 March in Shanghai

const CHAIN = {
  delayMinutes: 10,
  steps: [
    { label: '备班领导', name: '赵敏', phone: '13800000001' },
    { label: '分管领导', name: '孙立', phone: '13800000002' },
    { label: '主要领导', name: '周正', phone: '13800000003' },
  ],
};

interface EscalationView {
  id: number;
  title: string;
  kind: string;
  incidentId: number | null;
  step: number;
  status: string;
  nextAt: string | null;
  current: { label: string; name: string; phone: string } | null;
  next: { label: string; name: string; phone: string } | null;
  acknowledgedBy: string | null;
}

async function people(app: FastifyInstance) {
  const admin = await signInAdmin(app);
  await createUser(app, admin, { username: 'wangfang', roles: ['officer'] });
  await createUser(app, admin, { username: 'liuqiang', roles: ['leader'] });
  return {
    admin,
    officer: await signIn(app, 'wangfang', USER_PASSWORD),
    leader: await signIn(app, 'liuqiang', USER_PASSWORD),
  };
}

async function escalations(app: FastifyInstance, s: Session, status = 'all'): Promise<EscalationView[]> {
  const res = await app.inject(as(s, { method: 'GET', url: `/api/escalations?status=${status}` }));
  expect(res.statusCode, res.body).toBe(200);
  return res.json().escalations;
}

async function events(app: FastifyInstance, admin: Session, type: string, subject: string) {
  const res = await app.inject(
    as(admin, { method: 'GET', url: `/api/events?after=0&limit=1000&type=${type}` }),
  );
  return (res.json().events as { subject: string; payload: Record<string, unknown> }[]).filter(
    (e) => e.subject === subject,
  );
}

describe.each(DIALECTS)('escalation on %s', (dialect) => {
  const clock = fixedClock(START);
  const gateway = new FakeGateway();
  let t: TestApp;
  let s: Awaited<ReturnType<typeof people>>;

  beforeAll(async () => {
    await gateway.start();
    t = await startApp({ dialect, clock, listen: true, config: { escalationGatewayUrl: gateway.url } });
    s = await people(t.app);
    const put = await t.app.inject(
      as(s.admin, { method: 'PUT', url: '/api/settings/escalation', payload: CHAIN }),
    );
    expect(put.statusCode, put.body).toBe(200);
  });
  afterAll(async () => {
    closeAllConsoles();
    await t.close();
    await gateway.stop();
  });

  const newIncident = async (payload: object = CALL) => {
    const res = await t.app.inject(as(s.officer, { method: 'POST', url: '/api/incidents', payload }));
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number };
  };
  const forIncident = async (id: number) =>
    (await escalations(t.app, s.officer)).find((e) => e.kind === 'incident' && e.incidentId === id)!;

  it('climbs the chain one step per delay, one gateway message per step, until acknowledged', async () => {
    clock.set(START);
    const officerConsole = await connectConsole(t.url, { cookie: s.officer.cookie });
    const incident = await newIncident();
    await t.app.scanner.runOnce();
    let e = await forIncident(incident.id);
    expect(e).toMatchObject({
      step: 0,
      status: 'active',
      nextAt: '2026-03-04T19:00:00.000Z',
      current: null,
      next: { label: '备班领导', name: '赵敏', phone: '13800000001' },
    });

    clock.set('2026-03-04T18:59:59.000Z');
    await t.app.scanner.runOnce();
    expect(gateway.about(e.id)).toEqual([]);
    expect((await forIncident(incident.id)).step).toBe(0);

    clock.set('2026-03-04T19:00:00.000Z');
    await t.app.scanner.runOnce();
    await t.app.scanner.runOnce();
    expect(gateway.about(e.id)).toHaveLength(1);
    const [first] = gateway.about(e.id);
    expect(first!.key).toBe(`escalation:${e.id}:step:1`);
    expect(first!.body).toMatchObject({
      escalationId: e.id,
      step: 1,
      to: { label: '备班领导', name: '赵敏', phone: '13800000001' },
    });
    expect(String(first!.body.text)).toContain('带班领导10分钟内未确认');
    e = await forIncident(incident.id);
    expect(e).toMatchObject({
      step: 1,
      nextAt: '2026-03-04T19:10:00.000Z',
      current: { label: '备班领导', phone: '13800000001' },
      next: { label: '分管领导', name: '孙立', phone: '13800000002' },
    });

    clock.set('2026-03-04T19:10:00.000Z');
    await t.app.scanner.runOnce();
    expect(gateway.about(e.id).map((m) => m.key)).toEqual([
      `escalation:${e.id}:step:1`,
      `escalation:${e.id}:step:2`,
    ]);
    expect(gateway.about(e.id)[1]!.body).toMatchObject({ to: { phone: '13800000002' } });

    const subject = `escalation:${e.id}`;
    expect(await events(t.app, s.admin, 'escalation.started', subject)).toHaveLength(1);
    expect(
      (await events(t.app, s.admin, 'escalation.stepped', subject)).map((x) => x.payload.message),
    ).toEqual(['queued', 'queued']);
    expect(
      (await events(t.app, s.admin, 'escalation.delivery', subject)).map((x) => x.payload.status),
    ).toEqual(['sent', 'sent']);

    // The officer's console (staff) was sent every step live.
    await officerConsole.receivedCount(1);
    await new Promise((r) => setTimeout(r, 300));
    const seen = officerConsole.received.filter((x) => x.subject === subject).map((x) => x.type);
    expect(seen).toEqual([
      'escalation.started',
      'escalation.stepped',
      'escalation.delivery',
      'escalation.stepped',
      'escalation.delivery',
    ]);

    // An officer cannot acknowledge for the leader; the leader does, once.
    const url = `/api/escalations/${e.id}/acknowledge`;
    expect((await t.app.inject(as(s.officer, { method: 'POST', url }))).statusCode).toBe(403);
    const ack = await t.app.inject(as(s.leader, { method: 'POST', url }));
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'liuqiang', nextAt: null });
    const again = await t.app.inject(as(s.leader, { method: 'POST', url }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('DUTY_ERR_ALREADY_DONE');

    clock.set('2026-03-04T19:20:00.000Z');
    await t.app.scanner.runOnce();
    expect(gateway.about(e.id)).toHaveLength(2);
    expect(await events(t.app, s.admin, 'escalation.acknowledged', subject)).toHaveLength(1);
    expect((await escalations(t.app, s.officer, 'active')).map((x) => x.id)).not.toContain(e.id);
    officerConsole.close();
  });

  it('stops when the leader acknowledges the incident before the delay: the gateway receives nothing', async () => {
    clock.set(START);
    const incident = await newIncident();
    await t.app.scanner.runOnce();
    const e = await forIncident(incident.id);
    expect(e.step).toBe(0);

    clock.set('2026-03-04T18:59:00.000Z');
    const ack = await t.app.inject(
      as(s.leader, { method: 'POST', url: `/api/incidents/${incident.id}/acknowledge` }),
    );
    expect(ack.statusCode, ack.body).toBe(200);
    clock.set('2026-03-04T19:15:00.000Z');
    await t.app.scanner.runOnce();
    await t.app.scanner.runOnce();
    expect(gateway.about(e.id)).toEqual([]);
    expect(await forIncident(incident.id)).toMatchObject({
      step: 0,
      status: 'acknowledged',
      acknowledgedBy: 'liuqiang',
      next: null,
      nextAt: null,
    });
    const subject = `escalation:${e.id}`;
    expect(await events(t.app, s.admin, 'escalation.acknowledged', subject)).toHaveLength(1);
    expect(await events(t.app, s.admin, 'escalation.stepped', subject)).toHaveLength(0);
  });

  it('is not started for a drill', async () => {
    clock.set(START);
    const drill = await newIncident({ ...CALL, drill: true });
    await t.app.scanner.runOnce();
    expect((await escalations(t.app, s.officer)).filter((e) => e.incidentId === drill.id)).toEqual([]);
  });

  it('escalates a missed spot-check', async () => {
    clock.set(START);
    const check = await t.app.inject(as(s.leader, { method: 'POST', url: '/api/spot-checks', payload: {} }));
    expect(check.statusCode, check.body).toBe(201);
    clock.set('2026-03-04T18:56:00.000Z'); // past its 5-minute limit: missed
    await t.app.scanner.runOnce();
    const e = (await escalations(t.app, s.officer)).find((x) => x.kind === 'spotcheck')!;
    expect(e).toMatchObject({
      step: 0,
      status: 'active',
      title: '查岗未应答（带班领导查岗）',
      next: { label: '备班领导' },
    });
    const ack = await t.app.inject(
      as(s.leader, { method: 'POST', url: `/api/escalations/${e.id}/acknowledge` }),
    );
    expect(ack.statusCode, ack.body).toBe(200);
  });
});

describe.each(DIALECTS)('escalation settings on %s', (dialect) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof people>>;
  beforeAll(async () => {
    t = await startApp({ dialect, clock: fixedClock(START) });
    s = await people(t.app);
  });
  afterAll(() => t.close());

  const put = (session: Session, payload: unknown) =>
    t.app.inject(as(session, { method: 'PUT', url: '/api/settings/escalation', payload: payload as object }));

  it('defaults to 10 minutes and an empty chain, readable by staff', async () => {
    const res = await t.app.inject(as(s.officer, { method: 'GET', url: '/api/settings/escalation' }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ delayMinutes: 10, steps: [] });
  });

  it('starts nothing while no chain is configured (nobody to escalate to)', async () => {
    const res = await t.app.inject(as(s.officer, { method: 'POST', url: '/api/incidents', payload: CALL }));
    expect(res.statusCode, res.body).toBe(201);
    await t.app.scanner.runOnce();
    expect(await escalations(t.app, s.officer)).toEqual([]);
    const started = await t.app.inject(
      as(s.admin, { method: 'GET', url: '/api/events?after=0&limit=1000&type=escalation.started' }),
    );
    expect(started.json().events).toEqual([]);
  });

  it('refuses what does not fit the closed schema, and non-admins', async () => {
    const cases: unknown[] = [
      { ...CHAIN, extra: 1 },
      { ...CHAIN, delayMinutes: 0 },
      { ...CHAIN, delayMinutes: '10' },
      { delayMinutes: 10 },
      { delayMinutes: 10, steps: [{ label: '备班领导', name: '赵敏', phone: 'call me' }] },
      { delayMinutes: 10, steps: [{ label: '备班领导', name: '赵敏', phone: '138', role: 'x' }] },
      { delayMinutes: 10, steps: [{ label: '', name: '赵敏', phone: '13800000001' }] },
    ];
    for (const payload of cases) {
      const res = await put(s.admin, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('DUTY_ERR_VALIDATION');
    }
    const twice = await put(s.admin, {
      delayMinutes: 10,
      steps: [CHAIN.steps[0], CHAIN.steps[0]],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.message).toContain('备班领导');
    const nobody = await put(s.admin, {
      delayMinutes: 10,
      steps: [{ ...CHAIN.steps[0], userId: 9999 }],
    });
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json().error.message).toContain('body.steps[0].userId');
    expect((await put(s.officer, CHAIN)).statusCode).toBe(403);
    expect((await put(s.leader, CHAIN)).statusCode).toBe(403);
  });

  it('stores a change as an event with what changed', async () => {
    const res = await put(s.admin, { delayMinutes: 15, steps: [{ ...CHAIN.steps[0], userId: null }] });
    expect(res.statusCode, res.body).toBe(200);
    const changed = await events(t.app, s.admin, 'escalation.settings_updated', 'settings:escalation');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.payload.changed).toEqual(['delayMinutes', 'steps']);
    const read = await t.app.inject(as(s.officer, { method: 'GET', url: '/api/settings/escalation' }));
    expect(read.json()).toEqual({
      delayMinutes: 15,
      steps: [{ label: '备班领导', name: '赵敏', phone: '13800000001', userId: null }],
    });
  });
});

describe.each(DIALECTS)('escalation across restarts on %s', (dialect) => {
  let db: TestDatabase;
  const gateway = new FakeGateway();
  beforeAll(async () => {
    db = await freshDatabase(dialect);
    await gateway.start();
  });
  afterAll(async () => {
    await db.drop();
    await gateway.stop();
  });

  it('fires each step exactly once whichever build of the app scans', async () => {
    const clock = fixedClock(START);
    const build = () =>
      startApp({ databaseUrl: db.url, clock, config: { escalationGatewayUrl: gateway.url } });

    const first = await build();
    const s = await people(first.app);
    await first.app.inject(as(s.admin, { method: 'PUT', url: '/api/settings/escalation', payload: CHAIN }));
    const incident = (
      await first.app.inject(as(s.officer, { method: 'POST', url: '/api/incidents', payload: CALL }))
    ).json();
    await first.app.scanner.runOnce();
    await first.app.close();

    clock.set('2026-03-04T19:00:00.000Z');
    const second = await build(); // its onReady pass already scans
    await second.app.scanner.runOnce();
    const officer = await signIn(second.app, 'wangfang', USER_PASSWORD);
    const e = (await escalations(second.app, officer)).find((x) => x.incidentId === incident.id)!;
    expect(e.step).toBe(1);
    expect(gateway.about(e.id).map((m) => m.key)).toEqual([`escalation:${e.id}:step:1`]);
    await second.app.close();

    const third = await build();
    await third.app.scanner.runOnce();
    expect(gateway.about(e.id)).toHaveLength(1);
    const admin = await signInAdmin(third.app);
    expect(await events(third.app, admin, 'escalation.stepped', `escalation:${e.id}`)).toHaveLength(1);
    expect(await events(third.app, admin, 'escalation.started', `escalation:${e.id}`)).toHaveLength(1);

    clock.set('2026-03-04T19:10:00.000Z');
    await third.app.scanner.runOnce();
    await third.app.scanner.runOnce();
    expect(gateway.about(e.id).map((m) => m.key)).toEqual([
      `escalation:${e.id}:step:1`,
      `escalation:${e.id}:step:2`,
    ]);
    await third.app.close();
  });
});

describe('escalation without a gateway', () => {
  it('still records and shows each step, and sends nothing', async () => {
    const clock = fixedClock(START);
    const t = await startApp({ clock });
    try {
      const s = await people(t.app);
      await t.app.inject(as(s.admin, { method: 'PUT', url: '/api/settings/escalation', payload: CHAIN }));
      const incident = (
        await t.app.inject(as(s.officer, { method: 'POST', url: '/api/incidents', payload: CALL }))
      ).json();
      await t.app.scanner.runOnce();
      clock.set('2026-03-04T19:00:00.000Z');
      await t.app.scanner.runOnce();
      const e = (await escalations(t.app, s.officer)).find((x) => x.incidentId === incident.id)!;
      expect(e).toMatchObject({ step: 1, current: { phone: '13800000001' }, next: { phone: '13800000002' } });
      const stepped = await events(t.app, s.admin, 'escalation.stepped', `escalation:${e.id}`);
      expect(stepped.map((x) => x.payload.message)).toEqual(['no_gateway']);
      const rows = await t.app.db.selectFrom('escalation_messages').selectAll().execute();
      expect(rows).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

describe.each(DIALECTS)('escalation of an overdue report on %s', (dialect) => {
  it('starts when the report falls overdue and calls the first step a delay later', async () => {
    const clock = fixedClock(START);
    const gateway = await new FakeGateway().start();
    const t = await startApp({ dialect, clock, config: { escalationGatewayUrl: gateway.url } });
    try {
      const s = await people(t.app);
      await t.app.inject(as(s.admin, { method: 'PUT', url: '/api/settings/escalation', payload: CHAIN }));
      // A 重大 accident: the telephone 首报 is due within 30 minutes, by 19:20.
      const incident = (
        await t.app.inject(as(s.officer, { method: 'POST', url: '/api/incidents', payload: MAJOR_CALL }))
      ).json();
      await t.app.inject(as(s.leader, { method: 'POST', url: `/api/incidents/${incident.id}/acknowledge` }));
      await t.app.scanner.runOnce();

      clock.set('2026-03-04T19:20:30.000Z');
      await t.app.scanner.runOnce();
      const overdue = (await escalations(t.app, s.officer, 'active')).filter((e) => e.kind === 'overdue');
      expect(overdue).toHaveLength(1);
      expect(overdue[0]).toMatchObject({
        incidentId: incident.id,
        step: 0,
        nextAt: '2026-03-04T19:30:30.000Z',
        next: { phone: '13800000001' },
      });
      expect(gateway.received).toEqual([]);

      clock.set('2026-03-04T19:30:30.000Z');
      await t.app.scanner.runOnce();
      expect(gateway.received.map((m) => m.key)).toEqual([`escalation:${overdue[0]!.id}:step:1`]);
      expect(String(gateway.received[0]!.body.title)).toContain('电话首报逾期');
    } finally {
      await t.close();
      await gateway.stop();
    }
  });
});

describe('escalation messages a gateway refuses', () => {
  it('are retried with back-off under the same Idempotency-Key until taken', async () => {
    const clock = fixedClock(START);
    const gateway = await new FakeGateway().start();
    const t = await startApp({ clock, config: { escalationGatewayUrl: gateway.url } });
    try {
      const s = await people(t.app);
      await t.app.inject(as(s.admin, { method: 'PUT', url: '/api/settings/escalation', payload: CHAIN }));
      const incident = (
        await t.app.inject(as(s.officer, { method: 'POST', url: '/api/incidents', payload: CALL }))
      ).json();
      await t.app.scanner.runOnce();
      const e = (await escalations(t.app, s.officer)).find((x) => x.incidentId === incident.id)!;

      gateway.refuseNext = 1;
      clock.set('2026-03-04T19:00:00.000Z');
      await t.app.scanner.runOnce();
      expect(gateway.about(e.id)).toHaveLength(1);
      // The first retry waits 5 s (the report outbox's back-off).
      clock.set('2026-03-04T19:00:04.000Z');
      await t.app.scanner.runOnce();
      expect(gateway.about(e.id)).toHaveLength(1);
      clock.set('2026-03-04T19:00:05.000Z');
      await t.app.scanner.runOnce();
      expect(gateway.about(e.id).map((m) => m.key)).toEqual([
        `escalation:${e.id}:step:1`,
        `escalation:${e.id}:step:1`,
      ]);
      await t.app.scanner.runOnce();
      expect(gateway.about(e.id)).toHaveLength(2);
      const deliveries = await events(t.app, s.admin, 'escalation.delivery', `escalation:${e.id}`);
      expect(deliveries.map((d) => [d.payload.status, d.payload.attempts, d.payload.error])).toEqual([
        ['retrying', 1, 'HTTP 503'],
        ['sent', 2, null],
      ]);
    } finally {
      await t.close();
      await gateway.stop();
    }
  });
});
