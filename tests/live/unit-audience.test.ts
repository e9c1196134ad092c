import type { LiveState, LiveStatus } from '@client/lib/live-store';
import type { AnyDutyEvent } from '@shared/events';
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
import { DIALECTS, freshDatabase, type TestDatabase } from '../helpers/databases';
import { CALL } from '../helpers/incidents';
import { closeAllConsoles, connectConsole, type LiveConsole, settle } from '../helpers/live-client';

/**
 * The scoped live feed (DESIGN 2.7, 3 "every event has an audience"): two township consoles and a
 * district console, real Socket.IO clients. A township's incident reaches the district and the
 * township, never the sibling — live, on catch-up after a reconnect with an old lastSeq, and with
 * sibling events interleaved, a township console neither misses one of its own nor goes out of sync.
 */

/** The tree of this file: the district (1, from the migration), townships 2 (A) and 3 (B), community 4 under A. */
const A = { id: 2, path: '/1/2/' };
const B = { id: 3, path: '/1/3/' };
const A1 = { id: 4, path: '/1/2/4/' };

async function addUnits(t: TestApp): Promise<void> {
  const at = '2026-12-01T00:00:00.000Z';
  const unit = (id: number, parent: number, kind: string, name: string, path: string) => ({
    id,
    parent_id: parent,
    kind,
    name,
    code: `u${id}`,
    path,
    phone: '',
    enabled: 1,
    created_at: at,
    updated_at: at,
  });
  // biome-ignore lint/suspicious/noExplicitAny: the units table's kind column is a union of literals
  const db = t.app.db as any;
  await db
    .insertInto('units')
    .values([
      unit(A.id, 1, 'township', '城关镇', A.path),
      unit(B.id, 1, 'township', '河东街道', B.path),
      unit(A1.id, A.id, 'community', '城关社区', A1.path),
    ])
    .execute();
}

/** The console's own live store (client/src/lib/live-store.ts), a fresh module instance, as a browser runs it. */
interface StoreConsole {
  shown: AnyDutyEvent[];
  statuses: LiveStatus[];
  state(): LiveState;
  close(): void;
}

/**
 * Opens the store. `lose` plays a lost message: the first event it matches never reaches the store
 * (the server sent it; the network lost it), as when a node's notification goes missing.
 */
