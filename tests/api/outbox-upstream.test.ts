import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { claimMs, sendDueMessages } from '../../server/modules/outbox/sender';
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
import { CALL } from '../helpers/incidents';

/**
 * How the test upstream treats one request:
 * - `500`/`503`: refuses it;
 * - `hang`: holds it past the sender's timeout, never keeps it;
 * - `close`: drops the connection without keeping it;
 * - `late`: keeps it, then answers only after the sender gave up (a duplicate follows);
 * - `lost`: keeps it, then drops the connection (the answer is lost; a duplicate follows);
 * - `gate`: keeps it and answers when the test opens the gate;
 * - `ok` (when the script is used up): keeps it and answers 200.
 */
type Behaviour = '500' | '503' | 'hang' | 'close' | 'late' | 'lost' | 'gate' | 'ok';

/** A real HTTP upstream that follows a script per path and dedupes what it keeps by Idempotency-Key. */
class TestUpstream {
  readonly server: Server;
  readonly scripts = new Map<string, Behaviour[]>();
  /** Every request that reached it, kept or not. */
  readonly arrivals: { path: string; key: string }[] = [];
  /** What it keeps, once per key: the first body, and how often the key came again. */
  readonly kept = new Map<string, { path: string; body: string; repeats: number }>();
  private gates: (() => void)[] = [];
  private arrivalWaiters: (() => void)[] = [];

  constructor(private readonly holdMs: number) {
    this.server = createServer((req, res) => this.handle(req, res));
  }

  async start(): Promise<string> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.openGates();
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  arrived(): Promise<void> {
    return new Promise((r) => this.arrivalWaiters.push(r));
  }

  openGates(): void {
    for (const open of this.gates.splice(0)) open();
  }

  private keep(path: string, key: string, body: string): void {
    const seen = this.kept.get(key);
    if (seen) seen.repeats += 1;
    else this.kept.set(key, { path, body, repeats: 0 });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const path = req.url ?? '';
      const key = String(req.headers['idempotency-key'] ?? '');
      this.arrivals.push({ path, key });
      for (const wake of this.arrivalWaiters.splice(0)) wake();
      const behaviour = this.scripts.get(path)?.shift() ?? 'ok';
      const answer = () => {
        if (!res.destroyed) res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      };
      switch (behaviour) {
        case '500':
        case '503':
          res.writeHead(Number(behaviour)).end();
          return;
        case 'hang':
          setTimeout(() => res.destroy(), this.holdMs);
          return;
        case 'close':
          req.socket.destroy();
          return;
        case 'late':
          this.keep(path, key, body);
          setTimeout(answer, this.holdMs);
          return;
        case 'lost':
          this.keep(path, key, body);
          req.socket.destroy();
          return;
        case 'gate':
          this.keep(path, key, body);
          this.gates.push(answer);
          return;
        case 'ok':
          this.keep(path, key, body);
          answer();
      }
    });
  }
}

interface OutboxRow {
  idempotency_key: string;
  endpoint: string;
  subject: string;
  status: string;
  attempts: number;
  locked_until: string | null;
}

const outboxRows = async (t: TestApp): Promise<OutboxRow[]> =>
  (await t.app.db.selectFrom('outbox').selectAll().orderBy('id').execute()).map((r) => ({
    ...r,
    attempts: Number(r.attempts),
  }));

const deliveryEvents = async (t: TestApp) =>
  (
    await t.app.db
      .selectFrom('events')
      .select(['subject', 'payload'])
      .where('type', '=', 'report.delivery')
      .orderBy('seq')
      .execute()
  ).map((e) => ({
    subject: e.subject,
    ...(JSON.parse(e.payload) as {
      endpoint: string;
      status: string;
      attempts: number;
      error: string | null;
    }),
  }));

// Long enough that a loaded CI machine still answers a quick 503 within it (250 ms was not).
const TIMEOUT_MS = 600;

