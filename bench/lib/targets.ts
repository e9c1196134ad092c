/**
 * The servers the network benches compare, each in its own process on a fresh SQLite file in one
 * temp folder (same disk): Duty Console (server/main.ts), the bare-stack baseline, and the bare stack
 * doing a report's durable work.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_PASSWORD } from '../../tests/helpers/app';
import { CALL } from '../../tests/helpers/incidents';
import { startServerProcess } from '../../tests/helpers/server-process';
import { type Answer, jsonPoster } from './http-load';
import { startBaselineProcess } from './processes';

export interface Target {
  name: 'duty' | 'baseline' | 'durable';
  url: string;
  pid: number;
  /** Posts report n: a phone-call intake whose summary ends in the marker "#n". */
  post(n: number): Promise<Answer>;
  /** How a console authenticates (socket.io auth and handshake headers). */
  consoleCreds: { auth: Record<string, unknown>; headers: Record<string, string> };
  stop(): Promise<void>;
}

const body = (n: number) => ({ ...CALL, source: 'api', summary: `${CALL.summary} #${n}` });

export function benchFolder(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'duty-bench-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Duty Console as `npm start` runs it (built, with the node flags of package.json's start script
 * unless `nodeFlags` replaces them); consoles sign in as admin, reports come with an API token.
 */
export async function startDuty(
  dir: string,
  env: Record<string, string> = {},
  nodeFlags?: string[],
): Promise<Target> {
  execFileSync('npm', ['run', 'build:server', '--silent'], { stdio: 'inherit' });
  const server = await startServerProcess({
    databaseUrl: `sqlite:${join(dir, 'duty.sqlite')}`,
    env,
    nodeFlags,
  });
  const http = jsonPoster(server.url);
  const login = await http.post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${login.body}`);
  const setCookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []);
  const cookie = setCookie.map((c) => c.split(';')[0]!).find((c) => c.startsWith('duty_session='));
  if (!cookie) throw new Error('no session cookie');
  const csrf = (JSON.parse(login.body) as { csrfToken: string }).csrfToken;
  const created = await http.post('/api/tokens', { name: '12350 hotline' }, { cookie, 'x-csrf-token': csrf });
  if (created.status !== 201) throw new Error(`token failed: ${created.status} ${created.body}`);
  const bearer = `Bearer ${(JSON.parse(created.body) as { secret: string }).secret}`;
  return {
    name: 'duty',
    url: server.url,
    pid: server.pid,
    post: (n) =>
      http.post('/api/incidents', body(n), { authorization: bearer, 'idempotency-key': `bench-report-${n}` }),
    consoleCreds: { auth: {}, headers: { cookie } },
    stop: async () => {
      http.close();
      await server.stop();
    },
  };
}

export async function startBaseline(dir: string, env: Record<string, string> = {}): Promise<Target> {
  const server = await startBaselineProcess(join(dir, 'baseline.sqlite'), env);
  const http = jsonPoster(server.url);
  return {
    name: 'baseline',
    url: server.url,
    pid: server.pid,
    post: (n) => http.post('/api/reports', body(n)),
    consoleCreds: { auth: {}, headers: {} },
    stop: async () => {
      http.close();
      await server.stop();
    },
  };
}

/** The bare stack doing a report's durable work (durable-baseline-server.ts): reports come with a token and a key. */
export async function startDurableBaseline(dir: string): Promise<Target> {
  const secret = randomBytes(24).toString('base64url');
  const server = await startBaselineProcess(join(dir, 'durable.sqlite'), { BASELINE_TOKEN: secret });
  const http = jsonPoster(server.url);
  return {
    name: 'durable',
    url: server.url,
    pid: server.pid,
    post: (n) =>
      http.post('/api/reports', body(n), {
        authorization: `Bearer ${secret}`,
        'idempotency-key': `bench-report-${n}`,
      }),
    consoleCreds: { auth: {}, headers: {} },
    stop: async () => {
      http.close();
      await server.stop();
    },
  };
}
