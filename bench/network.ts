/**
 * Duty Console over the network, each figure beside the bare-stack baseline (bench/lib/baseline-server.ts)
 * measured in the same run: ingest with 100 consoles, push latency to the last console at
 * 100 × 20/s and 1,000 × 5/s, catch-up of a console 1,000 events behind, and server RSS with
 * 1,000 consoles. Each server, the consoles and the load generator run as separate processes;
 * every measurement is taken twice (the order of the two servers swapped the second time).
 * NETWORK_SECONDS (default 12) sets the length of each push run; NETWORK_PROFILE=<folder> writes a
 * CPU profile of each server process there (bench/lib/cpu-profiler.mjs).
 */
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { io } from 'socket.io-client';
import { type ConsoleFarm, startConsoleFarm } from './lib/consoles';
import { closedLoop, type Ingest, now, paced, percentile } from './lib/http-load';
import { cpuMsOf, memoryOf } from './lib/processes';
import { benchFolder, startBaseline, startDuty, type Target } from './lib/targets';

const PUSH_SECONDS = Number(process.env.NETWORK_SECONDS ?? 12);
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

const TARGET = { ingestShare: 0.7, pushRatio: 1.5, catchUpMs: 500, rssMb: 200 };

interface Push {
  p50: number;
  p99: number;
  max: number;
  sent: number;
  missing: number;
  failed: number;
}

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

/** Reports at `rate`/s for PUSH_SECONDS; latency from each POST to the last console having it. */
async function pushRun(farm: ConsoleFarm, target: Target, rate: number): Promise<Push> {
  const first = nextMarker;
  const total = Math.round(rate * PUSH_SECONDS);
  nextMarker += total;
  const lastAt = new Map<number, number>();
  let allIn: () => void = () => {};
  const complete = new Promise<void>((done) => {
    allIn = done;
  });
  farm.onDelivered((marker, at) => {
    if (marker < first || marker >= first + total) return;
    lastAt.set(marker, at);
    if (lastAt.size === total) allIn();
  });
  const { sentAt, failed } = await paced(rate, PUSH_SECONDS, (i) => target.post(first + i));
  await Promise.race([complete, new Promise((r) => setTimeout(r, 15_000))]);
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
    failed,
  };
}

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
      socket.on('event', (event: { seq: number }) => {
        if (event.seq !== expected) return;
        expected += 1;
        if (event.seq === head) {
          clearTimeout(timer);
          done(now() - start);
        }
      });
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
    const p = await pushRun(farm, target, rate);
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
    }
    const stats = await farm.stats();
    if (stats.dropped > 0)
      console.log(`  ${target.name}: ${stats.dropped} consoles were dropped by the server`);
    await farm.disconnect();
  }
  const result: Round = { ingest: ingest!, ingestCpuMs, push, rssMb, idleRssMb };
  if (target.name === 'duty') {
    result.catchUpMs = [];
    for (let i = 0; i < CATCH_UP_TRIES; i++) result.catchUpMs.push(await catchUp(target));
    console.log(
      `  duty catch-up ${CATCH_UP_BEHIND} events: ${result.catchUpMs.map((ms) => fmt(ms)).join(', ')} ms (${load()})`,
    );
  }
  return result;
}

function table(rounds: { duty: Round; baseline: Round }[]): void {
  const rows: string[][] = [['figure', 'run', 'duty', 'baseline', 'ratio', 'target', 'met']];
  rounds.forEach(({ duty, baseline }, i) => {
    /** One line; `met` is left blank for figures without a target. */
    const add = (figure: string, d: number, b: number, digits: number, target = '', met?: boolean) =>
      rows.push([
        figure,
        String(i + 1),
        fmt(d, digits),
        fmt(b, digits),
        fmt(d / b, 2),
        target,
        met === undefined ? '' : met ? 'yes' : 'NO',
      ]);
    const share = duty.ingest.perSecond / baseline.ingest.perSecond;
    add(
      'ingest req/s, 100 consoles',
      duty.ingest.perSecond,
      baseline.ingest.perSecond,
      0,
      '≥ 0.70 × baseline',
      share >= TARGET.ingestShare,
    );
    add('ingest p99 ms', duty.ingest.p99, baseline.ingest.p99, 1);
    add('ingest server cpu ms/report', duty.ingestCpuMs, baseline.ingestCpuMs, 1);
    LOADS.forEach(({ consoles, rate }, j) => {
      const d = duty.push[j]!;
      const b = baseline.push[j]!;
      add(`push p50 ms, ${consoles} × ${rate}/s`, d.p50, b.p50, 1);
      const met = d.p99 <= TARGET.pushRatio * b.p99 && d.missing === 0;
      add(`push p99 ms, ${consoles} × ${rate}/s`, d.p99, b.p99, 1, '≤ 1.5 × baseline', met);
    });
    const catchUp = duty.catchUpMs ?? [];
    const median = percentile(catchUp, 50);
    const worst = Math.max(...catchUp);
    add(
      `catch-up ${CATCH_UP_BEHIND} events ms, median`,
      median,
      Number.NaN,
      0,
      `≤ ${TARGET.catchUpMs} ms`,
      median <= TARGET.catchUpMs,
    );
    add(
      `catch-up ${CATCH_UP_BEHIND} events ms, worst`,
      worst,
      Number.NaN,
      0,
      `≤ ${TARGET.catchUpMs} ms`,
      worst <= TARGET.catchUpMs,
    );
    add(
      'RSS MB, 1000 consoles',
      duty.rssMb,
      baseline.rssMb,
      0,
      `≤ ${TARGET.rssMb} MB`,
      duty.rssMb <= TARGET.rssMb,
    );
  });
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
}

const folder = benchFolder();
const farm = startConsoleFarm();
const targets: Target[] = [];
try {
  targets.push(await startDuty(folder.dir, serverEnv), await startBaseline(folder.dir, serverEnv));
  const [duty, baseline] = targets as [Target, Target];
  // Warm both up (JIT, first pages of the files) before anything is timed.
  for (const t of targets) await closedLoop(4, 2, () => t.post(nextMarker++));
  const rounds: { duty: Round; baseline: Round }[] = [];
  for (const run of [1, 2]) {
    console.log(`run ${run} (${load()}; the machine is shared with other work)`);
    const order = run === 1 ? [duty, baseline] : [baseline, duty];
    const results = new Map<string, Round>();
    for (const t of order) results.set(t.name, await round(farm, t));
    rounds.push({ duty: results.get('duty')!, baseline: results.get('baseline')! });
  }
  console.log('');
  table(rounds);
} finally {
  farm.stop();
  for (const t of targets) await t.stop();
  folder.remove();
}
