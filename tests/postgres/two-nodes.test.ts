import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AnyDutyEvent } from '@shared/events';
import { SESSION_COOKIE } from '@shared/schemas/auth';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, USER_PASSWORD } from '../helpers/app';
import { freshDatabase, type TestDatabase } from '../helpers/databases';
import { CALL } from '../helpers/incidents';
import { closeAllConsoles, connectConsole, range, settle } from '../helpers/live-client';
import { type ServerProcess, startServerProcess } from '../helpers/server-process';

/**
 * Two real server processes on one PostgreSQL database: one console service. The heartbeat is an
 * hour away (capped at 60 s), so whatever a console on the other node gets came through the cluster
 * adapter or the catch-up, never the heartbeat's backfill. Both nodes scan every 150 ms.
 */
interface HttpSession {
  cookie: string;
  headers: Record<string, string>;
}

async function signIn(node: ServerProcess, username: string, password: string): Promise<HttpSession> {
  const res = await fetch(`${node.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error('no session cookie');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' } };
}

async function post<T>(node: ServerProcess, session: HttpSession, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${node.url}${path}`, {
    method: 'POST',
    headers: session.headers,
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`POST ${path} on ${node.url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A test upstream that answers 200 at once and counts every request by Idempotency-Key. */
async function startUpstream(): Promise<{ server: Server; url: string; arrivals: Map<string, number> }> {
  const arrivals = new Map<string, number>();
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const key = String(req.headers['idempotency-key']);
      arrivals.set(key, (arrivals.get(key) ?? 0) + 1);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/reports`, arrivals };
}

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await settle(100);
  }
}

const seqs = (events: AnyDutyEvent[]) => events.map((e) => e.seq);

