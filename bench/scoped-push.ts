/**
 * The scoped live feed under load (DESIGN 3, "every event has an audience"): 1,000 consoles spread
 * over 20 units — the district and 19 townships, 50 consoles each — and reports at 5/s, each
 * recorded by a township officer. Scoped: a report goes to its township's 50 consoles and the
 * district's 50, never to the other 900; latency runs from the POST to the last console of its
 * audience. Unscoped, today's figure: the same 1,000 consoles all in the district, every report to
 * every console. Both in the same run, on one server process, twice (order swapped the second time).
 * Every console also counts what it should not have been sent: a sibling's report is a leak.
 * SCOPED_SECONDS (default 8) sets the length of each push run.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { ADMIN_PASSWORD, USER_PASSWORD } from '../tests/helpers/app';
import { CALL } from '../tests/helpers/incidents';
import { startServerProcess } from '../tests/helpers/server-process';
import { type Answer, jsonPoster, paced, percentile } from './lib/http-load';
import { benchFolder } from './lib/targets';
import { startUnitFarm, type UnitFarm } from './lib/unit-farm';

const PUSH_SECONDS = Number(process.env.SCOPED_SECONDS ?? 8);
const RATE = 5;
const UNITS = 20;
/** Consoles per unit (SCOPED_PER_UNIT, default 50: 1,000 in all); fewer for a quick try. */
const PER_UNIT = Number(process.env.SCOPED_PER_UNIT ?? 50);
const TARGET_RATIO = 1.5;

const load = () => `load ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs`;
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

interface Session {
  cookie: string;
  headers: Record<string, string>;
}

interface Push {
  p50: number;
  p99: number;
  max: number;
  sent: number;
  /** Reports not at every console of their audience within 15 s. */
  missing: number;
  /** Groups (units) sent a report outside their audience. */
  leaks: number;
  failed: number;
}

type Http = ReturnType<typeof jsonPoster>;

async function signIn(http: Http, username: string, password: string): Promise<Session> {
  const res = await http.post('/api/auth/login', { username, password });
  if (res.status !== 200) throw new Error(`sign-in of ${username}: ${res.status} ${res.body}`);
  const cookie = ([] as string[])
    .concat(res.headers['set-cookie'] ?? [])
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('duty_session='));
  if (!cookie) throw new Error('no session cookie');
  const csrf = (JSON.parse(res.body) as { csrfToken: string }).csrfToken;
  return { cookie, headers: { cookie, 'x-csrf-token': csrf } };
}

const expectCreated = (what: string, a: Answer) => {
  if (a.status !== 201) throw new Error(`${what}: ${a.status} ${a.body}`);
  return JSON.parse(a.body) as { id: number };
};

let nextMarker = 1;

/**
 * Reports at RATE/s for PUSH_SECONDS, report i by township `from(i)`; latency from its POST to the
 * last console of every group in `audience(i)`. A group outside it that has the report is a leak.
 */
async function pushRun(
  farm: UnitFarm,
  post: (township: number, marker: number) => Promise<Answer>,
  from: (i: number) => number,
  audience: (township: number) => string[],
): Promise<Push> {
  const first = nextMarker;
  const total = Math.round(RATE * PUSH_SECONDS);
  nextMarker += total;
  const pending = new Map<number, Set<string>>();
  const lastAt = new Map<number, number>();
  let leaks = 0;
  for (let i = 0; i < total; i++) pending.set(first + i, new Set(audience(from(i))));
  let allIn: () => void = () => {};
  const complete = new Promise<void>((done) => {
    allIn = done;
  });
  farm.onDelivered((group, marker, at) => {
    const waiting = pending.get(marker);
    if (marker < first || marker >= first + total) return;
    if (!waiting?.delete(group)) {
      leaks += 1;
      return;
    }
    if (waiting.size > 0) return;
    lastAt.set(marker, at);
    if (lastAt.size === total) allIn();
  });
  const { sentAt, failed } = await paced(RATE, PUSH_SECONDS, (i) => post(from(i), first + i));
  await Promise.race([complete, new Promise((r) => setTimeout(r, 15_000))]);
  // Late leaks show up after the audience is complete: give them a moment.
  await new Promise((r) => setTimeout(r, 500));
  farm.onDelivered(undefined);
  const latencies = sentAt.flatMap((t, i) => {
    const at = lastAt.get(first + i);
    return at === undefined ? [] : [at - t];
  });
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: Math.max(...latencies),
    sent: total,
    missing: total - latencies.length,
    leaks,
    failed,
  };
}