async function openStore(
  url: string,
  cookie: string,
  lose?: (event: AnyDutyEvent) => boolean,
): Promise<StoreConsole> {
  vi.resetModules();
  vi.doMock('socket.io-client', async (importOriginal) => {
    const real = await importOriginal<typeof import('socket.io-client')>();
    return {
      ...real,
      io: (options: Parameters<typeof real.io>[1]) => {
        const socket = real.io(url, { ...options, extraHeaders: { cookie } });
        if (!lose) return socket;
        let lost = false;
        const on = socket.on.bind(socket);
        // biome-ignore lint/suspicious/noExplicitAny: wraps any listener of the socket
        socket.on = ((name: string, listener: (...args: any[]) => void) =>
          on(name, (...args: unknown[]) => {
            if (name === 'event' && !lost && lose(args[0] as AnyDutyEvent)) {
              lost = true;
              return;
            }
            listener(...args);
          })) as typeof socket.on;
        return socket;
      },
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
  // From here on: what the console shows once it is live.
  c.statuses.splice(0, c.statuses.length, 'live');
  return c;
}

/** The heartbeat the server sends right after a console's catch-up (it may come before anyone waits for it). */
const firstBeat = (c: LiveConsole) =>
  vi.waitFor(
    () => {
      expect(c.heartbeats.length).toBeGreaterThan(0);
      return c.heartbeats[0]!;
    },
    { timeout: 10_000, interval: 10 },
  );

const subjects = (events: AnyDutyEvent[]) => events.map((e) => e.subject);
const incidentIds = (events: AnyDutyEvent[]) =>
  events.filter((e) => e.type === 'incident.created').map((e) => Number(e.subject.split(':')[1]));

describe.each(DIALECTS)('a console hears only the units it may see, on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let district: Session;
  let officerA: Session;
  let officerB: Session;
  let informantA1: Session;
  const stores: StoreConsole[] = [];

  const intake = async (session: Session, summary: string): Promise<number> => {
    const res = await t.app.inject(
      as(session, { method: 'POST', url: '/api/incidents', payload: { ...CALL, summary } }),
    );
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: number }).id;
  };
  const fullLog = async (): Promise<AnyDutyEvent[]> => {
    const res = await t.app.inject(as(admin, { method: 'GET', url: '/api/events?after=0&limit=1000' }));
    expect(res.statusCode).toBe(200);
    return (res.json() as { events: AnyDutyEvent[] }).events;
  };

  beforeAll(async () => {
    // The scanner stays out of the scenario (no overdue events of the incidents meanwhile).
    t = await startApp({ dialect, listen: true, config: { scanMs: 60_000 } });
    await addUnits(t);
    admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'district-officer', roles: ['officer'] });
    const create = async (username: string, roles: string[], unitId: number) => {
      const res = await t.app.inject(
        as(admin, {
          method: 'POST',
          url: '/api/users',
          payload: {
            username,
            displayName: username,
            password: USER_PASSWORD,
            roles,
            qualified: true,
            unitId,
          },
        }),
      );
      expect(res.statusCode, res.body).toBe(201);
    };
    await create('officer-a', ['officer'], A.id);
    await create('officer-b', ['officer'], B.id);
    // A community's officer (intake is an officer's; the community's informants report through it).
    await create('informant-a1', ['officer'], A1.id);
    district = await signIn(t.app, 'district-officer', USER_PASSWORD);
    officerA = await signIn(t.app, 'officer-a', USER_PASSWORD);
    officerB = await signIn(t.app, 'officer-b', USER_PASSWORD);
    informantA1 = await signIn(t.app, 'informant-a1', USER_PASSWORD);
  });
  afterEach(() => {
    closeAllConsoles();
    for (const s of stores.splice(0)) s.close();
  });
  afterAll(() => t.close());

  it("each event carries its audience: a township's incident is recorded with the township's path", async () => {
    const before = await headSeq(t.app.db);
    const id = await intake(officerA, 'A 镇上报');
    const events = (await fullLog()).filter((e) => e.seq > before);
    expect(events.map((e) => [e.type, e.subject, e.unit])).toContainEqual([
      'incident.created',
      `incident:${id}`,
      A.path,
    ]);
    const row = await t.app.db
      .selectFrom('events')
      .select(['unit_path'])
      .where('subject', '=', `incident:${id}`)
      .where('type', '=', 'incident.created')
      .executeTakeFirstOrThrow();
    expect(row.unit_path).toBe(A.path);
  });

  it('live: an incident of township A reaches the district and A within a second, never B', async () => {
    const head = await headSeq(t.app.db);
    const onDistrict = await connectConsole(t.url, { cookie: district.cookie, lastSeq: head });
    const onA = await connectConsole(t.url, { cookie: officerA.cookie, lastSeq: head });
    const onB = await connectConsole(t.url, { cookie: officerB.cookie, lastSeq: head });
    const sent = Date.now();
    const id = await intake(officerA, 'A 镇：山体滑坡');
    const created = (c: LiveConsole) =>
      vi.waitFor(
        () => {
          const e = c.received.find((x) => x.type === 'incident.created' && x.subject === `incident:${id}`);
          expect(e).toBeDefined();
          return Date.now();
        },
        { timeout: 1000, interval: 5 },
      );
    const [atDistrict, atA] = await Promise.all([created(onDistrict), created(onA)]);
    expect(atDistrict - sent).toBeLessThan(1000);
    expect(atA - sent).toBeLessThan(1000);
    // B hears nothing of it, and its heartbeat does not move: nothing of its audience happened.
    await onB.nextHeartbeat();
    await settle(300);
    expect(onB.received).toEqual([]);
    expect(onB.heartbeats.every((b) => b.headSeq === head)).toBe(true);
    // B's own incident reaches B (with its own head as prevSeq) and the district, never A.
    const mine = await intake(officerB, 'B 街道：内涝');
    await vi.waitFor(() => expect(incidentIds(onB.received)).toEqual([mine]), { timeout: 1000, interval: 5 });
    expect(onB.prevSeqs[0]).toBe(head);
    expect(onB.applied.map((e) => e.seq)).toEqual(onB.received.map((e) => e.seq));
    await vi.waitFor(() => expect(incidentIds(onDistrict.received)).toEqual([id, mine]), { timeout: 1000 });
    await settle(300);
    expect(incidentIds(onA.received)).toEqual([id]);
    expect(onA.received.every((e) => e.unit === A.path)).toBe(true);
    expect(onB.received.every((e) => e.unit === B.path)).toBe(true);
  });

  it('catch-up: B reconnecting with an old lastSeq gets only its own events; A and the district get theirs', async () => {
    const from = await headSeq(t.app.db);
    const a1 = await intake(officerA, 'A 镇 一');
    const b1 = await intake(officerB, 'B 街道 一');
    const a2 = await intake(officerA, 'A 镇 二');
    const log = (await fullLog()).filter((e) => e.seq > from);
    const head = log.at(-1)!.seq;
    const onB = await connectConsole(t.url, { cookie: officerB.cookie, lastSeq: from });
    const beatB = await onB.nextHeartbeat();
    const onA = await connectConsole(t.url, { cookie: officerA.cookie, lastSeq: from });
    const beatA = await onA.nextHeartbeat();
    const onDistrict = await connectConsole(t.url, { cookie: district.cookie, lastSeq: from });
    await onDistrict.appliedUpTo(head);
    await settle(300);
    const ofUnit = (path: string) => log.filter((e) => e.unit === path);
    expect(incidentIds(onB.received)).toEqual([b1]);
    expect(onB.received).toEqual(ofUnit(B.path));
    expect(incidentIds(onA.received)).toEqual([a1, a2]);
    expect(onA.received).toEqual(ofUnit(A.path));
    expect(incidentIds(onDistrict.received)).toEqual([a1, b1, a2]);
    // Each came with the one before it of its own audience: all applied, no hole taken for a gap.
    expect(onB.prevSeqs).toEqual([
      from,
      ...ofUnit(B.path)
        .map((e) => e.seq)
        .slice(0, -1),
    ]);
    expect(onA.applied).toEqual(onA.received);
    expect(onB.applied).toEqual(onB.received);
    // Each heartbeat carries the head of its audience, not the log's.
    expect(beatB.headSeq).toBe(ofUnit(B.path).at(-1)!.seq);
    expect(beatA.headSeq).toBe(ofUnit(A.path).at(-1)!.seq);
    expect(beatB.headSeq).toBeLessThan(head);
    // A sync from an old seq replays the same, and only that.
    const replayFrom = onB.received.length;
    const ack = await onB.sync(from);
    expect(ack).toEqual({ ok: true, headSeq: beatB.headSeq });
    expect(subjects(onB.received.slice(replayFrom))).toEqual(subjects(ofUnit(B.path)));
  });

  it('a community sees its own and nothing of its township; the township sees its community', async () => {
    const from = await headSeq(t.app.db);
    const onA = await connectConsole(t.url, { cookie: officerA.cookie, lastSeq: from });
    const onA1 = await connectConsole(t.url, { cookie: informantA1.cookie, lastSeq: from });
    const fromCommunity = await intake(informantA1, '社区：树木倒伏');
    const fromTownship = await intake(officerA, '镇：道路塌陷');
    await vi.waitFor(() => expect(incidentIds(onA.received)).toEqual([fromCommunity, fromTownship]), {
      timeout: 2000,
    });
    await onA1.nextHeartbeat();
    await settle(300);
    expect(incidentIds(onA1.received)).toEqual([fromCommunity]);
    expect(onA1.received.every((e) => e.unit === A1.path)).toBe(true);
  });

  it('district-wide settings reach every unit; the district duty room stays the district’s', async () => {
    const from = await headSeq(t.app.db);
    const onB = await connectConsole(t.url, { cookie: officerB.cookie, lastSeq: from });
    const onDistrict = await connectConsole(t.url, { cookie: district.cookie, lastSeq: from });
    const note = await t.app.inject(
      as(district, {
        method: 'POST',
        url: '/api/logbook',
        payload: { kind: 'notice', content: '区值班室内部' },
      }),
    );
    expect(note.statusCode, note.body).toBe(201);
    const settings = await t.app.inject(as(admin, { method: 'GET', url: '/api/settings/duty' }));
    expect(settings.statusCode, settings.body).toBe(200);
    const put = await t.app.inject(
      as(admin, { method: 'PUT', url: '/api/settings/duty', payload: settings.json() as object }),
    );
    expect(put.statusCode, put.body).toBeLessThan(300);
    const head = await headSeq(t.app.db);
    await onDistrict.appliedUpTo(head);
    await onB.nextHeartbeat();
    await settle(300);
    expect(onDistrict.received.map((e) => e.type)).toEqual(['logbook.added', 'settings.updated']);
    expect(onB.received.map((e) => e.type)).toEqual(['settings.updated']);
    expect(onB.received[0]!.unit).toBe('/1/');
  });

  it('with sibling events interleaved, a township console misses none of its own and never goes out of sync', async () => {
    const storeA = await openStore(t.url, officerA.cookie);
    stores.push(storeA);
    const start = storeA.state().lastSeq!;
    const onA = await connectConsole(t.url, { cookie: officerA.cookie, lastSeq: start });
    // Interleaved and concurrent: A and B record at the same time, 8 each.
    const ids = await Promise.all(
      Array.from({ length: 16 }, (_, i) => intake(i % 2 === 0 ? officerA : officerB, `交错 ${i}`)),
    );
    const own = ids.filter((_, i) => i % 2 === 0);
    const log = (await fullLog()).filter((e) => e.seq > start);
    const ofA = log.filter((e) => e.unit === A.path);
    expect(incidentIds(ofA).sort((x, y) => x - y)).toEqual([...own].sort((x, y) => x - y));
    await onA.appliedUpTo(ofA.at(-1)!.seq);
    await vi.waitFor(() => expect(storeA.state().lastSeq).toBe(ofA.at(-1)!.seq), { timeout: 5000 });
    // Two heartbeats later the store still stands where its audience's head is.
    await onA.nextHeartbeat();
    await onA.nextHeartbeat();
    expect(onA.heartbeats.at(-1)!.headSeq).toBe(ofA.at(-1)!.seq);
    expect(onA.received).toEqual(ofA);
    expect(onA.applied).toEqual(ofA);
    expect(storeA.shown).toEqual(ofA);
    expect(storeA.statuses).toEqual(['live']);
    expect(storeA.state().status).toBe('live');
  });

  it('a township console fills a hole of its own: a lost event of its audience is caught up, sibling events are not', async () => {
    const summaryLost = '这一起在路上丢了';
    const storeA = await openStore(
      t.url,
      officerA.cookie,
      (e) => e.type === 'incident.created' && e.payload.incident.summary === summaryLost,
    );
    stores.push(storeA);
    const start = storeA.state().lastSeq!;
    // Lost on the way, then a sibling's: only the heartbeat of A's audience can tell the console.
    const lost = await intake(officerA, summaryLost);
    await intake(officerB, '兄弟街道的一起');
    await vi.waitFor(() => expect(incidentIds(storeA.shown)).toEqual([lost]), {
      timeout: 5000,
      interval: 20,
    });
    expect(storeA.statuses).toEqual(['live', 'out_of_sync', 'live']);
    // Lost again, then one of its own after a sibling's: its prevSeq tells the console at once.
    const storeA2 = await openStore(
      t.url,
      officerA.cookie,
      (e) => e.type === 'incident.created' && e.payload.incident.summary === `${summaryLost}2`,
    );
    stores.push(storeA2);
    const lost2 = await intake(officerA, `${summaryLost}2`);
    await intake(officerB, '兄弟街道的又一起');
    const next = await intake(officerA, '自己的又一起');
    await vi.waitFor(() => expect(incidentIds(storeA2.shown)).toEqual([lost2, next]), {
      timeout: 5000,
      interval: 20,
    });
    expect(storeA2.state().status).toBe('live');
    const ofA = (await fullLog()).filter((e) => e.seq > start && e.unit === A.path);
    expect(storeA.shown.map((e) => e.seq).every((seq) => ofA.some((e) => e.seq === seq))).toBe(true);
    expect(storeA2.shown.every((e) => e.unit === A.path)).toBe(true);
  });

  it('a person moved to another unit while connected reads that unit from the move on', async () => {
    const res = await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/users',
        payload: {
          username: 'mover',
          displayName: 'mover',
          password: USER_PASSWORD,
          roles: ['officer'],
          qualified: true,
          unitId: B.id,
        },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const moverId = (res.json() as { id: number }).id;
    const mover = await signIn(t.app, 'mover', USER_PASSWORD);
    const head = await headSeq(t.app.db);
    const c = await connectConsole(t.url, { cookie: mover.cookie, lastSeq: head });
    const inB = await intake(officerB, '调动前：B');
    const inA = await intake(officerA, '调动前：A');
    const moved = await t.app.inject(
      as(admin, { method: 'PATCH', url: `/api/users/${moverId}`, payload: { unitId: A.id } }),
    );
    expect(moved.statusCode, moved.body).toBe(200);
    const laterB = await intake(officerB, '调动后：B');
    const laterA = await intake(officerA, '调动后：A');
    await vi.waitFor(() => expect(incidentIds(c.received)).toEqual([inB, laterA]), { timeout: 3000 });
    await settle(300);
    expect(incidentIds(c.received)).not.toContain(inA);
    expect(incidentIds(c.received)).not.toContain(laterB);
    // Its own user.updated (the move) reached it, wherever it belongs.
    const move = c.received.find((e) => e.type === 'user.updated')!;
    expect(move.type === 'user.updated' && move.payload.user.unitPath).toBe(A.path);
    expect(c.applied).toEqual(c.received);
  });
});

