/**
 * What group commit (DUTY_GROUP_COMMIT_MS, issue 18 point 1) does to ingest: the built server with
 * the default window (2 ms) and with group commit off (0: one transaction and one fsync per
 * report), beside the bare-stack baseline, as bench/network.ts measures ingest (100 consoles
 * connected, 16 closed-loop callers of the idempotent intake with an API token). Three rounds, the
 * order rotated each round; then push latency POST → last console at 20/s; per-run figures and
 * medians, each with the machine's load.
 * GROUP_COMMIT_SECONDS (default 6) sets the length of each run.
 */
import { mkdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { startConsoleFarm } from './lib/consoles';
import { closedLoop, type Ingest, paced, percentile } from './lib/http-load';
import { cpuMsOf } from './lib/processes';
import { benchFolder, startBaseline, startDuty, type Target } from './lib/targets';

const SECONDS = Number(process.env.GROUP_COMMIT_SECONDS ?? 6);
const CALLERS = 16;
const CONSOLES = 100;
const ROUNDS = 3;
const PUSH_RATE = 20;

interface Run extends Ingest {
  cpuMs: number;
  /** POST → last of the consoles, reports at PUSH_RATE/s: what a single report's wait costs. */
  pushP50: number;
  pushP99: number;
}

/** Reports at PUSH_RATE/s for SECONDS; from each POST to the last console having it. */
async function push(target: Target): Promise<{ p50: number; p99: number }> {
  const first = nextMarker;
  const total = PUSH_RATE * SECONDS;
  nextMarker += total;
  const lastAt = new Map<number, number>();
  farm.onDelivered((marker, at) => {
    if (marker >= first && marker < first + total) lastAt.set(marker, at);
  });
  const { sentAt } = await paced(PUSH_RATE, SECONDS, (i) => target.post(first + i));
  await new Promise((r) => setTimeout(r, 3000));
  farm.onDelivered(undefined);
  const latencies = sentAt.flatMap((t, i) => {
    const at = lastAt.get(first + i);
    return at === undefined ? [] : [at - t];
  });
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

const load = () => `load ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs`;
const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

let nextMarker = 1;
const folder = benchFolder();
const farm = startConsoleFarm();
const targets: { label: string; target: Target }[] = [];
const runs = new Map<string, Run[]>();
try {
  const dirOf = (name: string) => {
    const dir = `${folder.dir}/${name}`;
    mkdirSync(dir);
    return dir;
  };
  targets.push(
    {
      label: 'duty, group commit 2 ms',
      target: await startDuty(dirOf('gc2'), { DUTY_GROUP_COMMIT_MS: '2' }),
    },
    { label: 'duty, group commit off', target: await startDuty(dirOf('gc0'), { DUTY_GROUP_COMMIT_MS: '0' }) },
    { label: 'bare stack', target: await startBaseline(dirOf('bare')) },
  );
  for (const { target } of targets) await closedLoop(4, 2, () => target.post(nextMarker++));
  for (let round = 0; round < ROUNDS; round++) {
    console.log(`round ${round + 1} (${load()}; the machine is shared with other work)`);
    const order = targets.map((_, i) => targets[(i + round) % targets.length]!);
    for (const { label, target } of order) {
      await farm.connect(target.url, CONSOLES, target.consoleCreds);
      const cpuBefore = cpuMsOf(target.pid);
      const ingest = await closedLoop(CALLERS, SECONDS, () => target.post(nextMarker++));
      const cpuMs = (cpuMsOf(target.pid) - cpuBefore) / ingest.done;
      await new Promise((r) => setTimeout(r, 2000));
      const pushed = await push(target);
      await farm.disconnect();
      runs.set(label, [
        ...(runs.get(label) ?? []),
        { ...ingest, cpuMs, pushP50: pushed.p50, pushP99: pushed.p99 },
      ]);
      console.log(
        `  ${label}: ${fmt(ingest.perSecond)} req/s, p50 ${fmt(ingest.p50, 1)} ms, p99 ${fmt(ingest.p99, 1)} ms, ` +
          `server cpu ${fmt(cpuMs, 2)} ms/report (${ingest.done} ok, ${ingest.failed} failed); ` +
          `push ${CONSOLES} × ${PUSH_RATE}/s p50 ${fmt(pushed.p50, 1)} ms, p99 ${fmt(pushed.p99, 1)} ms (${load()})`,
      );
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  const median = (label: string, pick: (r: Run) => number) =>
    percentile((runs.get(label) ?? []).map(pick), 50);
  const bare = median('bare stack', (r) => r.perSecond);
  console.log(`\nmedians of ${ROUNDS} (${load()})`);
  for (const { label } of targets) {
    const perSecond = median(label, (r) => r.perSecond);
    const m = (pick: (r: Run) => number, digits: number) => fmt(median(label, pick), digits);
    console.log(
      `  ${label.padEnd(24)} ${fmt(perSecond).padStart(5)} req/s (${fmt(perSecond / bare, 2)} × bare), ` +
        `p99 ${m((r) => r.p99, 1)} ms, server cpu ${m((r) => r.cpuMs, 2)} ms/report; ` +
        `push p50 ${m((r) => r.pushP50, 1)} ms, p99 ${m((r) => r.pushP99, 1)} ms`,
    );
  }
} finally {
  farm.stop();
  for (const { target } of targets) await target.stop();
  folder.remove();
}
