/**
 * Duty Console over the network, each figure beside the bare-stack baseline (bench/lib/baseline-server.ts)
 * measured in the same run: ingest with 100 consoles, push latency to the last console at
 * 100 × 20/s and 1,000 × 5/s, catch-up of a console 1,000 events behind, and server RSS with
 * 1,000 consoles. Each server, the consoles and the load generator run as separate processes;
 * every figure is measured NETWORK_RUNS times (default 3), the order of the two servers alternated
 * from run to run, and judged on the medians (the samples printed beside them).
 * NETWORK_PUSH_REPORTS (default 240) is how many reports each push run sends, at its load's rate (12 s
 * at 20/s, 48 s at 5/s): so p99 is the third-slowest report at either load, not the slowest one
 * (60 reports, as 12 s at 5/s were, make p99 their maximum). NETWORK_PROFILE=<folder> writes a
 * CPU profile of each server process there (bench/lib/cpu-profiler.mjs).
 *
 * NETWORK_ONLY=memory runs only our server through the same rounds (warm-up, 100 consoles with the
 * ingest burst, 1,000 consoles) without the baseline and the catch-up, and prints the RSS figures
 * and the ingest CPU per report: about a minute, to compare memory settings quickly.
 * NETWORK_DUTY_ENV (JSON) adds environment to our server, such as DUTY_CHECKPOINT_MS=0, over that of
 * package.json's start script (MALLOC_ARENA_MAX=2; '{"MALLOC_ARENA_MAX":"8"}' tries another).
 * NETWORK_NODE_FLAGS replaces the node flags our server is started with (those of package.json's
 * start script, e.g. "--enable-source-maps --max-semi-space-size=2") to try others; NETWORK_NODE_OPTIONS
 * adds NODE_OPTIONS;
 * NETWORK_HEAP=<folder> (memory only) loads bench/lib/memory-probe.mjs into our server: after the
 * warm-up and right after each RSS reading it prints what the V8 spaces hold before and after a full
 * GC, and NETWORK_HEAP_SNAPSHOTS=1 adds a heap snapshot there (compare with bench/lib/heap-diff.ts).
 * The probe's GC changes what the next reading sees: use it to look, not for the figure.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { io } from 'socket.io-client';
import { serverNodeFlags, serverStartEnvironment } from '../tests/helpers/server-process';
import { type ConsoleFarm, startConsoleFarm } from './lib/consoles';
import { closedLoop, type Ingest, now, percentile } from './lib/http-load';
import { cpuMsOf, memoryOf } from './lib/processes';
import { type Push, pushRun } from './lib/push-run';
import { benchFolder, startBaseline, startDuty, type Target } from './lib/targets';

const PUSH_REPORTS = Number(process.env.NETWORK_PUSH_REPORTS ?? 240);
const INGEST_SECONDS = 6;
const INGEST_CALLERS = 16;
const CATCH_UP_BEHIND = 1000;
const CATCH_UP_TRIES = 5;
const LOADS = [
  { consoles: 100, rate: 20 },
  { consoles: 1000, rate: 5 },
] as const;

const PROFILE_DIR = process.env.NETWORK_PROFILE;
const serverEnv: Record<string, string> = PROFILE_DIR
  ? {
      NODE_OPTIONS: `--import ${resolve(import.meta.dirname, 'lib/cpu-profiler.mjs')}`,
      CPU_PROFILE_DIR: resolve(PROFILE_DIR),
    }
  : {};
/** NETWORK_ONLY=memory: our server alone, for its RSS and ingest CPU (see the header). */
const MEMORY_ONLY = process.env.NETWORK_ONLY === 'memory';
if (process.env.NETWORK_ONLY !== undefined && !MEMORY_ONLY)
  throw new Error(`NETWORK_ONLY=${process.env.NETWORK_ONLY}: only "memory" is known`);
const HEAP_DIR = MEMORY_ONLY && process.env.NETWORK_HEAP ? resolve(process.env.NETWORK_HEAP) : undefined;
const dutyEnv: Record<string, string> = { ...serverEnv };
const dutyNodeOptions = [
  serverEnv.NODE_OPTIONS,
  HEAP_DIR && `--expose-gc --import ${resolve(import.meta.dirname, 'lib/memory-probe.mjs')}`,
  process.env.NETWORK_NODE_OPTIONS,
].filter(Boolean);
if (dutyNodeOptions.length > 0) dutyEnv.NODE_OPTIONS = dutyNodeOptions.join(' ');
// NETWORK_DUTY_ENV='{"DUTY_CHECKPOINT_MS":"0"}': our server's settings to compare (environment, as JSON).
Object.assign(dutyEnv, JSON.parse(process.env.NETWORK_DUTY_ENV ?? '{}') as Record<string, string>);
if (HEAP_DIR)
  Object.assign(dutyEnv, {
    MEMORY_PROBE_FILE: join(HEAP_DIR, 'probe.jsonl'),
    ...(process.env.NETWORK_HEAP_SNAPSHOTS === '1' ? { MEMORY_PROBE_SNAPSHOTS: HEAP_DIR } : {}),
  });

