import type {
  AnyDutyEvent,
  ClientToServerEvents,
  Heartbeat,
  LiveAuth,
  ServerToClientEvents,
  SyncAck,
} from '@shared/events';
import { io, type Socket } from 'socket.io-client';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface Credentials {
  /** `duty_session=...` (a Session's `cookie`). */
  cookie?: string;
  /** An API token secret. */
  token?: string;
  lastSeq?: number;
  /** Sent as the Origin header when given. */
  origin?: string;
}

/**
 * A console as the real one behaves: it keeps every event it received (`received`, duplicates
 * included) and applies them idempotently by seq (`applied`, `lastSeq`), each once the one sent
 * before it (its `prevSeq`) is applied: seqs have holes, events of other audiences.
 */
export interface LiveConsole {
  socket: LiveSocket;
  received: AnyDutyEvent[];
  /** The prevSeq each of `received` came with. */
  prevSeqs: number[];
  applied: AnyDutyEvent[];
  heartbeats: Heartbeat[];
  lastSeq: number;
  /** Resolves once at least `count` events have been received in all. */
  receivedCount(count: number, timeoutMs?: number): Promise<AnyDutyEvent[]>;
  /** Resolves once the console has applied everything up to `seq`. */
  appliedUpTo(seq: number, timeoutMs?: number): Promise<void>;
  nextHeartbeat(predicate?: (beat: Heartbeat) => boolean, timeoutMs?: number): Promise<Heartbeat>;
  sync(after: number, timeoutMs?: number): Promise<SyncAck>;
  close(): void;
}

const open = new Set<LiveSocket>();

function socketFor(url: string, creds: Credentials): LiveSocket {
  const extraHeaders: Record<string, string> = {};
  if (creds.cookie) extraHeaders.cookie = creds.cookie;
  if (creds.origin) extraHeaders.origin = creds.origin;
  const auth: LiveAuth = {};
  if (creds.token !== undefined) auth.token = creds.token;
  if (creds.lastSeq !== undefined) auth.lastSeq = creds.lastSeq;
  const socket: LiveSocket = io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    extraHeaders,
    auth,
    reconnection: false,
    forceNew: true,
    timeout: 5000,
  });
  open.add(socket);
  return socket;
}

/** Re-runs `check` on every signal from `subscribe` until it returns a value (not undefined), or times out. */
function until<T>(
  what: string,
  timeoutMs: number,
  check: () => T | undefined,
  subscribe: (wake: () => void) => () => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let unsubscribe = () => {};
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const wake = () => {
      const value = check();
      if (value === undefined) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(value);
    };
    unsubscribe = subscribe(wake);
    wake();
  });
}

/** Connects a console; rejects with the connect_error when the server refuses it. */
export function connectConsole(url: string, creds: Credentials): Promise<LiveConsole> {
  const socket = socketFor(url, creds);
  const c: LiveConsole = {
    socket,
    received: [],
    prevSeqs: [],
    applied: [],
    heartbeats: [],
    lastSeq: creds.lastSeq ?? -1,
    receivedCount: (count, timeoutMs = 15_000) =>
      until(
        `${count} events (have ${c.received.length})`,
        timeoutMs,
        () => (c.received.length >= count ? c.received : undefined),
        onEvent,
      ),
    appliedUpTo: (seq, timeoutMs = 15_000) =>
      until(
        `seq ${seq} applied (at ${c.lastSeq})`,
        timeoutMs,
        () => (c.lastSeq >= seq ? true : undefined),
        onEvent,
      ).then(() => {}),
    nextHeartbeat: (predicate = () => true, timeoutMs = 10_000) => {
      const from = c.heartbeats.length;
      return until(
        'a heartbeat',
        timeoutMs,
        () => c.heartbeats.slice(from).find(predicate),
        (wake) => {
          socket.on('heartbeat', wake);
          return () => socket.off('heartbeat', wake);
        },
      );
    },
    sync: (after, timeoutMs = 10_000) => socket.timeout(timeoutMs).emitWithAck('sync', { after }),
    close: () => {
      socket.disconnect();
      open.delete(socket);
    },
  };
  const onEvent = (wake: () => void) => {
    socket.on('event', wake);
    socket.on('events', wake);
    return () => {
      socket.off('event', wake);
      socket.off('events', wake);
    };
  };
  const take = (event: AnyDutyEvent, prevSeq: number) => {
    c.received.push(event);
    c.prevSeqs.push(prevSeq);
    // Without a lastSeq the console takes the first event as its starting point.
    if (c.lastSeq < 0) c.lastSeq = prevSeq;
    if (event.seq <= c.lastSeq || prevSeq > c.lastSeq) return;
    c.applied.push(event);
    c.lastSeq = event.seq;
  };
  socket.on('event', take);
  // Several in one message (a group commit, a catch-up page): each after the one before it.
  socket.on('events', (events, prevSeq) => {
    let before = prevSeq;
    for (const event of events) {
      take(event, before);
      before = event.seq;
    }
  });
  socket.on('heartbeat', (beat) => c.heartbeats.push(beat));
  return new Promise((resolve, reject) => {
    socket.once('connect', () => {
      socket.off('connect_error');
      resolve(c);
    });
    socket.once('connect_error', (err) => {
      c.close();
      reject(err);
    });
  });
}

/**
 * Attempts a connection that must be refused; resolves with the server's refusal: the message its
 * handshake gave (`unauthorized`), or for an upgrade the server answered with an HTTP error
 * `websocket error: Unexpected server response: <status>`. Rejects when the connection was accepted,
 * and when it was not refused at all: a timeout, or a server that could not be reached.
 */
export async function refusal(url: string, creds: Credentials): Promise<string> {
  let c: LiveConsole;
  try {
    c = await connectConsole(url, creds);
  } catch (err) {
    const e = err as Error & { type?: string; description?: { message?: string } };
    if (e.message === 'timeout') throw new Error('no answer from the server in time: not a refusal');
    if (e.type !== 'TransportError') return e.message;
    const answer = e.description?.message ?? '';
    if (!/^Unexpected server response: \d{3}$/.test(answer))
      throw new Error(`the connection failed without an answer (${answer || 'no reason'}): not a refusal`);
    return `${e.message}: ${answer}`;
  }
  c.close();
  throw new Error('the connection was accepted');
}

/** Resolves with the disconnect reason (immediately if already disconnected). */
export function disconnected(socket: LiveSocket, timeoutMs = 10_000): Promise<string> {
  if (!socket.connected) return Promise.resolve('already disconnected');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still connected after ${timeoutMs} ms`)), timeoutMs);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

/** Closes every socket this helper opened (call in afterEach). */
export function closeAllConsoles(): void {
  for (const socket of open) socket.disconnect();
  open.clear();
}

/** Resolves after `ms`: for giving the server a chance to (wrongly) send something more. */
export const settle = (ms = 600) => new Promise((resolve) => setTimeout(resolve, ms));

/** `count` consecutive integers from `from`: the seqs a run of events must carry. */
export function range(from: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => from + i);
}
