/**
 * A farm of Socket.IO consoles in groups (one group per unit), in its own process (forked by
 * unit-farm.ts). Each pushed report carries a marker ("#n" at the end of its summary); once every
 * console of a group has it, the farm tells the parent which group had it when. A console that is
 * sent a report twice counts as a duplicate; the parent decides which groups should have had it.
 */
import { io, type Socket } from 'socket.io-client';
import type { UnitFarmReply, UnitFarmRequest } from './unit-farm';

const now = () => performance.timeOrigin + performance.now();
const reply = (message: UnitFarmReply) => process.send!(message);

interface Group {
  sockets: Socket[];
  /** Per marker: how many of the group's consoles have it so far. */
  seen: Map<number, number>;
}

const groups = new Map<string, Group>();
let received = 0;
let dropped = 0;
let duplicates = 0;

function markerOf(event: unknown): number | undefined {
  const e = event as { type?: string; payload?: { incident?: { summary?: string } } };
  if (e?.type !== 'incident.created') return undefined;
  const summary = e.payload?.incident?.summary;
  const m = summary ? /#(\d+)$/.exec(summary) : null;
  return m ? Number(m[1]) : undefined;
}

function open(request: Extract<UnitFarmRequest, { op: 'connect' }>, group: Group): Promise<Socket> {
  const socket = io(request.url, {
    path: '/socket.io',
    transports: ['websocket'],
    extraHeaders: request.headers,
    reconnection: false,
    forceNew: true,
    timeout: 20_000,
  });
  const mine = new Set<number>();
  // A console applies each event of a batch as if it came alone.
  socket.on('events', (events: unknown[]) => {
    for (const event of events) onEvent(event);
  });
  socket.on('event', (event) => onEvent(event));
  function onEvent(event: unknown) {
    received += 1;
    const marker = markerOf(event);
    if (marker === undefined) return;
    if (mine.has(marker)) {
      duplicates += 1;
      return;
    }
    mine.add(marker);
    const count = (group.seen.get(marker) ?? 0) + 1;
    if (count < group.sockets.length) {
      group.seen.set(marker, count);
      return;
    }
    group.seen.delete(marker);
    reply({ op: 'delivered', group: request.group, marker, at: now() });
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

async function connectGroup(request: Extract<UnitFarmRequest, { op: 'connect' }>): Promise<void> {
  const start = now();
  const group: Group = { sockets: [], seen: new Map() };
  try {
    for (let i = 0; i < request.count; i += request.batch) {
      const size = Math.min(request.batch, request.count - i);
      group.sockets.push(...(await Promise.all(Array.from({ length: size }, () => open(request, group)))));
    }
  } catch (err) {
    for (const s of group.sockets) s.disconnect();
    reply({ op: 'error', message: (err as Error).message });
    return;
  }
  groups.set(request.group, group);
  reply({ op: 'connected', group: request.group, count: group.sockets.length, ms: now() - start });
}

process.on('message', (request: UnitFarmRequest) => {
  if (request.op === 'connect') void connectGroup(request);
  else if (request.op === 'stats') reply({ op: 'stats', received, dropped, duplicates });
  else if (request.op === 'close') {
    for (const g of groups.values()) for (const s of g.sockets) s.disconnect();
    groups.clear();
    reply({ op: 'closed' });
  }
});
process.on('disconnect', () => process.exit(0));
