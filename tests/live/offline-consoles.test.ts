import type { LiveState, LiveStatus } from '@client/lib/live-store';
import type { AnyDutyEvent } from '@shared/events';
import type { EventRecord } from '@shared/schemas/events';
import type { Static } from 'typebox';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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
import { settle } from '../helpers/live-client';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';

const CONSOLES = 20;
const REPORTS = 300;
const CUT_MS = 30_000;
/** Reports that arrive in the 3 s after the restore, while the consoles reconnect. */
const TAIL = 30;
/** Socket.IO ping: both ends give up a silent link within interval + timeout = 4 s. */
const PING_MS = 2000;

/**
 * One browser console: the console's own live store (client/src/lib/live-store.ts), a fresh module
 * instance each, wired to the proxy. Only what a browser supplies by itself is added — the page's
 * origin as the server address and the session cookie — so its reconnect, catch-up and dedupe are
 * the real ones.
 */
interface Console {
  /** What the store handed to the console (its listeners), in the order it did. */
  shown: AnyDutyEvent[];
  /** Events that reached the socket ('event' and 'events' messages), duplicates included. */
  received: number;
  statuses: LiveStatus[];
  refusals: string[];
  state(): LiveState;
  close(): void;
}

async function openConsole(url: string, cookie: string): Promise<Console> {
  vi.resetModules();
  let socket: import('socket.io-client').Socket | undefined;
  vi.doMock('socket.io-client', async (importOriginal) => {
    const real = await importOriginal<typeof import('socket.io-client')>();
    const io = (options: Parameters<typeof real.io>[1]) => {
      socket = real.io(url, { ...options, extraHeaders: { cookie } });
      return socket;
    };
    return { ...real, io };
  });
  const live = await import('@client/lib/live-store');
  vi.doUnmock('socket.io-client');

  const c: Console = {
    shown: [],
    received: 0,
    statuses: [],
    refusals: [],
    state: live.getLiveState,
    close: live.disconnectLive,
  };
  live.subscribeLiveEvents((event) => c.shown.push(event));
  live.subscribeLiveState(() => {
    const status = live.getLiveState().status;
    if (c.statuses.at(-1) !== status) c.statuses.push(status);
  });
  live.connectLive({
    onServerDisconnect: () => c.refusals.push('server disconnect'),
    onRefused: (message) => c.refusals.push(message),
  });
  socket!.on('event', () => c.received++);
  socket!.on('events', (events) => {
    c.received += events.length;
  });
  return c;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

describe('consoles cut off for 30 s while reports arrive', () => {
  let t: TestApp;
  let proxy: TcpProxy;
  let admin: Session;
  let bearer: string;
  const consoles: Console[] = [];

  beforeAll(async () => {
    t = await startApp({
      listen: true,
      config: { livePingIntervalMs: PING_MS, livePingTimeoutMs: PING_MS },
    });
    proxy = await startTcpProxy(Number(new URL(t.url).port));
    admin = await signInAdmin(t.app);
    const token = await t.app.inject(
      as(admin, { method: 'POST', url: '/api/tokens', payload: { name: '12350 hotline' } }),
    );
    bearer = `Bearer ${token.json().secret}`;
    const officers = await Promise.all(
      Array.from({ length: CONSOLES }, async (_, i) => {
        const username = `offline-officer-${i + 1}`;
        await createUser(t.app, admin, { username, roles: ['officer'] });
        return signIn(t.app, username, USER_PASSWORD);
      }),
    );
    for (const officer of officers) consoles.push(await openConsole(proxy.url, officer.cookie));
  });

  afterAll(async () => {
    for (const c of consoles) c.close();
    await proxy?.close();
    await t?.close();
  });

  /** A report from the 12350 hotline's system, retried safely by its key. */
  async function report(n: number): Promise<number> {
    const res = await fetch(`${t.url}/api/incidents`, {
      method: 'POST',
      headers: {
        authorization: bearer,
        'idempotency-key': `offline-${n}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ ...CALL, source: 'api', summary: `断线期间第${n}起接报` }),
    });
    await res.arrayBuffer();
    return res.status;
  }

  /** `count` reports at an even pace over `spanMs`, straight to the server (not through the proxy). */
  async function steadyStream(first: number, count: number, spanMs: number): Promise<number[]> {
    const start = Date.now();
    const answers: Promise<number>[] = [];
    for (let i = 0; i < count; i++) {
      await sleep(start + (i * spanMs) / count - Date.now());
      answers.push(report(first + i));
    }
    return Promise.all(answers);
  }

  async function eventLog(after: number): Promise<Static<typeof EventRecord>[]> {
    const all: Static<typeof EventRecord>[] = [];
    for (;;) {
      const page = await t.app.inject(
        as(admin, { method: 'GET', url: `/api/events?after=${after}&limit=1000` }),
      );
      const { events } = page.json() as { events: Static<typeof EventRecord>[] };
      all.push(...events);
      if (events.length < 1000) return all;
      after = events.at(-1)!.seq;
    }
  }

  const headSeq = async () =>
    (await t.app.inject(as(admin, { method: 'GET', url: '/api/events?limit=1' }))).json().headSeq as number;

  /** Every console shows exactly the log after its baseline: every event, in order, none twice. */
  async function expectEveryConsoleComplete(): Promise<void> {
    const log = await eventLog(Math.min(...baseline));
    consoles.forEach((c, i) => {
      const expected = log.filter((e) => e.seq > baseline[i]!);
      expect(c.shown.map((e) => e.seq)).toEqual(expected.map((e) => e.seq));
      expect(c.shown).toEqual(expected);
      expect(c.refusals).toEqual([]);
      expect(c.statuses).not.toContain('offline'); // never gave up
    });
  }

  /** Waits until every console is live at `head`; returns how long that took. */
  async function allCaughtUp(head: number): Promise<number> {
    const from = Date.now();
    await vi.waitFor(
      () => {
        for (const c of consoles) {
          expect(c.state().status).toBe('live');
          expect(c.state().lastSeq).toBeGreaterThanOrEqual(head);
        }
      },
      { timeout: 15_000, interval: 50 },
    );
    return Date.now() - from;
  }

  let baseline: number[] = [];

  it('a blackhole of 30 s: each console ends with every event, in order, none shown twice', {
    timeout: 120_000,
  }, async () => {
    // Everyone live, with a baseline from the heartbeat, and a few reports seen live.
    await vi.waitFor(
      () => {
        for (const c of consoles)
          expect(c.state()).toMatchObject({ status: 'live', lastSeq: expect.any(Number) });
      },
      { timeout: 15_000, interval: 50 },
    );
    baseline = consoles.map((c) => c.state().lastSeq!);
    expect(await steadyStream(0, 5, 500)).toEqual(Array(5).fill(201));
    const beforeCut = await headSeq();
    await allCaughtUp(beforeCut);
    expect(t.app.live.connectedCount()).toBe(CONSOLES);

    proxy.cut('blackhole');
    const shownAtCut = consoles.map((c) => c.shown.length);
    const answers = await steadyStream(5, REPORTS, CUT_MS);
    expect(answers).toEqual(Array(REPORTS).fill(201));
    // Silence, noticed by the ping timeout only, at both ends: every console knew it was cut off
    // and showed nothing meanwhile; the server let go of every socket.
    expect(consoles.map((c) => c.state().status)).toEqual(Array(CONSOLES).fill('reconnecting'));
    expect(consoles.map((c) => c.shown.length)).toEqual(shownAtCut);
    expect(t.app.live.connectedCount()).toBe(0);

    const head = await headSeq();
    proxy.restore();
    // Reports keep coming while the consoles reconnect: live events race the catch-up.
    const [caughtUpMs, tail] = await Promise.all([allCaughtUp(head), steadyStream(5 + REPORTS, TAIL, 3000)]);
    expect(tail).toEqual(Array(TAIL).fill(201));
    await allCaughtUp(await headSeq());
    await settle(1000);
    await expectEveryConsoleComplete();
    expect(t.app.live.connectedCount()).toBe(CONSOLES);

    const received = consoles.reduce((n, c) => n + c.received, 0);
    const shown = consoles.reduce((n, c) => n + c.shown.length, 0);
    console.info(
      `offline consoles (blackhole): ${CONSOLES} consoles, ${head - beforeCut} events during a ${CUT_MS / 1000} s cut; ` +
        `all live and caught up ${caughtUpMs} ms after the restore; ${shown} shown, ${received - shown} duplicate deliveries dropped`,
    );
  });

  it('a refusing link: consoles notice at once, retry, and catch up', { timeout: 30_000 }, async () => {
    proxy.cut('refuse');
    await vi.waitFor(
      () => expect(consoles.map((c) => c.state().status)).toEqual(Array(CONSOLES).fill('reconnecting')),
      { timeout: 2000, interval: 20 },
    );
    expect(await steadyStream(5 + REPORTS + TAIL, 10, 1500)).toEqual(Array(10).fill(201));
    const head = await headSeq();
    proxy.restore();
    const caughtUpMs = await allCaughtUp(head);
    await settle(500);
    await expectEveryConsoleComplete();
    console.info(`offline consoles (refused): all live and caught up ${caughtUpMs} ms after the restore`);
  });
});