/** Issue 18's targets: ratios to the bare stack of the same run, judged on medians of the runs. */
const TARGET = { ingestShare: 1.0, pushRatio: 1.2, catchUpMs: 200, rssMb: 150 };
/** Each figure is measured this many times, the order of the two servers alternated. */
const RUNS = Number(process.env.NETWORK_RUNS ?? 3);

interface Round {
  ingest: Ingest;
  /** Server CPU time per ingested report: on a shared machine, the figure least bent by the others. */
  ingestCpuMs: number;
  push: Push[];
  rssMb: number;
  idleRssMb: number;
  catchUpMs?: number[];
}

let nextMarker = 1;
const load = () => `load ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs`;
const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

/** The head seq a console is told in its first heartbeat. */
async function headSeq(target: Target): Promise<number> {
  const socket = io(target.url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: target.consoleCreds.headers,
  });
  try {
    return await new Promise<number>((done, fail) => {
      socket.once('heartbeat', (beat: { headSeq: number }) => done(beat.headSeq));
      socket.once('connect_error', fail);
    });
  } finally {
    socket.disconnect();
  }
}

/** From opening the socket to holding every one of the last CATCH_UP_BEHIND events. */
async function catchUp(target: Target): Promise<number> {
  let head = await headSeq(target);
  // A console must be able to be that far behind: report more until the log is long enough.
  const short = CATCH_UP_BEHIND + 1 - head;
  for (let i = 0; i < short; i += 8) {
    await Promise.all(Array.from({ length: Math.min(8, short - i) }, () => target.post(nextMarker++)));
  }
  head = await headSeq(target);
  const start = now();
  const socket = io(target.url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: target.consoleCreds.headers,
    auth: { lastSeq: head - CATCH_UP_BEHIND },
  });
  try {
    return await new Promise<number>((done, fail) => {
      let expected = head - CATCH_UP_BEHIND + 1;
      const timer = setTimeout(() => fail(new Error(`catch-up stuck at ${expected}`)), 30_000);
      const take = (event: { seq: number }) => {
        if (event.seq !== expected) return;
        expected += 1;
        if (event.seq === head) {
          clearTimeout(timer);
          done(now() - start);
        }
      };
      socket.on('event', take);
      // A catch-up page comes as one message.
      socket.on('events', (events: { seq: number }[]) => events.forEach(take));
      socket.once('connect_error', fail);
    });
  } finally {
    socket.disconnect();
  }
}

async function round(farm: ConsoleFarm, target: Target): Promise<Round> {
  const idleRssMb = memoryOf(target.pid).rssMb;
  const push: Push[] = [];
  let ingest: Ingest | undefined;
  let ingestCpuMs = Number.NaN;
  let rssMb = Number.NaN;
  for (const { consoles, rate } of LOADS) {
    const connectMs = await farm.connect(target.url, consoles, target.consoleCreds);
    console.log(
      `  ${target.name}: ${consoles} consoles connected in ${Math.round(connectMs)} ms (${load()})`,
    );
    if (consoles === 100) {
      const cpuBefore = cpuMsOf(target.pid);
      ingest = await closedLoop(INGEST_CALLERS, INGEST_SECONDS, () => target.post(nextMarker++));
      ingestCpuMs = (cpuMsOf(target.pid) - cpuBefore) / ingest.done;
      console.log(
        `  ${target.name} ingest: ${fmt(ingest.perSecond)} req/s, p50 ${fmt(ingest.p50, 1)} ms, ` +
          `p99 ${fmt(ingest.p99, 1)} ms, server cpu ${fmt(ingestCpuMs, 1)} ms/report ` +
          `(${ingest.done} ok, ${ingest.failed} failed; ${load()})`,
      );
      // Let the consoles take in the last pushes of the burst before timing single reports.
      await new Promise((r) => setTimeout(r, 2000));
    }
    const p = await pushRun(farm, target, rate, nextMarker, PUSH_REPORTS);
    nextMarker += PUSH_REPORTS;
    push.push(p);
    console.log(
      `  ${target.name} push ${consoles} × ${rate}/s: p50 ${fmt(p.p50, 1)} ms, p99 ${fmt(p.p99, 1)} ms, ` +
        `max ${fmt(p.max, 1)} ms (${p.sent} sent, ${p.missing} not at every console, ${p.failed} failed; ${load()})`,
    );
    if (consoles === 1000) {
      rssMb = memoryOf(target.pid).rssMb;
      console.log(
        `  ${target.name} RSS with 1000 consoles: ${fmt(rssMb)} MB (idle before: ${fmt(idleRssMb)} MB)`,
      );
      if (target.name === 'duty') await heapProbe(target.pid, 'with 1000 consoles');
    }
    const stats = await farm.stats();
    if (stats.dropped > 0)
      console.log(`  ${target.name}: ${stats.dropped} consoles were dropped by the server`);
    await farm.disconnect();
  }
  const result: Round = { ingest: ingest!, ingestCpuMs, push, rssMb, idleRssMb };
  if (target.name === 'duty' && !MEMORY_ONLY) {
    result.catchUpMs = [];
    for (let i = 0; i < CATCH_UP_TRIES; i++) result.catchUpMs.push(await catchUp(target));
    console.log(
      `  duty catch-up ${CATCH_UP_BEHIND} events: ${result.catchUpMs.map((ms) => fmt(ms)).join(', ')} ms (${load()})`,
    );
  }
  return result;
}

