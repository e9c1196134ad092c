/**
 * The real server as its own process (the build of `server/main.ts` that `npm start` runs): for tests that kill
 * it, run two of it on one database, or measure its memory. No vitest here, so benches can use it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ADMIN_PASSWORD } from './app';

const ROOT = resolve(import.meta.dirname, '../..');
/** The server as `npm start` runs it (`npm run build:server`; the tests' global setup builds it). */
export const BUILT = 'dist/server/main.mjs';

/**
 * How package.json's start script runs the built server: `[NAME=value …] node [--flag …] dist/server/main.mjs`,
 * the environment it sets for that process (glibc's malloc settings, which are not node flags) and
 * the node flags (source maps, the V8 heap's sizes). The start script is their one source of truth:
 * the tests and the benches start the server exactly as an install runs it.
 */
function startScriptRun(): { env: Record<string, string>; flags: string[] } {
  const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const run = /(?:^|&&)\s*((?:[A-Z_][A-Z0-9_]*=\S*\s+)*)node((?:\s+--\S+)*)\s+dist\/server\/main\.mjs\b/.exec(
    pkg.scripts.start,
  );
  if (!run) throw new Error(`package.json's start script does not run node … ${BUILT}: ${pkg.scripts.start}`);
  const env = Object.fromEntries(
    run[1]!
      .split(/\s+/)
      .filter(Boolean)
      .map((assignment) => [
        assignment.slice(0, assignment.indexOf('=')),
        assignment.slice(assignment.indexOf('=') + 1),
      ]),
  );
  return { env, flags: run[2]!.split(/\s+/).filter(Boolean) };
}

/** The node flags `npm start` runs the server with, read from package.json's start script. */
export function serverNodeFlags(): string[] {
  return startScriptRun().flags;
}

/** The environment `npm start` sets for the server process (e.g. MALLOC_ARENA_MAX), from the start script. */
export function serverStartEnvironment(): Record<string, string> {
  return startScriptRun().env;
}

export interface ServerProcess {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** Everything the process wrote (stdout and stderr), for failure messages and log checks. */
  output(): string;
  /** SIGKILL: no shutdown hooks, no flush; resolves when the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the graceful shutdown. */
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  databaseUrl: string;
  /** 0 (default) picks a free port. A restart may pass the previous one so consoles find it again. */
  port?: number;
  /** Extra environment (HEARTBEAT_MS, SCAN_MS, UPSTREAM_URLS…), over that of the start script. */
  env?: Record<string, string>;
  /** How long to wait for "listening" (default 60 s: the first start also migrates). */
  startTimeoutMs?: number;
  /** Node flags instead of `npm start`'s (serverNodeFlags()): a bench trying other V8 settings. */
  nodeFlags?: string[];
}

export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  if (!existsSync(resolve(ROOT, BUILT))) throw new Error(`${BUILT} is missing: run npm run build:server`);
  return spawnListening(
    [...(options.nodeFlags ?? serverNodeFlags()), BUILT],
    {
      ...serverStartEnvironment(),
      DATABASE_URL: options.databaseUrl,
      PORT: String(options.port ?? 0),
      HOST: '127.0.0.1',
      DEMO: '0',
      DUTY_ADMIN_PASSWORD: ADMIN_PASSWORD,
      SCRYPT_LOG_N: '12',
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    options.startTimeoutMs ?? 60_000,
  );
}

/**
 * Starts `node <args>` from the repository root with only PATH and HOME from this environment plus
 * `env`, and resolves once it prints "on http://127.0.0.1:PORT" (ours and the bench baseline do).
 */
export async function spawnListening(
  args: string[],
  env: Record<string, string>,
  timeoutMs: number,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const port = await new Promise<number>((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`${args.at(-1)} did not start in time:\n${text}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const m = /on http:\/\/127\.0\.0\.1:(\d+)/.exec(text);
      if (m) {
        clearTimeout(timer);
        done(Number(m[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`${args.at(-1)} exited with ${code} before listening:\n${text}`));
    });
  });
  const gone = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    child,
    output: () => text,
    kill: () => gone('SIGKILL'),
    stop: () => gone('SIGTERM'),
  };
}