const folder = benchFolder();
const farm = startUnitFarm();
execFileSync('npm', ['run', 'build:server', '--silent'], { stdio: 'inherit' });
const dbFile = join(folder.dir, 'duty.sqlite');
const server = await startServerProcess({ databaseUrl: `sqlite:${dbFile}` });
const http = jsonPoster(server.url);
try {
  const admin = await signIn(http, 'admin', ADMIN_PASSWORD);
  // The tree: the district (unit 1, from the migration) and 19 townships below it. Written straight
  // into the file (the server reads units from it, never caches them): the bench needs no admin screen.
  const sqlite = new SQLite(dbFile);
  sqlite.pragma('busy_timeout = 5000');
  const at = new Date().toISOString();
  const insertUnit = sqlite.prepare(
    `insert into units (id, parent_id, kind, name, code, path, phone, enabled, created_at, updated_at)
     values (?, 1, 'township', ?, ?, ?, '', 1, ?, ?)`,
  );
  const townships = Array.from({ length: UNITS - 1 }, (_, i) => i + 2);
  for (const id of townships) insertUnit.run(id, `镇${id}`, `town-${id}`, `/1/${id}/`, at, at);
  sqlite.close();
  // One officer per unit; a unit's 50 consoles share its session.
  const sessions = new Map<number, Session>();
  for (const unit of [1, ...townships]) {
    const username = `officer-${unit}`;
    expectCreated(
      `user ${username}`,
      await http.post(
        '/api/users',
        {
          username,
          displayName: username,
          password: USER_PASSWORD,
          roles: ['officer'],
          qualified: true,
          unitId: unit,
        },
        admin.headers,
      ),
    );
    sessions.set(unit, await signIn(http, username, USER_PASSWORD));
  }
  const post = (township: number, marker: number) =>
    http.post(
      '/api/incidents',
      { ...CALL, summary: `${CALL.summary} #${marker}` },
      { ...sessions.get(township)!.headers, 'idempotency-key': `bench-scoped-${marker}` },
    );
  const from = (i: number) => townships[i % townships.length]!;
  // Warm up (JIT, the first pages of the file) before anything is timed.
  for (let i = 0; i < 20; i++) expectCreated('warm-up report', await post(from(i), nextMarker++));

  const connect = async (spread: boolean) => {
    const start = performance.now();
    for (const unit of [1, ...townships]) {
      const session = sessions.get(spread ? unit : 1)!;
      await farm.connect(server.url, spread ? `unit-${unit}` : `district-${unit}`, PER_UNIT, {
        cookie: session.cookie,
      });
    }
    return performance.now() - start;
  };
  const runs: { name: string; push: Push }[] = [];
  for (const order of [
    ['unscoped', 'scoped'],
    ['scoped', 'unscoped'],
  ]) {
    for (const name of order) {
      const scoped = name === 'scoped';
      const ms = await connect(scoped);
      console.log(`${name}: ${UNITS * PER_UNIT} consoles connected in ${Math.round(ms)} ms (${load()})`);
      await new Promise((r) => setTimeout(r, 1000));
      const push = await pushRun(
        farm,
        post,
        from,
        scoped
          ? (township) => ['unit-1', `unit-${township}`]
          : () => [1, ...townships].map((u) => `district-${u}`),
      );
      const stats = await farm.stats();
      console.log(
        `  ${name} push ${UNITS * PER_UNIT} × ${RATE}/s: p50 ${fmt(push.p50)} ms, p99 ${fmt(push.p99)} ms, ` +
          `max ${fmt(push.max)} ms (${push.sent} sent, ${push.missing} not at all of their audience, ` +
          `${push.leaks} leaked to another unit, ${push.failed} failed; ${stats.dropped} consoles dropped, ` +
          `${stats.duplicates} duplicates; ${load()})`,
      );
      runs.push({ name, push });
      await farm.disconnect();
    }
  }
  console.log('');
  const rows = [['run', 'unscoped p99 ms', 'scoped p99 ms', 'ratio', 'target', 'met']];
  for (let r = 0; r < 2; r++) {
    const u = runs.find((x, i) => x.name === 'unscoped' && Math.floor(i / 2) === r)!.push;
    const s = runs.find((x, i) => x.name === 'scoped' && Math.floor(i / 2) === r)!.push;
    const met = s.p99 <= TARGET_RATIO * u.p99 && s.missing === 0 && s.leaks === 0 && s.failed === 0;
    rows.push([
      String(r + 1),
      fmt(u.p99),
      fmt(s.p99),
      fmt(s.p99 / u.p99, 2),
      `≤ ${TARGET_RATIO} × unscoped, no leak, none missing`,
      met ? 'yes' : 'NO',
    ]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
} finally {
  farm.stop();
  http.close();
  await server.stop();
  folder.remove();
}