/**
 * Two server nodes on one PostgreSQL (the cluster adapter, server/live/cluster.ts), the heartbeat a
 * minute away: what a console on the other node gets came through the cluster or the catch-up.
 */
describe.each(DIALECTS.filter((d) => d === 'postgres'))(
  'two nodes on one %s: the audience holds across nodes',
  (dialect) => {
    let database: TestDatabase;
    let n1: TestApp;
    let n2: TestApp;
    let district: Session;
    let officerA: Session;
    let officerB: Session;

    const intake = async (node: TestApp, session: Session, summary: string): Promise<number> => {
      const res = await node.app.inject(
        as(session, { method: 'POST', url: '/api/incidents', payload: { ...CALL, summary } }),
      );
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { id: number }).id;
    };
    const ofUnit = async (after: number, path: string) =>
      (
        await n1.app.db
          .selectFrom('events')
          .select(['seq', 'unit_path'])
          .where('seq', '>', after)
          .orderBy('seq')
          .execute()
      )
        .filter((r) => r.unit_path === path)
        .map((r) => Number(r.seq));

    beforeAll(async () => {
      database = await freshDatabase(dialect);
      const config = { heartbeatMs: 60_000, scanMs: 60_000 };
      n1 = await startApp({ databaseUrl: database.url, listen: true, config });
      n2 = await startApp({ databaseUrl: database.url, listen: true, config });
      await addUnits(n1);
      const admin = await signInAdmin(n1.app);
      for (const [username, unitId] of [
        ['district-officer', 1],
        ['officer-a', A.id],
        ['officer-b', B.id],
      ] as const) {
        const res = await n2.app.inject(
          as(admin, {
            method: 'POST',
            url: '/api/users',
            payload: {
              username,
              displayName: username,
              password: USER_PASSWORD,
              roles: ['officer'],
              qualified: true,
              unitId,
            },
          }),
        );
        expect(res.statusCode, res.body).toBe(201);
      }
      district = await signIn(n1.app, 'district-officer', USER_PASSWORD);
      officerA = await signIn(n2.app, 'officer-a', USER_PASSWORD);
      officerB = await signIn(n1.app, 'officer-b', USER_PASSWORD);
    });
    afterEach(() => closeAllConsoles());
    afterAll(async () => {
      await n2?.close();
      await n1?.close();
      await database?.drop();
    });

    it('an incident of A posted on either node reaches the district and A within a second, never B; B catches up on its own only', async () => {
      const head = await headSeq(n1.app.db);
      const onDistrict = await connectConsole(n1.url, { cookie: district.cookie, lastSeq: head });
      const onA = await connectConsole(n2.url, { cookie: officerA.cookie, lastSeq: head });
      const onB = await connectConsole(n1.url, { cookie: officerB.cookie, lastSeq: head });
      const firstBeatB = await firstBeat(onB);
      expect(firstBeatB.headSeq).toBe(head);

      const within = async (c: LiveConsole, id: number, sent: number) => {
        await vi.waitFor(() => expect(incidentIds(c.received)).toContain(id), { timeout: 1000, interval: 5 });
        expect(Date.now() - sent).toBeLessThan(1000);
      };
      // Posted on node 1: A's console is on node 2. Posted on node 2: the district's is on node 1.
      for (const node of [n1, n2]) {
        const sent = Date.now();
        const id = await intake(node, officerA, `A 镇经节点 ${node === n1 ? 1 : 2}`);
        await Promise.all([within(onDistrict, id, sent), within(onA, id, sent)]);
      }
      await settle(500);
      expect(onB.received).toEqual([]);
      expect(onA.applied).toEqual(onA.received);
      expect(onA.received.every((e) => e.unit === A.path)).toBe(true);

      // B away; A and B record on both nodes; B comes back on the other node with its old lastSeq.
      onB.close();
      const a3 = await intake(n2, officerA, 'A 镇 三');
      const b1 = await intake(n1, officerB, 'B 街道 一');
      const a4 = await intake(n1, officerA, 'A 镇 四');
      const back = await connectConsole(n2.url, { cookie: officerB.cookie, lastSeq: head });
      const beat = await firstBeat(back);
      const ownB = await ofUnit(head, B.path);
      expect(beat.headSeq).toBe(ownB.at(-1));
      await settle(300);
      expect(incidentIds(back.received)).toEqual([b1]);
      expect(back.received.map((e) => e.seq)).toEqual(ownB);
      expect(back.prevSeqs[0]).toBe(head);
      expect(back.applied).toEqual(back.received);
      await vi.waitFor(() => expect(incidentIds(onA.received).slice(-2)).toEqual([a3, a4]), {
        timeout: 2000,
      });
      expect(incidentIds(onA.received)).not.toContain(b1);
    });

    it('sibling events interleaved across both nodes: each township console misses none of its own', async () => {
      const head = await headSeq(n1.app.db);
      const onA = await connectConsole(n2.url, { cookie: officerA.cookie, lastSeq: head });
      const onB = await connectConsole(n1.url, { cookie: officerB.cookie, lastSeq: head });
      const ids = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          intake(i % 3 === 0 ? n1 : n2, i % 2 === 0 ? officerA : officerB, `跨节点交错 ${i}`),
        ),
      );
      const ownA = await ofUnit(head, A.path);
      const ownB = await ofUnit(head, B.path);
      await onA.appliedUpTo(ownA.at(-1)!, 5000);
      await onB.appliedUpTo(ownB.at(-1)!, 5000);
      await settle(300);
      // Every own one applied in seq order, each with the one before it: no hole, no sync needed.
      expect(onA.applied.map((e) => e.seq)).toEqual(ownA);
      expect(onB.applied.map((e) => e.seq)).toEqual(ownB);
      expect(onA.prevSeqs).toEqual([head, ...ownA.slice(0, -1)]);
      expect(onB.prevSeqs).toEqual([head, ...ownB.slice(0, -1)]);
      expect(incidentIds(onA.received).sort((x, y) => x - y)).toEqual(
        ids.filter((_, i) => i % 2 === 0).sort((x, y) => x - y),
      );
      expect(incidentIds(onB.received).sort((x, y) => x - y)).toEqual(
        ids.filter((_, i) => i % 2 === 1).sort((x, y) => x - y),
      );
    });
  },
);
