/**
 * Push latency at 100 consoles × 20 reports/s (issue 18's target that network.ts finds missed),
 * against two references: the bare stack (one insert, network.ts's baseline) and the bare stack
 * doing a report's durable work (bench/lib/durable-baseline-server.ts: token, idempotency key, row,
 * deadlines, chained event, in one transaction, with our indexes). The first ratio is the target's;
 * the second says what our stack costs over the same storage work. PUSH_SAME_RUNS runs (default 3),
 * the servers' order rotated each run; PUSH_SAME_REPORTS reports a run (default 240); medians of the
 * per-run ratios. Run on a quiet machine: `npx tsx bench/push-same-work.ts`.
 */
import { availableParallelism, loadavg } from 'node:os';
import { startConsoleFarm } from './lib/consoles';
import { closedLoop, percentile } from './lib/http-load';
import { type Push, pushRun } from './lib/push-run';
import { benchFolder, startBaseline, startDurableBaseline, startDuty, type Target } from './lib/targets';

const RUNS = Number(process.env.PUSH_SAME_RUNS ?? 3);
const REPORTS = Number(process.env.PUSH_SAME_REPORTS ?? 240);
const CONSOLES = 100;
const RATE = 20;

const load = () => `load ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs`;
const median = (values: number[]) => percentile(values, 50);
let marker = 1;

const folder = benchFolder();
const farm = startConsoleFarm();
const targets: Target[] = [];
try {
  targets.push(
    await startDuty(folder.dir),
    await startBaseline(folder.dir),
    await startDurableBaseline(folder.dir),
  );
  for (const t of targets) await closedLoop(4, 2, () => t.post(marker++));
  const runs: Map<Target['name'], Push>[] = [];
  for (let run = 0; run < RUNS; run++) {
    const order = targets.map((_, i) => targets[(i + run) % targets.length]!);
    console.log(`run ${run + 1} of ${RUNS}: ${order.map((t) => t.name).join(', ')} (${load()})`);
    const results = new Map<Target['name'], Push>();
    for (const target of order) {
      await farm.connect(target.url, CONSOLES, target.consoleCreds);
      await new Promise((settle) => setTimeout(settle, 1500));
      const push = await pushRun(farm, target, RATE, marker, REPORTS);
      marker += REPORTS;
      await farm.disconnect();
      results.set(target.name, push);
      const lost = push.missing + push.failed > 0 ? `, ${push.missing} missing, ${push.failed} failed` : '';
      console.log(
        `  ${target.name.padEnd(8)} p50 ${push.p50.toFixed(2)} ms, p99 ${push.p99.toFixed(2)} ms, max ${push.max.toFixed(1)} ms${lost} (${load()})`,
      );
    }
    runs.push(results);
  }
  const ratio = (of: 'p50' | 'p99', to: Target['name']) =>
    runs.map((r) => r.get('duty')![of] / r.get(to)![of]);
  console.log(`\nmedians of ${RUNS} runs (${load()}), ${CONSOLES} consoles × ${RATE} reports/s:`);
  for (const name of ['duty', 'baseline', 'durable'] as const) {
    const p50 = median(runs.map((r) => r.get(name)!.p50));
    const p99 = median(runs.map((r) => r.get(name)!.p99));
    console.log(`  ${name.padEnd(8)} p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms`);
  }
  for (const to of ['baseline', 'durable'] as const) {
    const p99 = ratio('p99', to);
    const p50 = ratio('p50', to);
    console.log(
      `  ours / ${to.padEnd(8)} p99 ${median(p99).toFixed(2)} × (${p99.map((x) => x.toFixed(2)).join(' / ')}), p50 ${median(p50).toFixed(2)} × (${p50.map((x) => x.toFixed(2)).join(' / ')})`,
    );
  }
} finally {
  farm.stop();
  for (const t of targets) await t.stop();
  folder.remove();
}
