/**
 * Ingest on PostgreSQL (issue 18 point 1): the built server, one app node and then two app nodes on
 * one database, 16 closed-loop callers of the idempotent intake (an API token, as bench/network.ts),
 * no consoles. What bounds it: every command takes the events append lock (an advisory transaction
 * lock, server/events/append.ts) first and holds it to its commit, so commands run one at a time
 * across all nodes. While the load runs, another connection samples pg_locks / pg_stat_activity
 * every few ms: how often the lock is held, by a backend doing what (running SQL in PostgreSQL,
 * flushing the commit to disk, or idle in transaction: waiting for the app node's next statement),
 * and how many wait for it. The lock's hold time per report is the ceiling of throughput:
 * 1000 / hold ms, whatever the number of nodes.
 *
 * Needs TEST_DATABASE_URL (a server the bench may create a database on). PG_INGEST_SECONDS (default 8).
 */

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import pg from 'pg';
import { ADMIN_PASSWORD } from '../tests/helpers/app';
import { freshDatabase } from '../tests/helpers/databases';
import { CALL } from '../tests/helpers/incidents';
import { type ServerProcess, startServerProcess } from '../tests/helpers/server-process';
import { type Answer, jsonPoster, now, percentile } from './lib/http-load';
import { cpuMsOf } from './lib/processes';

const SECONDS = Number(process.env.PG_INGEST_SECONDS ?? 8);
const CALLERS = 16;
const SAMPLE_MS = 5;
/** server/events/append.ts APPEND_LOCK_KEY: a bigint key, so objid holds it (classid 0). */
const APPEND_LOCK_KEY = 7_202_611;

const load = () => `load ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs`;
const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

interface Node {
  server: ServerProcess;
  post(n: number): Promise<Answer>;
  close(): void;
}

let nextMarker = 1;
const body = (n: number) => ({ ...CALL, source: 'api', summary: `${CALL.summary} #${n}` });

