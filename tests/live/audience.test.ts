import type { LiveState, LiveStatus } from '@client/lib/live-store';
import type { AnyDutyEvent } from '@shared/events';
import type { User } from '@shared/schemas/users';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { headSeq } from '../../server/events/read';
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
import { DIALECTS } from '../helpers/databases';
import { CALL } from '../helpers/incidents';
import { closeAllConsoles, connectConsole, settle } from '../helpers/live-client';

/** What only an administrator reads: people, sign-ins, tokens, calendar feeds, the system. */
const ADMIN_ONLY = /^(user|auth|token|calendar|system)\./;

/** The console's own live store (client/src/lib/live-store.ts), a fresh module instance, as a browser runs it. */
interface StoreConsole {
  shown: AnyDutyEvent[];
  statuses: LiveStatus[];
  state(): LiveState;
  close(): void;
}

async function openStore(url: string, cookie: string): Promise<StoreConsole> {
  vi.resetModules();
  vi.doMock('socket.io-client', async (importOriginal) => {
    const real = await importOriginal<typeof import('socket.io-client')>();
    return {
      ...real,
      io: (options: Parameters<typeof real.io>[1]) => real.io(url, { ...options, extraHeaders: { cookie } }),
    };
  });
  const live = await import('@client/lib/live-store');
  vi.doUnmock('socket.io-client');
  const c: StoreConsole = { shown: [], statuses: [], state: live.getLiveState, close: live.disconnectLive };
  live.subscribeLiveEvents((event) => c.shown.push(event));
  live.subscribeLiveState(() => {
    const status = live.getLiveState().status;
    if (c.statuses.at(-1) !== status) c.statuses.push(status);
  });
  live.connectLive({ onServerDisconnect: () => {}, onRefused: () => {} });
  await vi.waitFor(() => expect(c.state()).toMatchObject({ status: 'live', lastSeq: expect.any(Number) }), {
    timeout: 10_000,
    interval: 20,
  });
  return c;
}

