import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimKey, requestHash } from '../../server/modules/incidents/idempotency';
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
import { CALL, MAJOR_CALL } from '../helpers/incidents';

describe.each(DIALECTS)('idempotent intake from other systems on %s', (dialect) => {
  let t: TestApp;
  let bearer: Record<string, string>;
  let otherBearer: Record<string, string>;
  beforeAll(async () => {
    t = await startApp({ dialect });
    const admin = await signInAdmin(t.app);
    const token = async (name: string) => ({
      authorization: `Bearer ${(await t.app.inject(as(admin, { method: 'POST', url: '/api/tokens', payload: { name } }))).json().secret}`,
    });
    bearer = await token('12350 hotline');
    otherBearer = await token('sensors');
  });
  afterAll(() => t.close());

  const post = (headers: Record<string, string>, payload: object = { ...CALL, source: 'api' }) =>
    t.app.inject({ method: 'POST', url: '/api/incidents', headers, payload });
  const count = async () =>
    Number(
      (
        await t.app.db
          .selectFrom('incidents')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('creates one incident for the same key twice and replays the stored answer', async () => {
    const before = await count();
    const first = await post({ ...bearer, 'idempotency-key': 'hotline-20260305-0001' });
    const again = await post({ ...bearer, 'idempotency-key': 'hotline-20260305-0001' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await count()).toBe(before + 1);
    expect(first.json().createdBy).toBe('token:12350 hotline');
  });

  it('answers 422 to the same key with another body, and scopes keys to the caller', async () => {
    await post({ ...bearer, 'idempotency-key': 'key-0002-abc' });
    const other = await post(
      { ...bearer, 'idempotency-key': 'key-0002-abc' },
      { ...CALL, source: 'api', summary: '另一起事件' },
    );
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('DUTY_ERR_IDEMPOTENCY_MISMATCH');
    const otherCaller = await post(
      { ...otherBearer, 'idempotency-key': 'key-0002-abc' },
      { ...CALL, source: 'api', summary: '另一起事件' },
    );
    expect(otherCaller.statusCode).toBe(201);
  });

  it('answers 409 while the same key is still in flight', async () => {
    const tokenRow = await t.app.db
      .selectFrom('api_tokens')
      .select('id')
      .where('name', '=', '12350 hotline')
      .executeTakeFirstOrThrow();
    const body = { ...CALL, source: 'api' };
    // Another request with this key has claimed it and not finished yet.
    await claimKey(t.app, `token:${tokenRow.id}`, 'key-in-flight-1', requestHash(body));
    const res = await post({ ...bearer, 'idempotency-key': 'key-in-flight-1' }, body);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('DUTY_ERR_IDEMPOTENCY_IN_FLIGHT');
  });

  it('lets one of many simultaneous requests with a new key through; the others wait or replay, none fails', async () => {
    const before = await count();
    const headers = { ...bearer, 'idempotency-key': 'key-at-once-1' };
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(headers)));
    const statuses = answers.map((r) => r.statusCode);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(answers.filter((r) => r.statusCode === 201 && !r.headers['idempotent-replayed'])).toHaveLength(1);
    expect(await count()).toBe(before + 1);
  });

  it('refuses bad intake with a clear 400 and stores nothing', async () => {
    const before = await count();
    for (const payload of [
      { ...CALL, category: 'alien_invasion' },
      { ...CALL, casualties: { deaths: -1 } },
      { ...CALL, occurredAt: 'yesterday' },
      { ...CALL, location: {} },
      { ...CALL, extra: 1 },
    ]) {
      const res = await post(bearer, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect(await count()).toBe(before);
  });
});

describe.each(DIALECTS)('overdue reports and upstream forwarding on %s', (dialect) => {
  const clock = fixedClock('2026-03-04T18:50:00Z');
  let db: TestDatabase;
  let t: TestApp;
  let officer: Session;
  let upstream: Server;
  const received: { key: string | undefined; body: string }[] = [];
  let failNext = 0;

  beforeAll(async () => {
    upstream = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        if (failNext > 0) {
          failNext -= 1;
          res.writeHead(503).end();
          return;
        }
        received.push({ key: req.headers['idempotency-key'] as string | undefined, body });
        res.writeHead(200).end('{}');
      });
    });
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/reports`;
    db = await freshDatabase(dialect);
    t = await startApp({ databaseUrl: db.url, clock, config: { upstreamUrls: [url] } });
    const admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'wangfang', roles: ['officer'] });
    await createUser(t.app, admin, { username: 'liuqiang', roles: ['leader'] });
    officer = await signIn(t.app, 'wangfang', USER_PASSWORD);
  });
  afterAll(async () => {
    await t.app.close();
    await db.drop();
    upstream.close();
  });

  const overdueEvents = async (app: TestApp['app']) => {
    const rows = await app.db
      .selectFrom('events')
      .select('payload')
      .where('type', '=', 'incident.overdue')
      .execute();
    return rows.map((r) => JSON.parse(r.payload));
  };

  it('raises incident.overdue once per missed obligation, also when the server restarts before the deadline', async () => {
    // 重大: phone by 19:20, written by 19:50 (received 18:50Z).
    const a = (
      await t.app.inject(as(officer, { method: 'POST', url: '/api/incidents', payload: MAJOR_CALL }))
    ).json();
    await t.app.close();
    clock.set('2026-03-04T19:20:01Z'); // the phone 首报 was due at 19:20:00
    t = await startApp({ databaseUrl: db.url, clock, config: { upstreamUrls: t.app.config.upstreamUrls } });
    await t.app.scanner.runOnce();
    await t.app.scanner.runOnce();
    const raised = (await overdueEvents(t.app)).filter((p) => p.incident.id === a.id);
    expect(raised.map((p) => p.obligation.kind)).toEqual(['initial_phone']);
    expect(raised[0].incident.overdue).toBe(true);
    clock.set('2026-03-04T19:50:01Z');
    await t.app.scanner.runOnce();
    expect(
      (await overdueEvents(t.app)).filter((p) => p.incident.id === a.id).map((p) => p.obligation.kind),
    ).toEqual(['initial_phone', 'initial_written']);
  });

  it('forwards written reports upstream after commit, retries a failing upstream, and never sends drills', async () => {
    clock.set('2026-03-05T01:00:00Z');
    officer = await signIn(t.app, 'wangfang', USER_PASSWORD);
    const a = (
      await t.app.inject(as(officer, { method: 'POST', url: '/api/incidents', payload: CALL }))
    ).json();
    const drill = (
      await t.app.inject(
        as(officer, { method: 'POST', url: '/api/incidents', payload: { ...CALL, drill: true } }),
      )
    ).json();
    for (const id of [a.id, drill.id]) {
      const res = await t.app.inject(
        as(officer, {
          method: 'POST',
          url: `/api/incidents/${id}/reports`,
          payload: { kind: 'initial', channel: 'system', recipient: '市应急管理局' },
        }),
      );
      expect(res.json().delivery).toBe(id === a.id ? 'pending' : 'none');
    }
    failNext = 1;
    await t.app.scanner.runOnce();
    expect(received).toHaveLength(0);
    clock.set('2026-03-05T01:00:06Z'); // after the first back-off
    await t.app.scanner.runOnce();
    await t.app.scanner.runOnce();
    expect(received).toHaveLength(1);
    expect(received[0]!.key).toMatch(/^report-\d+-0$/);
    expect(JSON.parse(received[0]!.body)).toMatchObject({
      incidentId: a.id,
      report: { title: '首报', kind: 'initial' },
    });
    const detail = (await t.app.inject(as(officer, { method: 'GET', url: `/api/incidents/${a.id}` }))).json();
    expect(detail.reports[0].delivery).toBe('sent');
  });
});
