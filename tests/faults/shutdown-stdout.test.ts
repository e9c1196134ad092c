/**
 * Issue 11 point 16: the built server stops within its shutdown timeout whatever happens to its
 * standard output — a reader that stopped reading (the pipe is full), a reader that went away (the
 * pipe is closed), or one that was gone before the server wrote its first line. Real processes,
 * real pipes: nothing here replaces a part of the server.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD } from '../helpers/app';
import { freshDatabase, type TestDatabase } from '../helpers/databases';

const ROOT = resolve(import.meta.dirname, '../..');
const BUILT = 'dist/server/main.mjs';
/** The shutdown timeout the server is started with; it must be gone within it (plus process teardown). */
const SHUTDOWN_TIMEOUT_MS = 3000;
const TEARDOWN_MARGIN_MS = 2000;

interface Started {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

async function start(port: number, env: Record<string, string> = {}): Promise<Started> {
  if (!existsSync(resolve(ROOT, BUILT))) throw new Error(`${BUILT} is missing: run npm run build:server`);
  const database: TestDatabase = await freshDatabase('sqlite');
  const child = spawn(process.execPath, [BUILT], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DATABASE_URL: database.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO: '0',
      DUTY_ADMIN_PASSWORD: ADMIN_PASSWORD,
      SCRYPT_LOG_N: '12',
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  cleanup.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
    await database.drop();
  });
  return { child, exited, stderr: () => stderr };
}

/** Polls the health route until the server answers (its standard output may be unreadable). */
async function waitListening(port: number, started: Started): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (started.child.exitCode !== null)
      throw new Error(`exited with ${started.child.exitCode}:\n${started.stderr()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`did not start:\n${started.stderr()}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** SIGTERM, then the time until the process is gone, or `undefined` when it outlived the bound. */
async function stopWithin(started: Started, boundMs: number) {
  const sent = Date.now();
  started.child.kill('SIGTERM');
  const outcome = await Promise.race([
    started.exited,
    new Promise<'hung'>((done) => setTimeout(() => done('hung'), boundMs)),
  ]);
  if (outcome === 'hung') {
    started.child.kill('SIGKILL');
    return { hung: true as const, afterMs: Date.now() - sent };
  }
  return { hung: false as const, afterMs: Date.now() - sent, ...outcome };
}

/** Many requests with long addresses: each writes a request log line of about 4 KB. */
async function logMegabytes(port: number, megabytes: number): Promise<void> {
  const filler = 'x'.repeat(4000);
  const requests = Math.ceil((megabytes * 1024 * 1024) / 4000);
  for (let i = 0; i < requests; i += 25) {
    await Promise.all(
      Array.from({ length: 25 }, (_, j) =>
        fetch(`http://127.0.0.1:${port}/api/health?n=${i + j}&filler=${filler}`).then((r) => r.text()),
      ),
    );
  }
}

describe('shutdown whatever becomes of standard output', () => {
  it('a reader that stopped reading (full pipe): the server keeps serving and stops on SIGTERM in time', async () => {
    const port = await freePort();
    const started = await start(port);
    // Read the first lines, then never again: the pipe fills up and stays full.
    started.child.stdout!.once('data', () => started.child.stdout!.pause());
    await waitListening(port, started);
    // 3 MB of log lines: far more than a pipe holds (the kernel's socket buffers are ~200 KB each).
    await logMegabytes(port, 3);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);

    const stopped = await stopWithin(started, SHUTDOWN_TIMEOUT_MS + TEARDOWN_MARGIN_MS);
    expect(stopped.hung, `still running ${stopped.afterMs} ms after SIGTERM:\n${started.stderr()}`).toBe(
      false,
    );
    expect(stopped).toMatchObject({ code: 0, signal: null });
  });

  it('a reader that went away (closed pipe): the server stops on SIGTERM in time', async () => {
    const port = await freePort();
    const started = await start(port);
    await waitListening(port, started);
    started.child.stdout!.destroy();
    await logMegabytes(port, 0.2);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);

    const stopped = await stopWithin(started, SHUTDOWN_TIMEOUT_MS + TEARDOWN_MARGIN_MS);
    expect(stopped.hung, `still running ${stopped.afterMs} ms after SIGTERM:\n${started.stderr()}`).toBe(
      false,
    );
    expect(stopped).toMatchObject({ code: 0, signal: null });
  });

  it('a pipe closed before the first line: the server still starts, serves, and stops in time', async () => {
    const port = await freePort();
    const started = await start(port);
    started.child.stdout!.destroy();
    await waitListening(port, started);
    await logMegabytes(port, 0.2);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);

    const stopped = await stopWithin(started, SHUTDOWN_TIMEOUT_MS + TEARDOWN_MARGIN_MS);
    expect(stopped.hung, `still running ${stopped.afterMs} ms after SIGTERM:\n${started.stderr()}`).toBe(
      false,
    );
    expect(stopped).toMatchObject({ code: 0, signal: null });
  });
});
