/**
 * The route fuzzer at volume: up to FUZZ_RUNS (10,000) cases per declared route, each route within
 * FUZZ_ROUTE_SECONDS (20), the routes split over FUZZ_WORKERS processes (one per core, at most 4),
 * each with its own seeded app. Keeps going past failures and groups them by bug (first problem and
 * server stack frame), each with the smallest case that showed it. Prints cases per route, the
 * 2xx/4xx mix, the rate, the slowest answer and every failure; exits 1 if there was any.
 * SQLite; PostgreSQL instead with FUZZ_DIALECT=postgres and TEST_DATABASE_URL.
 * FUZZ_ROUTES (a regular expression on "METHOD /url") narrows the run; FUZZ_SEED fixes the draws.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dialect } from '../tests/helpers/databases';
import {
  checkInvariants,
  fuzzOrder,
  fuzzRoute,
  type RouteStats,
  seedWorld,
} from '../tests/helpers/fuzz-routes';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const ROUTE_SECONDS = Number(process.env.FUZZ_ROUTE_SECONDS ?? 20);
const WORKERS = Number(process.env.FUZZ_WORKERS ?? Math.min(4, availableParallelism()));
const DIALECT = (process.env.FUZZ_DIALECT ?? 'sqlite') as Dialect;
const ONLY = process.env.FUZZ_ROUTES ? new RegExp(process.env.FUZZ_ROUTES) : undefined;
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
/** A single answer this slow is listed with its case: a request that holds SQLite this long stalls every console. */
const SLOW_MS = 1000;

interface ShardResult {
  shard: number;
  seconds: number;
  seedProblems: string[];
  routes: RouteStats[];
  /** Broken invariants found at the end and not blamed on a route. */
  unattributed: string[];
}

/** One worker: its share of the routes (every n-th, in fuzz order) against its own app. */
async function runShard(shard: number, of: number, out: string): Promise<void> {
  const started = performance.now();
  const world = await seedWorld({ dialect: DIALECT });
  const result: ShardResult = {
    shard,
    seconds: 0,
    seedProblems: world.seedProblems,
    routes: [],
    unattributed: [],
  };
  try {
    const routes = fuzzOrder(world.t.app.declaredRoutes)
      .filter((r) => !ONLY || ONLY.test(`${r.method} ${r.url}`))
      .filter((_, i) => i % of === shard);
    for (const route of routes) {
      const stats = await fuzzRoute(world, route, {
        numRuns: RUNS,
        timeLimitMs: ROUTE_SECONDS * 1000,
        mode: 'survey',
        invariants: true,
        ...(SEED !== undefined ? { seed: SEED } : {}),
      });
      result.routes.push(stats);
      const bugs = stats.findings.length + stats.invariants.length + (stats.failure ? 1 : 0);
      process.stdout.write(
        `  [${shard + 1}/${of}] ${stats.route}: ${stats.cases} cases in ${(stats.ms / 1000).toFixed(1)} s${bugs ? `, ${bugs} bugs` : ''}\n`,
      );
    }
    result.unattributed = (await checkInvariants(world)).filter((l) => !world.knownBad.has(l));
  } finally {
    await world.t.close();
  }
  result.seconds = (performance.now() - started) / 1000;
  writeFileSync(out, JSON.stringify(result));
}

const pad = (s: string | number, n: number) => String(s).padEnd(n);
const lpad = (s: string | number, n: number) => String(s).padStart(n);

function mix(stats: RouteStats): { ok: number; client: number; server: number; other: number } {
  const out = { ok: 0, client: 0, server: 0, other: 0 };
  for (const [bucket, n] of Object.entries(stats.byStatus)) {
    const status = Number(bucket.split(' ')[0]);
    if (status >= 200 && status < 300) out.ok += n;
    else if (status >= 400 && status < 500) out.client += n;
    else if (status >= 500) out.server += n;
    else out.other += n;
  }
  return out;
}

