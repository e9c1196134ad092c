import type { AnyDutyEvent } from '@shared/events';
import { createAdapter } from '@socket.io/postgres-adapter';
import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import type { Server } from 'socket.io';

/** What the nodes of one console service say to each other (Socket.IO server-side events). */
export interface ServerToServerEvents {
  'duty:event': (event: AnyDutyEvent) => void;
}

export interface Cluster {
  /** Hands a committed event to the other nodes; each offers it to its own consoles. */
  share(event: AnyDutyEvent): void;
  close(): Promise<void>;
}

/** Where the adapter parks messages over NOTIFY's 8000 bytes (migration 2026-12-04 creates it). */
const ATTACHMENTS_TABLE = 'socket_io_attachments';
const READY_TIMEOUT_MS = 10_000;

// biome-ignore lint/suspicious/noExplicitAny: the server's client-side event maps do not matter here
type AnyServer = Server<any, any, ServerToServerEvents, any>;

/**
 * Joins the nodes on one PostgreSQL through @socket.io/postgres-adapter (LISTEN/NOTIFY). It only
 * carries events from node to node: each node still delivers to its own consoles in seq order,
 * filling any gap from the log, so a lost notification costs latency (the heartbeat fills it),
 * never an event.
 */
export async function joinCluster(
  io: AnyServer,
  databaseUrl: string,
  log: FastifyBaseLogger,
  onRemoteEvent: (event: AnyDutyEvent) => void,
): Promise<Cluster> {
  // Its own small pool: one connection stays in LISTEN, one sends. One sender keeps NOTIFYs in order.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on('error', (err) => log.warn({ err }, 'cluster connection lost'));
  replaceDroppedListener(pool, log);
  io.adapter(
    createAdapter(pool, {
      tableName: ATTACHMENTS_TABLE,
      errorHandler: (err) => log.warn({ err }, 'cluster message failed'),
    }),
  );
  try {
    await listening(io);
  } catch (err) {
    io.of('/').adapter.close();
    await pool.end();
    throw err;
  }
  io.on('duty:event', (event) => onRemoteEvent(event));
  return {
    share: (event) => {
      io.serverSideEmit('duty:event', event);
    },
    close: async () => {
      io.of('/').adapter.close();
      await pool.end();
    },
  };
}

/**
 * When PostgreSQL drops the adapter's LISTEN connection (a restart, a failover), the adapter (0.5.0)
 * neither listens for the connection's 'error' (unhandled, it ends the process) nor gives the
 * connection back (the pool stays one short, so nothing more is sent). Both are done here; the
 * adapter then opens a new LISTEN connection by itself.
 */
function replaceDroppedListener(pool: pg.Pool, log: FastifyBaseLogger): void {
  const checkedOut = new Set<pg.PoolClient>();
  pool.on('acquire', (client) => checkedOut.add(client));
  pool.on('release', (_err, client) => checkedOut.delete(client));
  pool.on('connect', (client) => {
    client.on('error', (err) => {
      if (!checkedOut.has(client)) return; // idle: the pool's own listener removes it
      log.warn({ err }, 'cluster LISTEN connection lost; reconnecting');
      client.release(err);
    });
  });
}

/**
 * Resolves once the adapter's LISTEN connection is up, so events shared right after start reach
 * this node, and close() always finds (and releases) that connection. Reads the adapter's private
 * state: the package version is pinned.
 */
async function listening(io: AnyServer): Promise<void> {
  const adapter = io.of('/').adapter as unknown as { client?: { client?: unknown } };
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!adapter.client?.client) {
    if (Date.now() > deadline) throw new Error('cluster: LISTEN connection not up in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
