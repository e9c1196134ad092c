/** Talking to a server process over real HTTP: the administrator's session survives restarts (it is stored). */
import { SESSION_COOKIE } from '@shared/schemas/auth';
import type { ChainReport } from '@shared/schemas/events';
import { ADMIN_PASSWORD } from '../helpers/app';

export interface AdminClient {
  /** Base URL of the current process; set again after each restart. */
  url: string;
  headers: Record<string, string>;
}

export async function signInAdminOver(url: string): Promise<AdminClient> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`admin sign-in: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error('no session cookie');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { url, headers: { cookie: cookie.split(';')[0]!, 'x-csrf-token': csrfToken } };
}

async function call<T>(admin: AdminClient, method: string, path: string, body?: object): Promise<T> {
  const res = await fetch(`${admin.url}${path}`, {
    method,
    headers: { ...admin.headers, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

/** A new API token for a system that may post intake; returns its secret. */
export async function createToken(admin: AdminClient, name: string): Promise<string> {
  return (await call<{ secret: string }>(admin, 'POST', '/api/tokens', { name })).secret;
}

export function verifyChainOver(admin: AdminClient): Promise<ChainReport> {
  return call<ChainReport>(admin, 'GET', '/api/events/verify');
}

export interface EventOver {
  seq: number;
  at: string;
  type: string;
  subject: string;
  payload: Record<string, unknown>;
}

export async function eventsOfType(admin: AdminClient, type: string): Promise<EventOver[]> {
  const page = await call<{ events: EventOver[] }>(admin, 'GET', `/api/events?type=${type}&limit=1000`);
  return page.events;
}
