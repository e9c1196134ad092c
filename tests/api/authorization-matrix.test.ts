import { type AnyDutyEvent, CLIENT_EVENTS } from '@shared/events';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '../../server/plugins/access';
import {
  as,
  createUser,
  type Session,
  signIn,
  signInAdmin,
  startApp,
  type TestApp,
  USER_PASSWORD,
} from '../helpers/app';
import { CALL } from '../helpers/incidents';
import {
  type Credentials,
  closeAllConsoles,
  connectConsole,
  type LiveConsole,
  refusal,
  settle,
} from '../helpers/live-client';

type Caller = 'officer' | 'leader' | 'admin' | 'system';
const CALLERS: Caller[] = ['officer', 'leader', 'admin', 'system'];
const DENIED = ['DUTY_ERR_UNAUTHENTICATED', 'DUTY_ERR_FORBIDDEN', 'DUTY_ERR_CSRF', 'DUTY_ERR_ORIGIN'];

function allowed(access: Access, caller: Caller): boolean {
  if (access === 'public') return true;
  if (access === 'user') return caller !== 'system';
  return access.includes(caller);
}

/** Generated from the routes' own declarations: every caller × every route. */
describe('authorization matrix', () => {
  let t: TestApp;
  const sessions = {} as Record<Exclude<Caller, 'system'>, Session>;
  let bearer: Record<string, string>;
  beforeAll(async () => {
    t = await startApp();
    sessions.admin = await signInAdmin(t.app);
    for (const role of ['officer', 'leader'] as const) {
      await createUser(t.app, sessions.admin, { username: `${role}1`, roles: [role] });
      sessions[role] = await signIn(t.app, `${role}1`, USER_PASSWORD);
    }
    const { secret } = (
      await t.app.inject(
        as(sessions.admin, { method: 'POST', url: '/api/tokens', payload: { name: 'matrix' } }),
      )
    ).json();
    bearer = { authorization: `Bearer ${secret}` };
  });
  afterAll(() => t.close());

  it('gives every caller exactly what the route declares', async () => {
    const routes = t.app.declaredRoutes.filter(
      (r) => r.access !== 'public' && !r.url.includes('/auth/logout'),
    );
    const wrong: string[] = [];
    for (const route of routes) {
      for (const caller of CALLERS) {
        const headers = caller === 'system' ? bearer : sessions[caller].headers;
        const method = route.method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
        const url = route.url.replace(/:[a-zA-Z]+/g, '999999');
        const res = await t.app.inject({
          method,
          url,
          headers,
          payload: method === 'GET' || method === 'DELETE' ? undefined : {},
        });
        const code =
          res.statusCode >= 400 ? (res.json() as { error?: { code?: string } }).error?.code : undefined;
        const refused = code !== undefined && DENIED.includes(code);
        if (allowed(route.access, caller) === refused)
          wrong.push(`${caller} ${route.method} ${route.url} → ${res.statusCode} ${code ?? ''}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(routes.length).toBeGreaterThan(60);
  }, 120_000);
});

type SocketCaller = Caller | 'anonymous' | 'revoked token' | 'signed-out session' | 'foreign origin';

/** Who may hold the live feed: anyone signed in and any live API token; nobody else. */
const SOCKET_ALLOWED: Record<SocketCaller, boolean> = {
  officer: true,
  leader: true,
  admin: true,
  system: true,
  anonymous: false,
  'revoked token': false,
  'signed-out session': false,
  'foreign origin': false,
};

/**
 * What each caller's console is sent of a new person and a new incident: people are the audit
 * trail's (admin), the duty every signed-in person's; a token reads no route, so no event.
 */
const SOCKET_READS: Record<Caller, AnyDutyEvent['type'][]> = {
  officer: ['incident.created'],
  leader: ['incident.created'],
  admin: ['user.created', 'incident.created'],
  system: [],
};

/** How each refused caller is refused: a handshake answer or an HTTP error, never a timeout. */
const SOCKET_REFUSAL: Partial<Record<SocketCaller, string>> = {
  anonymous: 'unauthorized',
  'revoked token': 'unauthorized',
  'signed-out session': 'unauthorized',
  'foreign origin': 'websocket error: Unexpected server response: 400',
};

describe('authorization matrix for the live feed', () => {
  let t: TestApp;
  let admin: Session;
  const creds = {} as Record<SocketCaller, Credentials>;
  beforeAll(async () => {
    t = await startApp({ listen: true });
    admin = await signInAdmin(t.app);
    creds.admin = { cookie: admin.cookie };
    for (const role of ['officer', 'leader'] as const) {
      await createUser(t.app, admin, { username: `${role}1`, roles: [role] });
      creds[role] = { cookie: (await signIn(t.app, `${role}1`, USER_PASSWORD)).cookie };
    }
    const token = async (name: string) =>
      (await t.app.inject(as(admin, { method: 'POST', url: '/api/tokens', payload: { name } }))).json();
    creds.system = { token: (await token('live')).secret };
    const revoked = await token('revoked');
    const revoke = await t.app.inject(
      as(admin, { method: 'POST', url: `/api/tokens/${revoked.token.id}/revoke` }),
    );
    expect(revoke.statusCode).toBe(200);
    creds['revoked token'] = { token: revoked.secret };
    await createUser(t.app, admin, { username: 'gone', roles: ['officer'] });
    const gone = await signIn(t.app, 'gone', USER_PASSWORD);
    await t.app.inject(as(gone, { method: 'POST', url: '/api/auth/logout', payload: {} }));
    creds['signed-out session'] = { cookie: gone.cookie };
    creds.anonymous = {};
    creds['foreign origin'] = { cookie: admin.cookie, origin: 'http://evil.example' };
  });
  afterEach(() => closeAllConsoles());
  afterAll(() => t.close());

  it('lets every allowed caller in, answers each declared client event, and pushes every change it may read', async () => {
    const callers = Object.keys(SOCKET_ALLOWED) as SocketCaller[];
    const wrong: string[] = [];
    const consoles = new Map<SocketCaller, LiveConsole>();
    for (const caller of callers) {
      if (!SOCKET_ALLOWED[caller]) {
        const refused = await refusal(t.url, creds[caller]).catch((err: Error) => err.message);
        if (refused !== SOCKET_REFUSAL[caller]) wrong.push(`${caller}: ${refused}`);
        continue;
      }
      const c = await connectConsole(t.url, creds[caller]);
      consoles.set(caller, c);
      for (const name of CLIENT_EVENTS) {
        const ack = await c.socket.timeout(5000).emitWithAck(name, { after: 0 });
        if (!ack.ok) wrong.push(`${caller} ${name}: ${JSON.stringify(ack)}`);
      }
    }
    // Changes made now reach every console that is let in and may read them, and no other.
    const officer = await signIn(t.app, 'officer1', USER_PASSWORD);
    const before = (await t.app.inject(as(admin, { method: 'GET', url: '/api/events?limit=1' }))).json()
      .headSeq as number;
    await createUser(t.app, admin, { username: 'newcomer', roles: ['officer'] });
    const incident = await t.app.inject(
      as(officer, { method: 'POST', url: '/api/incidents', payload: CALL }),
    );
    expect(incident.statusCode).toBe(201);
    for (const [caller, c] of consoles) {
      await c.nextHeartbeat();
      await c.nextHeartbeat();
      const got = c.received.filter((e) => e.seq > before).map((e) => e.type);
      const expected = SOCKET_READS[caller as Caller];
      if (JSON.stringify(got) !== JSON.stringify(expected))
        wrong.push(
          `${caller}: received ${got.join(', ') || 'nothing'}, expected ${expected.join(', ') || 'nothing'}`,
        );
    }
    expect(wrong).toEqual([]);
    expect(consoles.size).toBe(callers.filter((c) => SOCKET_ALLOWED[c]).length);
  });

  it('ignores events no one declared: a console cannot forge a change or a broadcast', async () => {
    const officer = await connectConsole(t.url, creds.officer);
    const watcher = await connectConsole(t.url, creds.admin);
    const before = (await t.app.inject(as(admin, { method: 'GET', url: '/api/events?limit=1' }))).json();
    const forged = { seq: 999_999, type: 'incident.created', subject: 'incident:1', payload: {} };
    for (const name of ['event', 'heartbeat', 'publish', 'incident.created', 'sync:all'])
      (officer.socket as unknown as { emit(n: string, v: unknown): void }).emit(name, forged);
    await settle(500);
    const after = (await t.app.inject(as(admin, { method: 'GET', url: '/api/events?limit=1' }))).json();
    expect(after).toEqual(before);
    expect(watcher.received.filter((e) => e.seq === forged.seq)).toEqual([]);
    // The forger is still an ordinary console: its declared events work.
    expect((await officer.sync(0)).ok).toBe(true);
  });
});
