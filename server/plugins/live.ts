import type { IncomingMessage } from 'node:http';
import type {
  AnyDutyEvent,
  ClientToServerEvents,
  LiveAuth,
  ServerToClientEvents,
  SyncAck,
  SyncRequest,
} from '@shared/events';
import { SESSION_COOKIE } from '@shared/schemas/auth';
import { parse as parseCookie } from 'cookie';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Server, type Socket } from 'socket.io';
import { eventsAfter, headSeq } from '../events/read';
import { joinCluster, type ServerToServerEvents } from '../live/cluster';
import { backfill, claimNext, type Feed, rewind } from '../live/delivery';
import { newReader, type Reader, reads } from '../live/read-rules';
import { liveSessionIds, resolveSession } from '../modules/auth/service';
import { isTokenLive, resolveToken } from '../modules/tokens/service';
import { sessionPolicy } from './auth';
import { originCheck } from './origin';

interface SocketData {
  who: { kind: 'user'; userId: number; sessionId: string } | { kind: 'token'; tokenId: number };
  feed: Feed;
  /** Who reads, as the read rules see them (server/live/read-rules.ts). */
  reader: Reader;
}

type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, ServerToServerEvents, SocketData>;

export interface Live {
  /** Called after a commit with the events it appended, in seq order (a group commit's: all of them). */
  publish(events: AnyDutyEvent[]): void;
  disconnectUser(userId: number): void;
  disconnectSession(sessionId: string): void;
  connectedCount(): number;
}

declare module 'fastify' {
  interface FastifyInstance {
    live: Live;
  }
}

/**
 * A console's feed (server/live/delivery.ts): its methods live on the prototype, so a console costs
 * its cursors and a reference to its socket, not two closures and their context.
 */
class SocketFeed implements Feed {
  cursor: number;
  sentSeq: number;
  syncing = false;
  wakeAgain = false;
  running?: Promise<void>;
  constructor(
    private readonly socket: LiveSocket,
    start: number,
  ) {
    this.cursor = start;
    this.sentSeq = start;
  }
  mayRead(event: AnyDutyEvent): boolean {
    return reads(this.socket.data.reader, event);
  }
  send(events: AnyDutyEvent[], prevSeq: number): void {
    if (events.length === 1) this.socket.emit('event', events[0]!, prevSeq);
    else this.socket.emit('events', events, prevSeq);
  }
}

/**
 * Once the handshake is read (session cookie, Origin, auth), the HTTP upgrade request is of no more
 * use, yet it stays reachable for the connection's life: engine.io keeps it (`conn.request`, and its
 * WebSocketResponse's close listener on the TCP socket holds it too), Socket.IO its headers
 * (`handshake.headers`). Its headers (parsed and raw: the cookie, the user agent …) and query are
 * let go; nothing reads them later, and a WebSocket-only connection never upgrades.
 */
function forgetHandshakeRequest(socket: LiveSocket): void {
  const conn = socket.conn as unknown as { request: IncomingMessage | null };
  const request = conn.request;
  conn.request = null;
  socket.handshake.headers = {};
  socket.handshake.query = {};
  if (request) {
    request.headers = {};
    request.rawHeaders = [];
    (request as { _query?: unknown })._query = undefined;
  }
}