function report(results: ShardResult[], seconds: number): number {
  // Back into fuzz order: route i went to worker i % n.
  const all: RouteStats[] = [];
  const longest = Math.max(0, ...results.map((r) => r.routes.length));
  for (let k = 0; k < longest; k++) for (const r of results) if (r.routes[k]) all.push(r.routes[k]!);
  for (const r of results)
    if (r.seedProblems.length > 0)
      console.log(`worker ${r.shard + 1} seed problems:\n  ${r.seedProblems.join('\n  ')}`);
  console.log(
    `\n${pad('route', 46)} ${lpad('cases', 6)} ${lpad('2xx', 6)} ${lpad('4xx', 6)} ${lpad('5xx', 4)} ${lpad('cases/s', 8)} ${lpad('slowest', 8)}  bugs`,
  );
  for (const s of all) {
    const m = mix(s);
    const bugs = s.findings.length + s.invariants.length + (s.failure ? 1 : 0);
    console.log(
      `${pad(s.route, 46)} ${lpad(s.cases, 6)} ${lpad(m.ok, 6)} ${lpad(m.client, 6)} ${lpad(m.server, 4)} ${lpad((s.cases / (s.ms / 1000)).toFixed(0), 8)} ${lpad(`${s.slowestMs.toFixed(0)}ms`, 8)}  ${bugs || ''}`,
    );
  }
  const total = all.reduce((n, s) => n + s.cases, 0);
  const sum = all.map(mix).reduce((a, b) => ({
    ok: a.ok + b.ok,
    client: a.client + b.client,
    server: a.server + b.server,
    other: a.other + b.other,
  }));
  const counts = all.map((s) => s.cases);
  console.log(
    `\n${all.length} routes, ${total} cases in ${seconds.toFixed(0)} s on ${results.length} workers (${(total / seconds).toFixed(0)} cases/s); ` +
      `2xx ${sum.ok}, 4xx ${sum.client}, 5xx ${sum.server}, no answer ${sum.other}`,
  );
  console.log(
    `cases per route: min ${Math.min(...counts)}, median ${[...counts].sort((a, b) => a - b)[Math.floor(counts.length / 2)]}, ` +
      `${counts.filter((n) => n >= RUNS).length} of ${counts.length} routes reached ${RUNS}`,
  );
  const byCode = new Map<string, number>();
  for (const s of all)
    for (const [bucket, n] of Object.entries(s.byStatus)) byCode.set(bucket, (byCode.get(bucket) ?? 0) + n);
  console.log(
    `answers: ${[...byCode.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ×${v}`)
      .join(', ')}`,
  );
  const slow = all.filter((s) => s.slowestMs >= SLOW_MS);
  if (slow.length > 0) console.log(`\nanswers slower than ${SLOW_MS} ms (the slowest case of each route):`);
  for (const s of slow) console.log(`  ${s.slowestMs.toFixed(0)} ms  ${s.slowest}`);
  // One entry per bug, whichever routes showed it, with the smallest case seen.
  const bugs = new Map<string, { routes: string[]; count: number; example: string; size: number }>();
  for (const s of all)
    for (const f of s.findings) {
      const bug = bugs.get(f.signature) ?? { routes: [], count: 0, example: f.example, size: f.size };
      bug.routes.push(s.route);
      bug.count += f.count;
      if (f.size <= bug.size) Object.assign(bug, { example: f.example, size: f.size });
      bugs.set(f.signature, bug);
    }
  let failures = 0;
  for (const [signature, bug] of bugs) {
    failures += 1;
    const where =
      bug.routes.length > 3
        ? `${bug.routes.slice(0, 3).join(', ')} and ${bug.routes.length - 3} more`
        : bug.routes.join(', ');
    console.log(
      `\nFAIL ${signature} (×${bug.count} on ${bug.routes.length} routes: ${where})\n${bug.example}`,
    );
  }
  for (const s of all) {
    for (const line of s.invariants) {
      failures += 1;
      console.log(`\nFAIL ${s.route} left invalid data: ${line}`);
    }
    if (s.failure) {
      failures += 1;
      console.log(`\nFAIL ${s.route}: ${s.failure}`);
    }
  }
  for (const line of results.flatMap((r) => r.unattributed)) {
    failures += 1;
    console.log(`\nFAIL at the end: ${line}`);
  }
  console.log(failures === 0 ? '\nno failures' : `\n${failures} failures`);
  return failures;
}

async function main(): Promise<void> {
  const shard = process.env.FUZZ_SHARD;
  if (shard !== undefined) {
    const [i, n] = shard.split('/').map(Number) as [number, number];
    await runShard(i, n, process.env.FUZZ_OUT!);
    return;
  }
  console.log(
    `fuzz: up to ${RUNS} cases per route, ${ROUTE_SECONDS} s per route at most, ${DIALECT}, ${WORKERS} workers on ${availableParallelism()} cores`,
  );
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'duty-fuzz-'));
  try {
    const self = fileURLToPath(import.meta.url);
    const codes = await Promise.all(
      Array.from({ length: WORKERS }, (_, i) => {
        const child = spawn(process.execPath, ['--import', 'tsx', self], {
          stdio: 'inherit',
          env: { ...process.env, FUZZ_SHARD: `${i}/${WORKERS}`, FUZZ_OUT: join(dir, `${i}.json`) },
        });
        return new Promise<number>((done) => child.on('exit', (code) => done(code ?? 1)));
      }),
    );
    const crashed = codes.filter((c) => c !== 0).length;
    const results = codes.flatMap((_, i) => {
      try {
        return [JSON.parse(readFileSync(join(dir, `${i}.json`), 'utf8')) as ShardResult];
      } catch {
        return [];
      }
    });
    const failures = report(results, (performance.now() - started) / 1000);
    if (crashed > 0) console.log(`${crashed} workers crashed`);
    process.exitCode = failures === 0 && crashed === 0 ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
