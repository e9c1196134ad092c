/**
 * A farm of Socket.IO consoles in its own process (forked by consoles.ts), so receiving pushes does
 * not share an event loop with the HTTP load generator. Each pushed report carries a marker
 * ("#n" at the end of its summary); once every console has it, the farm tells the parent when.
 */
import { io, type Socket } from 'socket.io-client';
import type { FarmReply, FarmRequest } from './consoles';

const now = () => performance.timeOrigin + performance.now();
const reply = (message: FarmReply) => process.send!(message);

let sockets: Socket[] = [];
/** Per marker: how many consoles have it so far. */
const seen = new Map<number, number>();
let received = 0;
let dropped = 0;

function markerOf(event: unknown): number | undefined {
  const e = event as { payload?: { incident?: { summary?: string } }; row?: { summary?: string } };
  const summary = e?.payload?.incident?.summary ?? e?.row?.summary;
  const m = summary ? /#(\d+)$/.exec(summary) : null;
  return m ? Number(m[1]) : undefined;
}

function open(request: Extract<FarmRequest, { op: 'connect' }>): Promise<Socket> {
  const socket = io(request.url, {
    path: '/socket.io',
    transports: ['websocket'],
    extraHeaders: request.headers,
    auth: request.auth,
    reconnection: false,
    forceNew: true,
    timeout: 20_000,
  });
  // A console applies each event of a batch as if it came alone.
  socket.on('events', (events: unknown[]) => {
    for (const event of events) onEvent(event);
  });
  socket.on('event', (event) => onEvent(event));
  function onEvent(event: unknown) {
    received += 1;
    const marker = markerOf(event);
    if (marker === undefined) return;
    const count = (seen.get(marker) ?? 0) + 1;
    if (count < sockets.length) {
      seen.set(marker, count);
      return;
    }
    seen.delete(marker);
    reply({ op: 'delivered', marker, at: now() });
  }
  socket.on('disconnect', (reason) => {
    if (reason !== 'io client disconnect') dropped += 1;
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.disconnect();
      reject(err);
    });
  });
}

async function connectAll(request: Extract<FarmRequest, { op: 'connect' }>): Promise<void> {
  const start = now();
  const opened: Socket[] = [];
  try {
    for (let i = 0; i < request.count; i += request.batch) {
      const size = Math.min(request.batch, request.count - i);
      opened.push(...(await Promise.all(Array.from({ length: size }, () => open(request)))));
    }
  } catch (err) {
    for (const s of opened) s.disconnect();
    reply({ op: 'error', message: (err as Error).message });
    return;
  }
  sockets = opened;
  reply({ op: 'connected', count: sockets.length, ms: now() - start });
}

process.on('message', (request: FarmRequest) => {
  if (request.op === 'connect') void connectAll(request);
  else if (request.op === 'stats') reply({ op: 'stats', received, dropped, pending: seen.size });
  else if (request.op === 'close') {
    for (const s of sockets) s.disconnect();
    sockets = [];
    seen.clear();
    reply({ op: 'closed' });
  }
});
process.on('disconnect', () => process.exit(0));
