import type {
  AnyDutyEvent,
  ClientToServerEvents,
  Heartbeat,
  LiveAuth,
  ServerToClientEvents,
  SyncAck,
} from '@shared/events';
import { io, type Socket } from 'socket.io-client';

export type LiveStatus = 'live' | 'reconnecting' | 'out_of_sync' | 'offline';

export interface LiveState {
  status: LiveStatus;
  /** Highest seq applied; null until the first event or heartbeat gives a baseline. */
  lastSeq: number | null;
  /** Server time (`at`) of the last applied event. */
  lastEventAt: string | null;
}

export interface LiveCallbacks {
  /** The server closed the socket on purpose: user disabled, signed out elsewhere. */
  onServerDisconnect: () => void;
  /** The handshake was refused (session or origin); the app decides whether the session is over. */
  onRefused: (message: string) => void;
}

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type EventListener = (event: AnyDutyEvent) => void;

const SYNC_TIMEOUT_MS = 10_000;
const REFUSED_RETRY_MS = 10_000;

let socket: LiveSocket | null = null;
let callbacks: LiveCallbacks | null = null;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let state: LiveState = { status: 'offline', lastSeq: null, lastEventAt: null };
let behind = false;
let syncing = false;
const stateListeners = new Set<() => void>();
const eventListeners = new Set<EventListener>();

function publishState(patch: Partial<LiveState>): void {
  const connected = socket?.connected ?? false;
  const next: LiveState = { ...state, ...patch };
  if (!connected) next.status = socket?.active ? 'reconnecting' : 'offline';
  else next.status = behind || syncing ? 'out_of_sync' : 'live';
  if (
    next.status === state.status &&
    next.lastSeq === state.lastSeq &&
    next.lastEventAt === state.lastEventAt
  ) {
    return;
  }
  state = next;
  for (const listener of stateListeners) listener();
}

function requestSync(): void {
  behind = true;
  if (!socket?.connected || syncing || state.lastSeq === null) {
    publishState({});
    return;
  }
  syncing = true;
  publishState({});
  const after = state.lastSeq;
  socket.timeout(SYNC_TIMEOUT_MS).emit('sync', { after }, (err: Error | null, ack: SyncAck) => {
    syncing = false;
    const applied = state.lastSeq ?? after;
    if (!err && ack.ok && applied >= ack.headSeq) behind = false;
    // A server that replays in pages answers before it is done; go on while it makes progress.
    if (behind && !err && applied > after) requestSync();
    else publishState({});
  });
}

function handleEvent(event: AnyDutyEvent, prevSeq: number): void {
  const last = state.lastSeq;
  if (last !== null && event.seq <= last) return;
  // Seqs have holes (events this console may not read); a missed one of its own shows in prevSeq.
  if (last !== null && prevSeq > last) {
    // Not applied: the sync replays it in order together with the ones we missed.
    requestSync();
    return;
  }
  publishState({ lastSeq: event.seq, lastEventAt: event.at });
  for (const listener of eventListeners) {
    try {
      listener(event);
    } catch (error) {
      console.error('live event listener failed', event.type, error);
    }
  }
}

/** Several in one message: each after the one before it. */
function handleEvents(events: AnyDutyEvent[], prevSeq: number): void {
  let before = prevSeq;
  for (const event of events) {
    handleEvent(event, before);
    before = event.seq;
  }
}

function handleHeartbeat(beat: Heartbeat): void {
  if (state.lastSeq === null) {
    // The console loaded its data over REST just now; the head is where live updates begin.
    publishState({ lastSeq: beat.headSeq });
    return;
  }
  if (beat.headSeq > state.lastSeq) requestSync();
}

export function connectLive(next: LiveCallbacks): void {
  callbacks = next;
  if (socket) return;
  const created: LiveSocket = io({
    transports: ['websocket'],
    auth: (cb) => cb((state.lastSeq === null ? {} : { lastSeq: state.lastSeq }) satisfies LiveAuth),
  });
  socket = created;
  created.on('connect', () => {
    behind = false;
    syncing = false;
    publishState({});
  });
  created.on('disconnect', (reason) => {
    syncing = false;
    publishState({});
    if (reason === 'io server disconnect') callbacks?.onServerDisconnect();
  });
  created.on('connect_error', (error) => {
    publishState({});
    if (created.active) return;
    callbacks?.onRefused(error.message);
    retryTimer ??= setTimeout(() => {
      retryTimer = null;
      if (socket === created && !created.connected) created.connect();
    }, REFUSED_RETRY_MS);
  });
  created.on('event', handleEvent);
  created.on('events', handleEvents);
  created.on('heartbeat', handleHeartbeat);
  publishState({});
}

/** Client-initiated close (sign-out); the next session starts from a fresh baseline. */
export function disconnectLive(): void {
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  const closing = socket;
  socket = null;
  callbacks = null;
  closing?.removeAllListeners();
  closing?.disconnect();
  behind = false;
  syncing = false;
  state = { status: 'offline', lastSeq: null, lastEventAt: null };
  for (const listener of stateListeners) listener();
}

export function getLiveState(): LiveState {
  return state;
}

export function subscribeLiveState(listener: () => void): () => void {
  stateListeners.add(listener);
  return () => stateListeners.delete(listener);
}

/** Events in seq order, each once. Listeners run synchronously; keep them cheap. */
export function subscribeLiveEvents(listener: EventListener): () => void {
  eventListeners.add(listener);
  return () => eventListeners.delete(listener);
}
