/**
 * What one connected console costs the server (issue 18, point 4): the built server in its own
 * process (as bench/network.ts runs it), 1,000 Socket.IO consoles from a farm process, and the
 * server's memory read before, with the consoles connected, after reports pushed to all of them at
 * 5/s (the RSS figure of bench/network.ts), and after they left. The heap figures are taken after a
 * full GC inside the server (bench/lib/memory-probe.mjs); RSS from /proc.
 *
 *   npx tsx bench/lib/console-cost.ts            # CONSOLES (1000), PUSH_SECONDS (12), RATE (5)
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { startConsoleFarm } from './consoles';
import { paced } from './http-load';
import { memoryOf } from './processes';
import { benchFolder, startDuty } from './targets';

const CONSOLES = Number(process.env.CONSOLES ?? 1000);
const PUSH_SECONDS = Number(process.env.PUSH_SECONDS ?? 12);
const RATE = Number(process.env.RATE ?? 5);

interface Probe {
  rss: number;
  rssBeforeGc: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const load = () =>
  `load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${availableParallelism()} CPUs`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function probe(pid: number, file: string): Promise<Probe> {
  const lines = existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).length : 0;
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 2400; i++) {
    await sleep(25);
    const all = existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean) : [];
    if (all.length > lines) return JSON.parse(all.at(-1)!) as Probe;
  }
  throw new Error('memory probe did not answer');
}

function line(name: string, p: Probe, procRss: number) {
  console.log(
    `  ${name.padEnd(26)} rss ${mb(procRss).padStart(6)} MB (after gc ${mb(p.rss)})  heapUsed ${mb(p.heapUsed).padStart(6)} MB  heapTotal ${mb(p.heapTotal).padStart(6)}  external ${mb(p.external).padStart(5)}  arrayBuffers ${mb(p.arrayBuffers).padStart(5)}`,
  );
}

const folder = benchFolder();
const probeFile = join(folder.dir, 'probe.jsonl');
rmSync(probeFile, { force: true });
const target = await startDuty(folder.dir, {
  // SERVER_NODE_OPTIONS: V8 flags to try (--max-semi-space-size=…); SERVER_MALLOC_ARENA_MAX likewise.
  NODE_OPTIONS: `--expose-gc --import ${resolve(import.meta.dirname, 'memory-probe.mjs')} ${process.env.SERVER_NODE_OPTIONS ?? ''}`,
  ...(process.env.SERVER_MALLOC_ARENA_MAX ? { MALLOC_ARENA_MAX: process.env.SERVER_MALLOC_ARENA_MAX } : {}),
  MEMORY_PROBE_FILE: probeFile,
  ...(process.env.MEMORY_PROBE_SNAPSHOTS
    ? { MEMORY_PROBE_SNAPSHOTS: process.env.MEMORY_PROBE_SNAPSHOTS }
    : {}),
});
const farm = startConsoleFarm();
try {
  console.log(`console cost: ${CONSOLES} consoles, reports at ${RATE}/s for ${PUSH_SECONDS} s (${load()})`);
  // A few reports first, so the code paths of a push are warm in the idle figure too.
  for (let i = 0; i < 5; i++) await target.post(900_000 + i);
  // A server is up a while before its consoles come: QUIET_MS (default 6 s) with nothing to do.
  await sleep(Number(process.env.QUIET_MS ?? 6000));
  const idleRss = memoryOf(target.pid).rssMb * 1024 * 1024;
  const idle = await probe(target.pid, probeFile);
  line('idle', idle, idleRss);
  const connectMs = await farm.connect(target.url, CONSOLES, target.consoleCreds);
  await sleep(1500);
  const connRss = memoryOf(target.pid).rssMb * 1024 * 1024;
  const connected = await probe(target.pid, probeFile);
  line(`${CONSOLES} connected`, connected, connRss);
  let marker = 1;
  const { failed } = await paced(RATE, PUSH_SECONDS, () => target.post(marker++));
  await sleep(2000);
  const pushedRss = memoryOf(target.pid).rssMb * 1024 * 1024;
  const pushed = await probe(target.pid, probeFile);
  line(`after push ${RATE}/s`, pushed, pushedRss);
  const stats = await farm.stats();
  await farm.disconnect();
  await sleep(1500);
  const goneRss = memoryOf(target.pid).rssMb * 1024 * 1024;
  const gone = await probe(target.pid, probeFile);
  line('consoles gone', gone, goneRss);
  const per = (a: number, b: number) => `${kb((a - b) / CONSOLES)} kB`;
  console.log(
    `  per console (connected − idle): heapUsed ${per(connected.heapUsed, idle.heapUsed)}, ` +
      `external ${per(connected.external, idle.external)}, rss ${per(connRss, idleRss)} ` +
      `(rss after gc ${per(connected.rss, idle.rss)}); connect ${Math.round(connectMs)} ms`,
  );
  console.log(
    `  RSS with ${CONSOLES} consoles after the push (bench/network.ts's figure): ${mb(pushedRss)} MB; ` +
      `${stats.received} events received, ${stats.dropped} dropped, ${failed} posts failed (${load()})`,
  );
} finally {
  farm.stop();
  await target.stop();
  folder.remove();
}