export const livePlugin = fp(
  async (app: FastifyInstance) => {
    const allowedOrigin = originCheck(app);
    const io = new Server<ClientToServerEvents, ServerToClientEvents, ServerToServerEvents, SocketData>(
      app.server,
      {
        path: '/socket.io',
        serveClient: false,
        pingInterval: app.config.livePingIntervalMs,
        pingTimeout: app.config.livePingTimeoutMs,
        allowRequest: (req, callback) => {
          const ok = allowedOrigin(req.headers.origin);
          callback(ok ? null : 'origin not allowed', ok);
        },
      },
    );
    const readAfter = (after: number, limit: number) => eventsAfter(app.db, after, limit);
    const sockets = () => io.of('/').sockets as Map<string, LiveSocket>;
    const drop = (socket: LiveSocket) => socket.disconnect(true);
    const fillGap = (socket: LiveSocket) =>
      backfill(socket.data.feed, readAfter).catch((err) => app.log.error({ err }, 'live backfill failed'));
    const offerOneToAll = (event: AnyDutyEvent) => {
      // Consoles sent the same bytes, by the seq each was sent before this one: in practice one group
      // per audience, none for those that may not read it. (The common case, kept free of the batch's
      // per-console bookkeeping: a thousand consoles ask it for every report.)
      const ready = new Map<number, string[]>();
      for (const socket of sockets().values()) {
        const claim = claimNext(socket.data.feed, event);
        if (typeof claim === 'number') {
          const group = ready.get(claim);
          if (group) group.push(socket.id);
          else ready.set(claim, [socket.id]);
        } else if (claim === 'later' && event.seq > socket.data.feed.cursor) void fillGap(socket);
      }
      for (const [prevSeq, ids] of ready) io.local.to(ids).emit('event', event, prevSeq);
    };
    const offerToAll = (events: AnyDutyEvent[]) => {
      if (events.length === 1) return offerOneToAll(events[0]!);
      // Each console is sent its share of these events in one message, by the seq it was sent before
      // them. Consoles of one audience have seen the same events, so they share the message: it is
      // encoded once per group of consoles, not once each, and those that may read none get nothing.
      const ready = new Map<string, { events: AnyDutyEvent[]; prevSeq: number; ids: string[] }>();
      for (const socket of sockets().values()) {
        const feed = socket.data.feed;
        const prevSeq = feed.sentSeq;
        const claimed: AnyDutyEvent[] = [];
        for (const event of events) {
          const claim = claimNext(feed, event);
          if (typeof claim === 'number') claimed.push(event);
          else if (claim === 'later' && event.seq > feed.cursor) {
            // Out of turn (a catch-up under way, or one missed): the log fills the gap, these included.
            void fillGap(socket);
            break;
          }
        }
        if (claimed.length === 0) continue;
        const key = `${prevSeq}:${claimed.map((e) => e.seq).join(',')}`;
        const group = ready.get(key);
        if (group) group.ids.push(socket.id);
        else ready.set(key, { events: claimed, prevSeq, ids: [socket.id] });
      }
      // `local`: other nodes send their own.
      for (const { events: share, prevSeq, ids } of ready.values()) {
        if (share.length === 1) io.local.to(ids).emit('event', share[0]!, prevSeq);
        else io.local.to(ids).emit('events', share, prevSeq);
      }
    };
    // Several nodes on one PostgreSQL: events committed on the others arrive here too (see cluster.ts).
    const cluster =
      app.config.dbKind === 'postgres'
        ? await joinCluster(io, app.config.databaseUrl, app.log, offerOneToAll)
        : undefined;

    io.use(async (socket, next) => {
      try {
        const auth = (socket.handshake.auth ?? {}) as LiveAuth;
        // Read before the rights: a change to them committed meanwhile is followed from the log.
        const head = await headSeq(app.db);
        if (typeof auth.token === 'string') {
          const token = await resolveToken(app.db, app.clock, auth.token, app.knownTokens);
          if (!token) return next(new Error('unauthorized'));
          socket.data.who = { kind: 'token', tokenId: token.id };
          socket.data.reader = newReader(
            { kind: 'token', tokenId: token.id, unitId: token.unitId, unitPath: token.unitPath },
            head,
          );
        } else {
          const cookie = parseCookie(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE];
          const session = cookie
            ? await resolveSession(app.db, app.clock, cookie, sessionPolicy(app))
            : undefined;
          if (!session) return next(new Error('unauthorized'));
          socket.data.who = { kind: 'user', userId: session.user.id, sessionId: session.id };
          socket.data.reader = newReader(
            {
              kind: 'user',
              userId: session.user.id,
              roles: session.user.roles,
              unitId: session.user.unitId,
              unitPath: session.user.unitPath,
            },
            head,
          );
        }
        const lastSeq =
          Number.isSafeInteger(auth.lastSeq) && (auth.lastSeq as number) >= 0
            ? (auth.lastSeq as number)
            : undefined;
        // A console from a restored (shorter) log must not skip what it never saw: never past the head.
        const start = Math.min(lastSeq ?? head, head);
        socket.data.feed = new SocketFeed(socket, start);
        next();
      } catch (err) {
        app.log.error({ err }, 'socket handshake failed');
        next(new Error('unavailable'));
      }
    });

    // One handler for every console (Socket.IO calls it with the socket as `this`): no closure each.
    function onSync(
      this: LiveSocket,
      request: SyncRequest | undefined,
      ack: ((reply: SyncAck) => void) | undefined,
    ) {
      const feed = this.data.feed;
      const after = request?.after;
      if (typeof after !== 'number' || !Number.isSafeInteger(after) || after < 0) {
        if (typeof ack === 'function') ack({ ok: false, headSeq: feed.sentSeq });
        return;
      }
      rewind(feed, after);
      void fillGap(this).then(() => {
        if (typeof ack === 'function') ack({ ok: true, headSeq: feed.sentSeq });
      });
    }

    io.on('connection', (socket: LiveSocket) => {
      forgetHandshakeRequest(socket);
      // After the catch-up, a heartbeat tells the console where it stands (also when nothing was missed):
      // the last event of its audience, not the log's head.
      void fillGap(socket).then(() =>
        socket.emit('heartbeat', { headSeq: socket.data.feed.sentSeq, at: app.clock.now().toISOString() }),
      );
      socket.on('sync', onSync);
    });

    // The heartbeat carries the head seq of each console's audience (the last event it was sent once
    // it has passed the log's head), fills any gap (events committed on another node), and drops
    // sockets whose session ended or whose token was revoked.
    const beat = async () => {
      const all = [...sockets().values()];
      if (all.length === 0) return;
      const head = await headSeq(app.db);
      const sessionIds = new Set(
        all.flatMap((s) => (s.data.who?.kind === 'user' ? [s.data.who.sessionId] : [])),
      );
      const live = await liveSessionIds(app.db, app.clock, [...sessionIds], sessionPolicy(app));
      const tokenOk = new Map<number, boolean>();
      const at = app.clock.now().toISOString();
      const upToDate = new Map<number, string[]>();
      for (const socket of all) {
        const who = socket.data.who;
        if (who.kind === 'user' && !live.has(who.sessionId)) {
          drop(socket);
          continue;
        }
        if (who.kind === 'token') {
          if (!tokenOk.has(who.tokenId)) tokenOk.set(who.tokenId, await isTokenLive(app.db, who.tokenId));
          if (!tokenOk.get(who.tokenId)) {
            drop(socket);
            continue;
          }
        }
        const feed = socket.data.feed;
        if (feed.cursor < head) {
          // Where it stands is known once the gap is filled: this (rare) console beats on its own.
          void fillGap(socket).then(() => socket.emit('heartbeat', { headSeq: feed.sentSeq, at }));
          continue;
        }
        const group = upToDate.get(feed.sentSeq);
        if (group) group.push(socket.id);
        else upToDate.set(feed.sentSeq, [socket.id]);
      }
      // One broadcast per audience head: the beat is encoded once per group of consoles, not once each.
      for (const [headOfAudience, ids] of upToDate)
        io.local.to(ids).emit('heartbeat', { headSeq: headOfAudience, at });
    };
    let beating = false;
    const timer = setInterval(() => {
      if (beating) return;
      beating = true;
      beat()
        .catch((err) => app.log.error({ err }, 'live heartbeat failed'))
        .finally(() => {
          beating = false;
        });
    }, app.config.heartbeatMs);
    timer.unref();

    app.decorate('live', {
      publish: (events: AnyDutyEvent[]) => {
        if (events.length === 0) return;
        offerToAll(events);
        for (const event of events) cluster?.share(event);
      },
      disconnectUser: (userId: number) => {
        for (const s of sockets().values())
          if (s.data.who.kind === 'user' && s.data.who.userId === userId) drop(s);
      },
      disconnectSession: (sessionId: string) => {
        for (const s of sockets().values())
          if (s.data.who.kind === 'user' && s.data.who.sessionId === sessionId) drop(s);
      },
      connectedCount: () => sockets().size,
    } satisfies Live);

    app.addHook('preClose', async () => {
      clearInterval(timer);
      io.disconnectSockets(true);
      io.engine.close();
      await cluster?.close();
    });
  },
  { name: 'duty-live', dependencies: ['duty-db'] },
);
