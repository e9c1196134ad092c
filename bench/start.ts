/**
 * `npm start` with nothing changed: from the command to the first successful GET /api/health, on a
 * database that already exists (a restart of an installed console). The first start here may build
 * (scripts/build-changed.mjs builds only what changed since the last build) and creates the
 * database; the next RUNS starts are timed, each a fresh `npm start` process group, stopped with
 * SIGTERM before the next.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineLoad, quantile } from './lib/timing';

const TARGET_MS = 3000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PORT = Number(process.env.START_PORT ?? 18_080 + (process.pid % 1000));
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'duty-start-'));

function start(): ChildProcess {
  return spawn('npm', ['start', '--silent'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(dir, 'duty.sqlite')}`,
      DEMO: '0',
      DUTY_ADMIN_PASSWORD: 'bench-start-password',
      LOG_LEVEL: 'warn',
    },
  });
}

async function healthy(child: ChildProcess, limitMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/api/health`);
      if (res.ok) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no healthy answer within ${limitMs} ms`);
}

async function stop(child: ChildProcess): Promise<void> {
  const gone = new Promise((r) => child.once('exit', r));
  // The whole group: npm, its shell, the server.
  process.kill(-child.pid!, 'SIGTERM');
  await gone;
  // The server itself may outlive npm by a moment: wait until the port is free.
  for (let i = 0; i < 200; i++) {
    try {
      await fetch(`http://127.0.0.1:${PORT}/api/health`);
      await new Promise((r) => setTimeout(r, 50));
    } catch {
      return;
    }
  }
}

try {
  const first = start();
  const firstMs = await healthy(first, 600_000);
  await stop(first);
  console.log(`first start (builds what changed, creates the database): ${Math.round(firstMs)} ms`);
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const child = start();
    samples.push(await healthy(child, 60_000));
    await stop(child);
  }
  const median = quantile(samples, 0.5);
  console.log(
    `npm start, nothing changed → first GET /api/health 200: median ${Math.round(median)} ms ` +
      `(${samples.map((s) => Math.round(s)).join(', ')}) — target ≤ ${TARGET_MS} ms` +
      `${median <= TARGET_MS ? '' : ' (MISSED)'} (${machineLoad()})`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