async function signInAndToken(url: string): Promise<string> {
  const http = jsonPoster(url);
  try {
    const login = await http.post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${login.body}`);
    const cookie = ([] as string[])
      .concat(login.headers['set-cookie'] ?? [])
      .map((c) => c.split(';')[0]!)
      .find((c) => c.startsWith('duty_session='));
    const csrf = (JSON.parse(login.body) as { csrfToken: string }).csrfToken;
    const created = await http.post(
      '/api/tokens',
      { name: '12350 hotline' },
      { cookie: cookie ?? '', 'x-csrf-token': csrf },
    );
    if (created.status !== 201) throw new Error(`token failed: ${created.status} ${created.body}`);
    return `Bearer ${(JSON.parse(created.body) as { secret: string }).secret}`;
  } finally {
    http.close();
  }
}

function nodeOf(server: ServerProcess, bearer: string): Node {
  const http = jsonPoster(server.url);
  return {
    server,
    post: (n) =>
      http.post('/api/incidents', body(n), { authorization: bearer, 'idempotency-key': `pg-bench-${n}` }),
    close: () => http.close(),
  };
}

/**
 * CPU time of each PostgreSQL backend serving this database (the server runs on this machine and is
 * shared with other work: its other databases are not ours), by pid, in ms.
 */
async function backendCpuMs(client: pg.Client): Promise<Map<number, number>> {
  const { rows } = await client.query(
    'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
  );
  const cpu = new Map<number, number>();
  for (const { pid } of rows as { pid: number }[]) {
    try {
      cpu.set(pid, cpuMsOf(pid));
    } catch {
      // gone meanwhile
    }
  }
  return cpu;
}

/** The whole machine's busy share of its CPUs, between two readings of /proc/stat. */
function cpuTicks(): { busy: number; all: number } {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const n = fields.map(Number);
  const idle = n[3]! + n[4]!;
  const all = n.reduce((a, b) => a + b, 0);
  return { busy: all - idle, all };
}

interface LockSamples {
  samples: number;
  held: number;
  /** What the holder was doing, by sample. */
  holder: Record<string, number>;
  waitersSum: number;
}

/** Samples the append lock from its own connection until `stop` resolves. */
async function sampleAppendLock(url: string, stop: Promise<void>): Promise<LockSamples> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const out: LockSamples = { samples: 0, held: 0, holder: {}, waitersSum: 0 };
  let stopped = false;
  void stop.then(() => {
    stopped = true;
  });
  try {
    while (!stopped) {
      const { rows } = await client.query(
        `select l.granted, a.state, a.wait_event_type, a.wait_event
           from pg_locks l join pg_stat_activity a on a.pid = l.pid
          where l.locktype = 'advisory' and l.objid = $1 and a.datname = current_database()`,
        [APPEND_LOCK_KEY],
      );
      out.samples += 1;
      for (const r of rows as {
        granted: boolean;
        state: string;
        wait_event_type: string | null;
        wait_event: string | null;
      }[]) {
        if (!r.granted) {
          out.waitersSum += 1;
          continue;
        }
        out.held += 1;
        const what =
          r.state === 'idle in transaction'
            ? 'waiting for the app node (idle in transaction)'
            : r.wait_event_type === 'IO' && /^WAL/.test(r.wait_event ?? '')
              ? `flushing the commit (${r.wait_event})`
              : r.wait_event_type === 'LWLock' || r.wait_event_type === 'Lock'
                ? `waiting inside PostgreSQL (${r.wait_event})`
                : 'running SQL';
        out.holder[what] = (out.holder[what] ?? 0) + 1;
      }
      await new Promise((r) => setTimeout(r, SAMPLE_MS));
    }
  } finally {
    await client.end();
  }
  return out;
}

/** CALLERS callers spread over the nodes, each sending the next report as soon as the last is answered. */
async function ingest(label: string, nodes: Node[], dbUrl: string): Promise<void> {
  const latencies: number[] = [];
  let failed = 0;
  const cpuBefore = nodes.map((n) => cpuMsOf(n.server.pid));
  const observer = new pg.Client({ connectionString: dbUrl });
  await observer.connect();
  const pgBefore = await backendCpuMs(observer);
  const ticksBefore = cpuTicks();
  let endSampling: () => void = () => {};
  const sampling = sampleAppendLock(dbUrl, new Promise<void>((done) => (endSampling = done)));
  const start = now();
  const end = start + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CALLERS }, async (_, i) => {
      const node = nodes[i % nodes.length]!;
      while (now() < end) {
        const t0 = now();
        const answer = await node.post(nextMarker++);
        if (answer.status === 201) latencies.push(now() - t0);
        else failed += 1;
      }
    }),
  );
  const elapsedMs = now() - start;
  endSampling();
  const lock = await sampling;
  const ticksAfter = cpuTicks();
  const done = latencies.length;
  const perSecond = (done * 1000) / elapsedMs;
  const nodeCpu = nodes.map((n, i) => (cpuMsOf(n.server.pid) - cpuBefore[i]!) / done);
  let pgMs = 0;
  for (const [pid, ms] of await backendCpuMs(observer)) pgMs += ms - (pgBefore.get(pid) ?? 0);
  await observer.end();
  const pgCpu = pgMs / done;
  const machineBusy = (ticksAfter.busy - ticksBefore.busy) / (ticksAfter.all - ticksBefore.all);
  const heldShare = lock.held / lock.samples;
  const holdMs = (heldShare * elapsedMs) / done;
  console.log(
    `${label}: ${fmt(perSecond)} req/s, p50 ${fmt(percentile(latencies, 50), 1)} ms, p99 ${fmt(percentile(latencies, 99), 1)} ms (${done} ok, ${failed} failed; ${load()})`,
  );
  console.log(
    `  cpu per report: app node${nodes.length > 1 ? 's' : ''} ${nodeCpu.map((c) => fmt(c, 2)).join(' + ')} ms, PostgreSQL backends ${fmt(pgCpu, 2)} ms; machine busy ${fmt(machineBusy * 100)} % of ${availableParallelism()} CPUs`,
  );
  console.log(
    `  append lock: held ${fmt(heldShare * 100)} % of ${lock.samples} samples, ${fmt(lock.waitersSum / lock.samples, 1)} commands waiting on average; ` +
      `held ≈ ${fmt(holdMs, 2)} ms per report → ceiling ≈ ${fmt(1000 / holdMs)} req/s`,
  );
  const holderTotal = Object.values(lock.holder).reduce((a, b) => a + b, 0);
  for (const [what, n] of Object.entries(lock.holder).sort((a, b) => b[1] - a[1]))
    console.log(`    holder ${what}: ${fmt((n / holderTotal) * 100)} %`);
}

if (!process.env.TEST_DATABASE_URL) {
  console.log('pg-ingest: TEST_DATABASE_URL is not set; nothing measured.');
  process.exit(0);
}
execFileSync('npm', ['run', 'build:server', '--silent'], { stdio: 'inherit' });
const database = await freshDatabase('postgres');
const servers: ServerProcess[] = [];
const nodes: Node[] = [];
try {
  const env = { SCAN_MS: '5000' };
  servers.push(await startServerProcess({ databaseUrl: database.url, env }));
  const bearer = await signInAndToken(servers[0]!.url);
  nodes.push(nodeOf(servers[0]!, bearer));
  // Warm up (JIT, pool connections) before anything is timed.
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let i = 0; i < 50; i++) await nodes[0]!.post(nextMarker++);
    }),
  );
  console.log(
    `PostgreSQL ingest, ${CALLERS} callers, ${SECONDS} s each (${load()}; the machine is shared with other work)`,
  );
  await ingest('one node', nodes, database.url);
  servers.push(await startServerProcess({ databaseUrl: database.url, env }));
  nodes.push(nodeOf(servers[1]!, bearer));
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let i = 0; i < 50; i++) await nodes[1]!.post(nextMarker++);
    }),
  );
  await ingest('two nodes', nodes, database.url);
  await ingest('one node again', nodes.slice(0, 1), database.url);
} finally {
  for (const n of nodes) n.close();
  for (const s of servers) await s.stop();
  await database.drop();
}