describe('two server processes on one PostgreSQL', () => {
  let database: TestDatabase;
  let sql: pg.Client;
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let a: ServerProcess;
  let b: ServerProcess;
  let admin: HttpSession;
  let officer: HttpSession;
  let leader: HttpSession;

  const head = async () => Number((await sql.query('select max(seq) as head from events')).rows[0].head);
  const incident = (node: ServerProcess, extra: Record<string, unknown> = {}) =>
    post<{ id: number }>(node, officer, '/api/incidents', { ...CALL, ...extra });

  beforeAll(async () => {
    database = await freshDatabase('postgres');
    upstream = await startUpstream();
    const env = { HEARTBEAT_MS: '60000', SCAN_MS: '150', UPSTREAM_URLS: upstream.url };
    // At once, on an empty database: both migrate and both try to create the admin account.
    [a, b] = await Promise.all([
      startServerProcess({ databaseUrl: database.url, env }),
      startServerProcess({ databaseUrl: database.url, env }),
    ]);
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    admin = await signIn(a, 'admin', ADMIN_PASSWORD);
    for (const [username, roles] of [
      ['officer1', ['officer']],
      ['leader1', ['leader', 'officer']],
    ] as const) {
      await post(b, admin, '/api/users', {
        username,
        displayName: username,
        password: USER_PASSWORD,
        roles,
        qualified: true,
      });
    }
    officer = await signIn(b, 'officer1', USER_PASSWORD);
    leader = await signIn(a, 'leader1', USER_PASSWORD);
  }, 120_000);
  afterEach(() => closeAllConsoles());
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await sql?.end();
    await new Promise((done) => upstream?.server.close(done));
    await database?.drop();
  });

  it('both nodes started at once on the empty database: one schema, one admin', async () => {
    const admins = await sql.query(`select count(*)::int as n from users where username = 'admin'`);
    expect(admins.rows[0].n).toBe(1);
    const migrations = await sql.query('select name from kysely_migration');
    expect(new Set(migrations.rows.map((r) => r.name)).size).toBe(migrations.rowCount);
    for (const node of [a, b]) expect((await fetch(`${node.url}/api/health`)).status).toBe(200);
  });

  it('incidents posted to either node reach the consoles on both, in seq order, once', async () => {
    const from = await head();
    const onA = await connectConsole(a.url, { cookie: admin.cookie, lastSeq: from });
    const onB = await connectConsole(b.url, { cookie: admin.cookie, lastSeq: from });
    const created = await Promise.all([
      ...[1, 2, 3].map(() => incident(a)),
      ...[1, 2, 3].map(() => incident(b)),
    ]);
    const to = await head();
    for (const c of [onA, onB]) {
      await c.appliedUpTo(to, 5_000);
      await settle(300);
      expect(seqs(c.received)).toEqual(range(from + 1, to - from));
      const ids = c.received.flatMap((e) => (e.type === 'incident.created' ? [e.payload.incident.id] : []));
      expect(ids.sort()).toEqual(created.map((i) => i.id).sort());
    }
    expect(onB.received).toEqual(onA.received);
  });

  it('node B applies the read rules to what node A committed: an officer gets the incidents, not the people', async () => {
    const from = await head();
    const adminOnB = await connectConsole(b.url, { cookie: admin.cookie, lastSeq: from });
    const officerOnB = await connectConsole(b.url, { cookie: officer.cookie, lastSeq: from });
    const person = { displayName: 'x', password: USER_PASSWORD, roles: ['officer'], qualified: true };
    await post(a, admin, '/api/users', { ...person, username: 'rules-1' }); // from + 1
    const first = await incident(a); // from + 2
    await post(a, admin, '/api/tokens', { name: 'on node a' }); // from + 3
    const second = await incident(a); // from + 4
    await adminOnB.appliedUpTo(from + 4, 5_000);
    await officerOnB.appliedUpTo(from + 4, 5_000);
    await settle(300);
    expect(adminOnB.received.map((e) => e.type)).toEqual([
      'user.created',
      'incident.created',
      'token.created',
      'incident.created',
    ]);
    expect(officerOnB.received.map((e) => [e.seq, e.subject])).toEqual([
      [from + 2, `incident:${first.id}`],
      [from + 4, `incident:${second.id}`],
    ]);
    expect(officerOnB.prevSeqs).toEqual([from, from + 2]);
    // And on catch-up from the log of either node.
    for (const node of [a, b]) {
      const back = await connectConsole(node.url, { cookie: officer.cookie, lastSeq: from });
      await back.appliedUpTo(from + 4, 5_000);
      await settle(300);
      expect(back.received.map((e) => e.seq)).toEqual([from + 2, from + 4]);
    }
  });

  it('a console reconnecting to node B with its lastSeq gets what was committed on node A meanwhile', async () => {
    const lastSeq = await head();
    const first = await connectConsole(b.url, { cookie: admin.cookie, lastSeq });
    first.close();
    for (let i = 0; i < 5; i++) await incident(a);
    const to = await head();
    const back = await connectConsole(b.url, { cookie: admin.cookie, lastSeq });
    await back.appliedUpTo(to, 5_000);
    // Live again: the next one from node A follows straight on.
    await incident(a);
    await back.appliedUpTo(to + 1, 5_000);
    await settle(300);
    expect(seqs(back.received)).toEqual(range(lastSeq + 1, to + 1 - lastSeq));
  });

  it('first reports falling due while both nodes scan: one incident.overdue each, in total', async () => {
    const console = await connectConsole(b.url, { cookie: admin.cookie, lastSeq: await head() });
    // Grade II (ten dead): the phone 首报 is due 30 min after receipt, i.e. 2 s from now.
    const receivedAt = new Date(Date.now() - 30 * 60_000 + 2_000).toISOString();
    const casualties = { deaths: 10 };
    const created = await Promise.all(
      Array.from({ length: 10 }, (_, i) => incident(i % 2 ? a : b, { receivedAt, casualties })),
    );
    const ids = created.map((i) => i.id);
    const overdue = async () =>
      (
        await sql.query<{ subject: string; n: number }>(
          `select subject, count(*)::int as n from events
           where type = 'incident.overdue' and subject = any($1) group by subject`,
          [ids.map((id) => `incident:${id}`)],
        )
      ).rows;
    await until('every overdue raised', async () => ((await overdue()).length === 10 ? true : undefined));
    await settle(1_000); // several more passes on each node
    expect(await overdue()).toEqual(
      expect.arrayContaining(ids.map((id) => ({ subject: `incident:${id}`, n: 1 }))),
    );
    expect((await overdue()).length).toBe(10);
    await until('the console has them', async () =>
      console.received.filter((e) => e.type === 'incident.overdue').length >= 10 ? true : undefined,
    );
    const seen = console.received.filter((e) => e.type === 'incident.overdue');
    expect(seen.map((e) => e.subject).sort()).toEqual(ids.map((id) => `incident:${id}`).sort());
    expect(new Set(seqs(console.received)).size).toBe(console.received.length);
  });

  it('the outbox on both nodes sends each written report upstream once', async () => {
    const created = await Promise.all(Array.from({ length: 6 }, (_, i) => incident(i % 2 ? a : b)));
    const from = await head();
    const consoles = [
      await connectConsole(a.url, { cookie: admin.cookie, lastSeq: from }),
      await connectConsole(b.url, { cookie: admin.cookie, lastSeq: from }),
    ];
    // Over NOTIFY's 8000-byte limit: these events travel through the adapter's attachments table.
    const text = '报'.repeat(3_000);
    await Promise.all(
      created.map((c, i) =>
        post(i % 2 ? b : a, leader, `/api/incidents/${c.id}/reports`, {
          kind: 'initial',
          channel: 'written',
          recipient: '市应急管理局',
          text,
        }),
      ),
    );
    const attachments = await sql.query('select count(*)::int as n from socket_io_attachments');
    expect(attachments.rows[0].n).toBeGreaterThan(0);
    for (const c of consoles) {
      await until('the reports on both consoles', async () =>
        c.received.filter((e) => e.type === 'incident.reported').length >= 6 ? true : undefined,
      );
      const reported = c.received.filter((e) => e.type === 'incident.reported');
      expect(reported.map((e) => e.subject).sort()).toEqual(created.map((i) => `incident:${i.id}`).sort());
      expect(seqs(c.applied)).toEqual(range(from + 1, c.applied.length));
    }
    const rows = async () =>
      (
        await sql.query<{ key: string; status: string; attempts: number }>(
          `select idempotency_key as key, status, attempts from outbox
           where subject in (select 'report:' || id from incident_reports where incident_id = any($1))`,
          [created.map((c) => c.id)],
        )
      ).rows;
    await until('every report sent', async () => {
      const all = await rows();
      return all.length === 6 && all.every((r) => r.status === 'sent') ? all : undefined;
    });
    await settle(1_000);
    const sent = await rows();
    for (const row of sent) {
      expect(row.attempts).toBe(1);
      expect(upstream.arrivals.get(row.key)).toBe(1);
    }
  });
  it('survives PostgreSQL dropping the LISTEN connections: both nodes stay up, listen again, fill the gap', async () => {
    const listeners = async () =>
      Number(
        (
          await sql.query(
            `select count(*)::int as n from pg_stat_activity
             where datname = current_database() and query ilike 'listen%'`,
          )
        ).rows[0].n,
      );
    expect(await listeners()).toBe(2);
    const from = await head();
    const onB = await connectConsole(b.url, { cookie: admin.cookie, lastSeq: from });
    await sql.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
       where datname = current_database() and query ilike 'listen%'`,
    );
    const during = await incident(a);
    await until('both nodes listening again', async () => ((await listeners()) === 2 ? true : undefined));
    const after = await incident(a);
    const to = await head();
    await onB.appliedUpTo(to, 5_000);
    const ids = onB.applied.flatMap((e) => (e.type === 'incident.created' ? [e.payload.incident.id] : []));
    expect(ids).toEqual([during.id, after.id]);
    expect(seqs(onB.received)).toEqual(range(from + 1, to - from));
    for (const node of [a, b]) expect(node.child.exitCode).toBeNull();
  });
});
