import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { SESSION_COOKIE } from '@shared/schemas/auth';
import type { User } from '@shared/schemas/users';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../../server/app';
import { ensureAdmin } from '../../server/bootstrap';
import { type Config, loadConfig } from '../../server/config';
import type { Clock } from '../../server/time';
import { type Dialect, freshDatabase } from './databases';

export const ADMIN_PASSWORD = 'admin-pass-for-tests';
export const USER_PASSWORD = 'user-pass-for-tests';

export interface TestApp {
  app: FastifyInstance;
  /** Base URL when started with `listen: true`. */
  url: string;
  /** Every log line the app wrote, for asserting what must never be logged. */
  logs: string[];
  close(): Promise<void>;
}

export async function startApp(
  options: {
    dialect?: Dialect;
    clock?: Clock;
    listen?: boolean;
    config?: Partial<Config>;
    databaseUrl?: string;
  } = {},
): Promise<TestApp> {
  const dialect = options.dialect ?? 'sqlite';
  const database = options.databaseUrl ? undefined : await freshDatabase(dialect);
  const databaseUrl = options.databaseUrl ?? database!.url;
  const config = loadConfig(
    {},
    {
      databaseUrl,
      dbKind: databaseUrl.startsWith('sqlite:') ? 'sqlite' : 'postgres',
      adminPassword: ADMIN_PASSWORD,
      // Cheaper hashes keep the suite fast; the default (OWASP, 2^17) has its own test.
      scryptLogN: 12,
      logLevel: 'info',
      demo: false,
      heartbeatMs: 200,
      port: 0,
      ...options.config,
    },
  );
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const app = await buildApp(config, { clock: options.clock, logStream });
  await ensureAdmin(app);
  let url = '';
  if (options.listen) {
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  }
  return {
    app,
    url,
    logs,
    close: async () => {
      await app.close();
      await database?.drop();
    },
  };
}

export interface Session {
  cookie: string;
  csrfToken: string;
  user: User;
  /** Headers for a cookie-authenticated write. */
  headers: Record<string, string>;
}

export async function signIn(app: FastifyInstance, username: string, password: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error('no session cookie');
  const body = res.json() as { user: User; csrfToken: string };
  const cookieHeader = `${SESSION_COOKIE}=${cookie.value}`;
  return {
    cookie: cookieHeader,
    csrfToken: body.csrfToken,
    user: body.user,
    headers: { cookie: cookieHeader, 'x-csrf-token': body.csrfToken },
  };
}

export function signInAdmin(app: FastifyInstance): Promise<Session> {
  return signIn(app, 'admin', ADMIN_PASSWORD);
}

/** Creates a user through the API as the given admin; returns the created user. */
export async function createUser(
  app: FastifyInstance,
  admin: Session,
  fields: { username: string; roles: string[]; displayName?: string; qualified?: boolean },
): Promise<User> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/users',
    headers: admin.headers,
    payload: { displayName: fields.username, password: USER_PASSWORD, qualified: true, ...fields },
  });
  if (res.statusCode !== 201) throw new Error(`create user failed: ${res.statusCode} ${res.body}`);
  return res.json() as User;
}

export function as(session: Session, options: InjectOptions): InjectOptions {
  return { ...options, headers: { ...session.headers, ...(options.headers as Record<string, string>) } };
}