describe.each(DIALECTS)('outbox under a failing upstream on %s', (dialect) => {
  const clock = fixedClock('2026-03-05T01:00:00Z');
  const upstream = new TestUpstream(TIMEOUT_MS * 3);
  let base: string;
  let t: TestApp;
  let officer: Session;
  let admin: Session;

  beforeAll(async () => {
    base = await upstream.start();
    t = await startApp({
      dialect,
      clock,
      config: {
        upstreamUrls: [`${base}/city`, `${base}/district`],
        upstreamTimeoutMs: TIMEOUT_MS,
        scanMs: 60_000,
      },
    });
    admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'wangfang', roles: ['officer'] });
    officer = await signIn(t.app, 'wangfang', USER_PASSWORD);
  });
  afterAll(async () => {
    await t.close();
    await upstream.stop();
  });

  const createIncident = async (extra: object = {}) => {
    const res = await t.app.inject(
      as(officer, { method: 'POST', url: '/api/incidents', payload: { ...CALL, ...extra } }),
    );
    expect(res.statusCode).toBe(201);
    return res.json().id as number;
  };
  const sendReport = async (id: number, kind: string, channel = 'system') => {
    const res = await t.app.inject(
      as(officer, {
        method: 'POST',
        url: `/api/incidents/${id}/reports`,
        payload: { kind, channel, recipient: '市应急管理局总值班室' },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; number: number; delivery: string };
  };
  const getBacklog = async (s: Session = officer) => {
    const res = await t.app.inject(as(s, { method: 'GET', url: '/api/outbox/backlog' }));
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  /** The fixed clock jumps to the next retry, as if the back-off had been waited out. */
  const toNextRetry = async () => {
    const next = await t.app.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.min('next_attempt_at').as('at'))
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (next?.at && Date.parse(next.at) > clock.now().getTime()) clock.set(next.at);
  };

  it('delivers every report once by key after failures, timeouts, dropped connections and lost answers', async () => {
    // Each endpoint answers its first requests badly, each in its own way, then recovers.
    upstream.scripts.set('/city', ['503', 'hang', 'late', '500', 'close', 'lost']);
    upstream.scripts.set('/district', ['close', 'lost', '500', 'late', 'hang', '503']);

    const reports: { id: number; incidentId: number; number: number }[] = [];
    for (let i = 0; i < 5; i++) {
      const incidentId = await createIncident({ summary: `两车相撞 ${i}` });
      const first = await sendReport(incidentId, 'initial');
      expect(first.delivery).toBe('pending');
      reports.push({ id: first.id, incidentId, number: first.number });
      if (i % 2 === 0) {
        const next = await sendReport(incidentId, 'followup');
        reports.push({ id: next.id, incidentId, number: next.number });
      }
    }
    // Never forwarded: a drill, and a report made by phone.
    const drill = await createIncident({ drill: true });
    expect((await sendReport(drill, 'initial')).delivery).toBe('none');
    const byPhone = await createIncident();
    expect((await sendReport(byPhone, 'initial', 'phone')).delivery).toBe('none');
    const expectedKeys = reports.flatMap((r) => [`report-${r.id}-0`, `report-${r.id}-1`]).sort();
    expect((await outboxRows(t)).map((r) => r.idempotency_key).sort()).toEqual(expectedKeys);

    // The outage: every endpoint fails its first round; the backlog shows its size, age and error.
    await sendDueMessages(t.app);
    clock.advance(5 * 60_000);
    const during = await getBacklog();
    expect(during).toMatchObject({ pending: expectedKeys.length, oldestAgeSeconds: 300 });
    expect(during.endpoints).toHaveLength(2);
    for (const e of during.endpoints) {
      expect(e.pending).toBe(reports.length);
      expect(e.lastError?.message).toMatch(/HTTP 503|fetch failed/);
    }

    // Rounds go on, the clock waiting out each back-off, until nothing is left.
    let rounds = 0;
    while ((await outboxRows(t)).some((r) => r.status !== 'sent')) {
      expect(++rounds, 'rounds to drain the outbox').toBeLessThan(40);
      await toNextRetry();
      await sendDueMessages(t.app);
    }
    upstream.openGates();

    // Exactly once per key at the upstream's dedup level, nothing lost, nothing extra.
    expect([...upstream.kept.keys()].sort()).toEqual(expectedKeys);
    for (const r of reports) {
      for (const [i, path] of ['/city', '/district'].entries()) {
        const kept = upstream.kept.get(`report-${r.id}-${i}`);
        expect(kept?.path).toBe(path);
        expect(JSON.parse(kept!.body)).toMatchObject({
          incidentId: r.incidentId,
          report: { number: r.number },
        });
      }
    }
    // The lost and late answers made the sender send those messages again; the key absorbed it.
    const repeated = [...upstream.kept.values()].filter((k) => k.repeats > 0);
    expect(repeated.length).toBe(4);
    expect(upstream.arrivals.length).toBeGreaterThan(expectedKeys.length);

    // Every row sent; every report shows it.
    const rows = await outboxRows(t);
    expect(rows.every((r) => r.status === 'sent' && r.locked_until === null)).toBe(true);
    for (const r of reports) {
      const detail = (
        await t.app.inject(as(officer, { method: 'GET', url: `/api/incidents/${r.incidentId}` }))
      ).json();
      const shown = detail.reports.find((x: { id: number }) => x.id === r.id);
      expect(shown.delivery).toBe('sent');
    }

    // Every attempt is an event: one failure per refused request, one `sent` per message.
    const events = await deliveryEvents(t);
    const failures = events.filter((e) => e.status === 'retrying');
    const sent = events.filter((e) => e.status === 'sent');
    expect(failures).toHaveLength(12);
    expect(sent).toHaveLength(expectedKeys.length);
    expect(new Set(sent.map((e) => `${e.subject} ${e.endpoint}`)).size).toBe(expectedKeys.length);
    expect(upstream.arrivals).toHaveLength(failures.length + sent.length);
    const errors = failures.map((e) => e.error).join('\n');
    expect(errors).toMatch(/HTTP 500/);
    expect(errors).toMatch(/HTTP 503/);
    expect(errors).toMatch(new RegExp(`no answer within ${TIMEOUT_MS} ms`));
    expect(errors).toMatch(/fetch failed: /);
    for (const row of rows) {
      const mine = events.filter((e) => e.subject === row.subject && e.endpoint === row.endpoint);
      expect(mine.map((e) => e.attempts)).toEqual(mine.map((_, i) => i + 1));
      expect(mine.at(-1)?.status).toBe('sent');
      expect(row.attempts).toBe(mine.length);
    }

    // Recovered: no backlog, no error shown; and the event chain still verifies.
    const after = await getBacklog();
    expect(after).toMatchObject({ pending: 0, oldestCreatedAt: null, oldestAgeSeconds: 0 });
    expect(after.endpoints.map((e: { lastError: unknown }) => e.lastError)).toEqual([null, null]);
    const verified = await t.app.inject(as(admin, { method: 'GET', url: '/api/events/verify' }));
    expect(verified.json().ok).toBe(true);
  });

  it('lets the duty room and leaders see the backlog, and nobody else', async () => {
    await createUser(t.app, admin, { username: 'liuqiang', roles: ['leader'] });
    const leader = await signIn(t.app, 'liuqiang', USER_PASSWORD);
    for (const s of [officer, leader, admin]) expect((await getBacklog(s)).endpoints).toHaveLength(2);
    const { secret } = (
      await t.app.inject(as(admin, { method: 'POST', url: '/api/tokens', payload: { name: 'cad' } }))
    ).json();
    const bySystem = await t.app.inject({
      method: 'GET',
      url: '/api/outbox/backlog',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(bySystem.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/outbox/backlog' })).statusCode).toBe(401);
  });
});

describe.each(DIALECTS)('outbox claims under a slow upstream on %s', (dialect) => {
  const clock = fixedClock('2026-03-05T01:00:00Z');
  const upstream = new TestUpstream(0);
  let db: TestDatabase;
  let nodeA: TestApp;
  let nodeB: TestApp;
  let officer: Session;
  // Long enough that no send in this block times out: only the test decides when the upstream answers.
  const timeoutMs = 20_000;

  beforeAll(async () => {
    const base = await upstream.start();
    db = await freshDatabase(dialect);
    const config = { upstreamUrls: [`${base}/slow`], upstreamTimeoutMs: timeoutMs, scanMs: 60_000 };
    nodeA = await startApp({ databaseUrl: db.url, clock, config });
    nodeB = await startApp({ databaseUrl: db.url, clock, config });
    const admin = await signInAdmin(nodeA.app);
    await createUser(nodeA.app, admin, { username: 'wangfang', roles: ['officer'] });
    officer = await signIn(nodeA.app, 'wangfang', USER_PASSWORD);
  });
  let nodeAClosed = false;
  afterAll(async () => {
    await nodeB.app.close();
    if (!nodeAClosed) await nodeA.app.close();
    await db.drop();
    await upstream.stop();
  });

  const reportOnce = async () => {
    const incident = await nodeA.app.inject(
      as(officer, { method: 'POST', url: '/api/incidents', payload: CALL }),
    );
    const res = await nodeA.app.inject(
      as(officer, {
        method: 'POST',
        url: `/api/incidents/${incident.json().id}/reports`,
        payload: { kind: 'initial', channel: 'system', recipient: '市应急管理局' },
      }),
    );
    return res.json().id as number;
  };

  it('holds a claim longer than the send can take, and the scanner does not wait for a slow upstream', async () => {
    for (const ms of [100, TIMEOUT_MS, 10_000, 120_000]) expect(claimMs(ms)).toBeGreaterThan(ms);
    const reportId = await reportOnce();
    const subject = `report:${reportId}`;
    upstream.scripts.set('/slow', ['gate']);
    const arrived = upstream.arrived();
    const pass = nodeA.app.scanner.runOnce();
    await arrived;
    const row = (await outboxRows(nodeA)).find((r) => r.subject === subject)!;
    const heldMs = Date.parse(row.locked_until!) - clock.now().getTime();
    // The upstream's 20 s timeout plus the 30 s margin for the database round trips around the send.
    expect(heldMs).toBe(50_000);
    expect(heldMs).toBeGreaterThan(timeoutMs);
    // While the claim holds, the other node leaves the row alone.
    expect(await sendDueMessages(nodeB.app)).toBe(0);
    // The scanner's pass ends (overdue alerts go on) while the upstream still has not answered.
    await pass;
    expect((await outboxRows(nodeA)).find((r) => r.subject === subject)?.status).toBe('pending');
    upstream.openGates();
    await vi.waitFor(async () =>
      expect((await outboxRows(nodeA)).find((r) => r.subject === subject)?.status).toBe('sent'),
    );
    expect(upstream.arrivals.filter((a) => a.key === row.idempotency_key)).toHaveLength(1);
  });

  it('never sends a message twice at once from one node, and a second node that takes over an expired claim does no harm', async () => {
    const reportId = await reportOnce();
    const subject = `report:${reportId}`;
    upstream.scripts.set('/slow', ['gate']);
    const arrived = upstream.arrived();
    const first = sendDueMessages(nodeA.app);
    await arrived;
    const key = (await outboxRows(nodeA)).find((r) => r.subject === subject)!.idempotency_key;

    // The claim runs out by the clock while the send is still in flight (a clock jump, a stalled node).
    clock.advance(claimMs(timeoutMs) + 1_000);
    expect(await sendDueMessages(nodeA.app)).toBe(0);
    await nodeA.app.scanner.runOnce();
    expect(upstream.arrivals.filter((a) => a.key === key)).toHaveLength(1);

    // Another node may take the expired claim over and send again: the key makes it one delivery.
    expect(await sendDueMessages(nodeB.app)).toBe(1);
    upstream.openGates();
    await first;
    expect(upstream.arrivals.filter((a) => a.key === key)).toHaveLength(2);
    expect(upstream.kept.get(key)?.repeats).toBe(1);
    const events = (await deliveryEvents(nodeA)).filter((e) => e.subject === subject);
    expect(events.map((e) => e.status)).toEqual(['sent']);
    expect((await outboxRows(nodeA)).find((r) => r.subject === subject)).toMatchObject({
      status: 'sent',
      attempts: 1,
      locked_until: null,
    });
  });

  it('gives its claim back when the node shuts down mid-send, and the next node delivers it once', async () => {
    const reportId = await reportOnce();
    const subject = `report:${reportId}`;
    upstream.scripts.set('/slow', ['gate']);
    const arrived = upstream.arrived();
    const stalled = sendDueMessages(nodeA.app);
    await arrived;
    await nodeA.app.close();
    nodeAClosed = true;
    await stalled;
    const row = (await outboxRows(nodeB)).find((r) => r.subject === subject)!;
    expect(row).toMatchObject({ status: 'pending', attempts: 0, locked_until: null });
    expect(await sendDueMessages(nodeB.app)).toBe(1);
    expect(upstream.kept.get(row.idempotency_key)?.repeats).toBe(1);
    expect((await outboxRows(nodeB)).find((r) => r.subject === subject)?.status).toBe('sent');
  });
});