const median = (values: number[]) => percentile(values, 50);

/**
 * Each figure over the runs: the samples and their median for each server, the ratio of each run
 * (duty / baseline, measured in the same run) and the median of those ratios. A target is judged on
 * the medians, so one noisy sample cannot decide it.
 */
function table(rounds: { duty: Round; baseline: Round }[]): void {
  const rows: string[][] = [
    [
      'figure',
      'duty (runs)',
      'duty',
      'baseline (runs)',
      'baseline',
      'ratio (runs)',
      'ratio',
      'target',
      'met',
    ],
  ];
  const samples = (values: number[], digits: number) => values.map((v) => fmt(v, digits)).join(' / ');
  /** One figure; `met` is left blank for figures without a target. */
  const add = (
    figure: string,
    of: (r: Round) => number,
    digits: number,
    target = '',
    met?: (m: { duty: number; baseline: number; ratio: number }) => boolean,
  ) => {
    const d = rounds.map((r) => of(r.duty));
    const b = rounds.map((r) => of(r.baseline));
    const ratios = d.map((v, i) => v / b[i]!);
    const m = { duty: median(d), baseline: median(b), ratio: median(ratios) };
    const hasBaseline = b.some(Number.isFinite);
    rows.push([
      figure,
      samples(d, digits),
      fmt(m.duty, digits),
      hasBaseline ? samples(b, digits) : '',
      hasBaseline ? fmt(m.baseline, digits) : '',
      hasBaseline ? samples(ratios, 2) : '',
      hasBaseline ? fmt(m.ratio, 2) : '',
      target,
      met === undefined ? '' : met(m) ? 'yes' : 'NO',
    ]);
  };
  add(
    'ingest req/s, 100 consoles',
    (r) => r.ingest.perSecond,
    0,
    `≥ ${TARGET.ingestShare.toFixed(1)} × baseline`,
    (m) => m.ratio >= TARGET.ingestShare,
  );
  add('ingest p99 ms', (r) => r.ingest.p99, 1);
  add('ingest server cpu ms/report', (r) => r.ingestCpuMs, 1);
  LOADS.forEach(({ consoles, rate }, j) => {
    add(`push p50 ms, ${consoles} × ${rate}/s`, (r) => r.push[j]!.p50, 1);
    const missing = rounds.reduce((n, r) => n + r.duty.push[j]!.missing, 0);
    add(
      `push p99 ms, ${consoles} × ${rate}/s`,
      (r) => r.push[j]!.p99,
      1,
      `≤ ${TARGET.pushRatio} × baseline${missing ? `, ${missing} missing` : ''}`,
      (m) => m.ratio <= TARGET.pushRatio && missing === 0,
    );
  });
  add(
    `catch-up ${CATCH_UP_BEHIND} events ms, median of ${CATCH_UP_TRIES}`,
    (r) => (r.catchUpMs ? median(r.catchUpMs) : Number.NaN),
    0,
    `≤ ${TARGET.catchUpMs} ms`,
    (m) => m.duty <= TARGET.catchUpMs,
  );
  add(
    `catch-up ${CATCH_UP_BEHIND} events ms, worst of ${CATCH_UP_TRIES}`,
    (r) => (r.catchUpMs ? Math.max(...r.catchUpMs) : Number.NaN),
    0,
  );
  add(
    'RSS MB, 1000 consoles',
    (r) => r.rssMb,
    0,
    `≤ ${TARGET.rssMb} MB`,
    (m) => m.duty <= TARGET.rssMb,
  );
  add('RSS MB, idle', (r) => r.idleRssMb, 0);
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
}