describe.each(DIALECTS)('the live feed reads like the routes on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let other: User;
  let tokenSecret: string;
  const stores: StoreConsole[] = [];

  const post = async (session: Session, url: string, payload: unknown) => {
    const res = await t.app.inject(as(session, { method: 'POST', url, payload: payload as object }));
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };
  const patchUser = async (id: number, payload: object) => {
    const res = await t.app.inject(as(admin, { method: 'PATCH', url: `/api/users/${id}`, payload }));
    expect(res.statusCode, res.body).toBe(200);
  };
  const intakeByToken = async (summary: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/incidents',
      headers: { authorization: `Bearer ${tokenSecret}` },
      payload: { ...CALL, source: 'api', summary },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number };
  };
  const fullLog = async (): Promise<AnyDutyEvent[]> => {
    const res = await t.app.inject(as(admin, { method: 'GET', url: '/api/events?after=0&limit=1000' }));
    expect(res.statusCode).toBe(200);
    return (res.json() as { events: AnyDutyEvent[] }).events;
  };

  beforeAll(async () => {
    t = await startApp({ dialect, listen: true });
    admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'reader', roles: ['officer'] });
    officer = await signIn(t.app, 'reader', USER_PASSWORD);
    other = await createUser(t.app, admin, { username: 'other', roles: ['officer', 'leader'] });
    await patchUser(other.id, { phone: '13800000000' });
    await patchUser(officer.user.id, { displayName: '值班员甲' });
    tokenSecret = (await post(admin, '/api/tokens', { name: '12350 hotline' })).secret;
    const old = await post(admin, '/api/tokens', { name: 'old system' });
    await post(admin, `/api/tokens/${old.token.id}/revoke`, {});
    await post(officer, '/api/roster/calendar-feed', {});
    const gone = await signIn(t.app, 'other', USER_PASSWORD);
    await post(gone, '/api/auth/logout', {});
    await post(officer, '/api/incidents', CALL);
    await intakeByToken('12350 转来');
    await post(officer, '/api/logbook', { kind: 'notice', content: '市局通知：加强夜间值守' });
    // The log's head is one an officer may not read.
    await patchUser(other.id, { qualified: false });
  });
  afterEach(() => {
    closeAllConsoles();
    for (const s of stores.splice(0)) s.close();
  });
  afterAll(() => t.close());

  it('the log holds every kind of event the rules keep from officers and tokens', async () => {
    const types = new Set((await fullLog()).map((e) => e.type));
    for (const type of [
      'user.created',
      'user.updated',
      'auth.signed_in',
      'auth.signed_out',
      'token.created',
      'token.revoked',
      'calendar.feed_created',
    ])
      expect(types).toContain(type);
  });

  it('an officer connecting with lastSeq 0 catches up on its audience only: no user.*, auth.*, token.* event', async () => {
    const log = await fullLog();
    const c = await connectConsole(t.url, { cookie: officer.cookie, lastSeq: 0 });
    const beat = await c.nextHeartbeat();
    await settle();
    // Its own rename (the console follows its name), the incidents and the log entry.
    expect(c.received.map((e) => e.type)).toEqual([
      'user.updated',
      'incident.created',
      'incident.created',
      'logbook.added',
    ]);
    expect(c.received.every((e) => !ADMIN_ONLY.test(e.type) || e.subject === `user:${officer.user.id}`)).toBe(
      true,
    );
    const expected = log.filter(
      (e) => !ADMIN_ONLY.test(e.type) || (e.type === 'user.updated' && e.payload.user.id === officer.user.id),
    );
    expect(c.received).toEqual(expected);
    // Each came with the one before it: all applied, none taken for a gap.
    const seqs = expected.map((e) => e.seq);
    expect(c.prevSeqs).toEqual([0, ...seqs.slice(0, -1)]);
    expect(c.applied.map((e) => e.seq)).toEqual(seqs);
    // Its head is its audience's, not the log's.
    expect(beat.headSeq).toBe(seqs.at(-1));
    expect(beat.headSeq).toBeLessThan(log.at(-1)!.seq);
  });

  it('an intake-only token connecting with lastSeq 0 is sent nothing: it may read no route', async () => {
    const c = await connectConsole(t.url, { token: tokenSecret, lastSeq: 0 });
    expect((await c.nextHeartbeat()).headSeq).toBe(0);
    await intakeByToken('又一起');
    await createUser(t.app, admin, { username: 'unseen', roles: ['officer'] });
    await c.nextHeartbeat();
    await c.nextHeartbeat();
    await settle();
    expect(c.received).toEqual([]);
    expect(c.heartbeats.every((b) => b.headSeq === 0)).toBe(true);
  });

  it('an administrator still catches up on the whole log', async () => {
    const log = await fullLog();
    const c = await connectConsole(t.url, { cookie: admin.cookie, lastSeq: 0 });
    await c.appliedUpTo(log.at(-1)!.seq);
    expect(c.received).toEqual(log);
    expect(c.received.map((e) => e.seq)).toEqual(Array.from({ length: log.length }, (_, i) => i + 1));
  });

  it('live, each console is sent what it may read, with the seq sent before it', async () => {
    const head = await headSeq(t.app.db);
    const adminConsole = await connectConsole(t.url, { cookie: admin.cookie, lastSeq: head });
    const officerConsole = await connectConsole(t.url, { cookie: officer.cookie, lastSeq: head });
    const tokenConsole = await connectConsole(t.url, { token: tokenSecret, lastSeq: head });

    await createUser(t.app, admin, { username: 'live-new', roles: ['officer'] }); // head + 1
    await signIn(t.app, 'reader', USER_PASSWORD); // head + 2
    await post(admin, '/api/tokens', { name: 'live token' }); // head + 3
    const incident = await post(officer, '/api/incidents', CALL); // head + 4
    await patchUser(officer.user.id, { displayName: '值班员乙' }); // head + 5
    await patchUser(other.id, { displayName: '别人' }); // head + 6

    await adminConsole.appliedUpTo(head + 6);
    await settle();
    expect(adminConsole.received.map((e) => [e.seq, e.type])).toEqual([
      [head + 1, 'user.created'],
      [head + 2, 'auth.signed_in'],
      [head + 3, 'token.created'],
      [head + 4, 'incident.created'],
      [head + 5, 'user.updated'],
      [head + 6, 'user.updated'],
    ]);
    expect(officerConsole.received.map((e) => [e.seq, e.type, e.subject])).toEqual([
      [head + 4, 'incident.created', `incident:${incident.id}`],
      [head + 5, 'user.updated', `user:${officer.user.id}`],
    ]);
    expect(officerConsole.prevSeqs).toEqual([head, head + 4]);
    expect(officerConsole.applied).toHaveLength(2);
    expect(tokenConsole.received).toEqual([]);
  });

  it('a console that saw every event of its audience stays live while the log moves on without it', async () => {
    const store = await openStore(t.url, officer.cookie);
    stores.push(store);
    const raw = await connectConsole(t.url, { cookie: officer.cookie });
    const baseline = store.state().lastSeq!;
    expect((await raw.nextHeartbeat()).headSeq).toBe(baseline);

    for (const username of ['quiet-1', 'quiet-2', 'quiet-3'])
      await createUser(t.app, admin, { username, roles: ['officer'] });
    await post(admin, '/api/tokens', { name: 'quiet token' });
    const globalHead = await headSeq(t.app.db);
    expect(globalHead).toBe(baseline + 4);
    // Several beats after the log moved on: each names the console's own head.
    for (let i = 0; i < 3; i++) expect((await raw.nextHeartbeat()).headSeq).toBe(baseline);
    expect(store.shown).toEqual([]);
    expect(store.state()).toMatchObject({ status: 'live', lastSeq: baseline });
    expect(store.statuses).not.toContain('out_of_sync');

    // Its next own event follows straight on.
    const incident = await post(officer, '/api/incidents', CALL);
    await vi.waitFor(() => expect(store.state().lastSeq).toBe(globalHead + 1), {
      timeout: 5000,
      interval: 20,
    });
    expect(store.shown.map((e) => e.subject)).toEqual([`incident:${incident.id}`]);
    expect((await raw.nextHeartbeat()).headSeq).toBe(globalHead + 1);
    expect(store.state().status).toBe('live');
    expect(store.statuses).not.toContain('out_of_sync');
  });

  it('an event of its own that was never pushed (another process wrote it) still reaches it, without the others', async () => {
    const store = await openStore(t.url, officer.cookie);
    stores.push(store);
    const raw = await connectConsole(t.url, { cookie: officer.cookie });
    const baseline = store.state().lastSeq!;
    // A second app on the same database, with no link to this one: only the heartbeat tells.
    const elsewhere = await startApp({
      databaseUrl: t.app.config.databaseUrl,
      config: { heartbeatMs: 60_000 },
    });
    try {
      const write = async (session: Session, url: string, payload: object) => {
        const res = await elsewhere.app.inject(as(session, { method: 'POST', url, payload }));
        expect(res.statusCode, res.body).toBeLessThan(300);
        return res.json();
      };
      await write(admin, '/api/users', {
        username: 'elsewhere-1',
        displayName: 'x',
        password: USER_PASSWORD,
        roles: ['officer'],
      });
      const incident = await write(officer, '/api/incidents', CALL);
      await write(admin, '/api/users', {
        username: 'elsewhere-2',
        displayName: 'y',
        password: USER_PASSWORD,
        roles: ['officer'],
      });
      await raw.appliedUpTo(baseline + 2);
      await vi.waitFor(() => expect(store.state().lastSeq).toBe(baseline + 2), {
        timeout: 5000,
        interval: 20,
      });
      await settle();
      expect(raw.received.map((e) => [e.seq, e.subject])).toEqual([
        [baseline + 2, `incident:${incident.id}`],
      ]);
      expect(raw.prevSeqs).toEqual([baseline]);
      expect(store.shown.map((e) => e.seq)).toEqual([baseline + 2]);
      expect(store.state().status).toBe('live');
      expect((await raw.nextHeartbeat()).headSeq).toBe(baseline + 2);

      // Asked again (a console that lost it), it comes again, and the ack names its own head.
      expect(await raw.sync(baseline)).toEqual({ ok: true, headSeq: baseline + 2 });
      expect(raw.received.map((e) => e.seq)).toEqual([baseline + 2, baseline + 2]);
      expect(raw.prevSeqs).toEqual([baseline, baseline]);
    } finally {
      await elsewhere.close();
    }
  });

  it('follows a change of rights while connected: promoted, it reads people; demoted, no more', async () => {
    const riser = await createUser(t.app, admin, { username: 'riser', roles: ['officer'] });
    const session = await signIn(t.app, 'riser', USER_PASSWORD);
    const c = await connectConsole(t.url, { cookie: session.cookie, lastSeq: await headSeq(t.app.db) });
    await createUser(t.app, admin, { username: 'before-rise', roles: ['officer'] });
    await patchUser(riser.id, { roles: ['officer', 'admin'] });
    await createUser(t.app, admin, { username: 'after-rise', roles: ['officer'] });
    await patchUser(riser.id, { roles: ['officer'] });
    await createUser(t.app, admin, { username: 'after-fall', roles: ['officer'] });
    await post(officer, '/api/logbook', { kind: 'notice', content: '通知' });
    await c.receivedCount(4);
    await settle();
    expect(
      c.received.map((e) =>
        e.type === 'user.created' || e.type === 'user.updated'
          ? `${e.type} ${e.payload.user.username}`
          : e.type,
      ),
    ).toEqual(['user.updated riser', 'user.created after-rise', 'user.updated riser', 'logbook.added']);
    expect(c.applied).toHaveLength(4);
  });
});