/** NETWORK_HEAP: a full GC and a heap snapshot in the server (memory-probe.mjs); its memory after the GC. */
async function heapProbe(pid: number, label: string): Promise<void> {
  if (!HEAP_DIR) return;
  const file = join(HEAP_DIR, 'probe.jsonl');
  const lines = () => (existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean) : []);
  const before = lines().length;
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 2400 && lines().length === before; i++) await new Promise((r) => setTimeout(r, 25));
  type Space = { size: number; used: number };
  const p = JSON.parse(lines().at(-1)!) as Record<string, number> & {
    snapshot?: string;
    spaces: Record<string, Space>;
    spacesBeforeGc: Record<string, Space>;
  };
  const mb = (v: number) => fmt(v / 1024 / 1024, 1);
  const space = (name: string) =>
    `${name} ${mb(p.spacesBeforeGc[`${name}_space`]!.used)}/${mb(p.spacesBeforeGc[`${name}_space`]!.size)} → ` +
    `${mb(p.spaces[`${name}_space`]!.used)}/${mb(p.spaces[`${name}_space`]!.size)}`;
  console.log(
    `  heap ${label}: rss ${mb(p.rssBeforeGc!)} MB → ${mb(p.rss!)} after a full gc; used/committed MB ` +
      `${space('new')}, ${space('old')}, ${space('code')}, ${space('large_object')}; ` +
      `external ${mb(p.external!)}${p.snapshot ? `; ${p.snapshot}` : ''}`,
  );
}

/** NETWORK_ONLY=memory: the RSS figures and ingest CPU of each run, and their medians. */
function memoryTable(rounds: Round[]): void {
  const row = (name: string, of: (r: Round) => number, digits: number) =>
    console.log(
      `${name.padEnd(30)} ${rounds
        .map((r) => fmt(of(r), digits))
        .join(' / ')
        .padEnd(24)} median ${fmt(median(rounds.map(of)), digits)}`,
    );
  row('RSS MB, 1000 consoles', (r) => r.rssMb, 0);
  row('RSS MB, idle', (r) => r.idleRssMb, 0);
  row('ingest server cpu ms/report', (r) => r.ingestCpuMs, 2);
  row('ingest req/s, 100 consoles', (r) => r.ingest.perSecond, 0);
}

const folder = benchFolder();
const farm = startConsoleFarm();
const targets: Target[] = [];
try {
  const nodeFlags = process.env.NETWORK_NODE_FLAGS?.trim()
    ? process.env.NETWORK_NODE_FLAGS.trim().split(/\s+/)
    : undefined;
  targets.push(await startDuty(folder.dir, dutyEnv, nodeFlags));
  if (!MEMORY_ONLY) targets.push(await startBaseline(folder.dir, serverEnv));
  // Warm both up (JIT, first pages of the files) before anything is timed.
  for (const t of targets) await closedLoop(4, 2, () => t.post(nextMarker++));
  if (MEMORY_ONLY) {
    const duty = targets[0]!;
    const env = Object.entries({ ...serverStartEnvironment(), ...dutyEnv }).filter(
      ([n]) => n !== 'NODE_OPTIONS',
    );
    const envText = env.map(([name, value]) => `${name}=${value} `).join('');
    console.log(
      `memory only: ${envText}node ${(nodeFlags ?? serverNodeFlags()).join(' ')}; ${dutyEnv.NODE_OPTIONS ?? 'no NODE_OPTIONS'}`,
    );
    await heapProbe(duty.pid, 'after warm-up');
    const rounds: Round[] = [];
    for (let run = 1; run <= RUNS; run++) {
      console.log(`run ${run} of ${RUNS}, duty only (${load()}; the machine is shared with other work)`);
      rounds.push(await round(farm, duty));
    }
    console.log(`\nmedians of ${RUNS} runs (${load()}):`);
    memoryTable(rounds);
  } else {
    const [duty, baseline] = targets as [Target, Target];
    const rounds: { duty: Round; baseline: Round }[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const order = run % 2 === 1 ? [duty, baseline] : [baseline, duty];
      console.log(
        `run ${run} of ${RUNS}, ${order.map((t) => t.name).join(' then ')} (${load()}; the machine is shared with other work)`,
      );
      const results = new Map<string, Round>();
      for (const t of order) results.set(t.name, await round(farm, t));
      rounds.push({ duty: results.get('duty')!, baseline: results.get('baseline')! });
    }
    console.log(`\nmedians of ${RUNS} runs (${load()}):`);
    table(rounds);
  }
} finally {
  farm.stop();
  for (const t of targets) await t.stop();
  folder.remove();
}
