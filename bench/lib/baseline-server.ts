/**
 * The bare stack the network benches measure Duty Console against: one Fastify 5 route that
 * validates the intake body with the same schema, inserts one row through Kysely into
 * better-sqlite3 with the same durability settings as server/db/connect.ts, and emits the row to
 * every Socket.IO client. No auth, no idempotency, no event log: what the stack alone costs.
 */
import { IncidentIntake } from '@shared/schemas/incidents';
import SQLite from 'better-sqlite3';
import Fastify, { type FastifyInstance } from 'fastify';
import { type Generated, Kysely, SqliteDialect, sql } from 'kysely';
import { Server } from 'socket.io';

interface ReportsTable {
  id: Generated<number>;
  category: string;
  occurred_at: string;
  address: string;
  caller: string;
  summary: string;
  casualties: string;
  source: string;
  received_at: string;
}

export interface Baseline {
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function buildBaseline(dbPath: string): Promise<Baseline> {
  const sqlite = new SQLite(dbPath);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<{ reports: ReportsTable }>({ dialect: new SqliteDialect({ database: sqlite }) });
  await sql`create table if not exists reports (
    id integer primary key autoincrement, category text not null, occurred_at text not null,
    address text not null, caller text not null, summary text not null, casualties text not null,
    source text not null, received_at text not null)`.execute(db);

  const app = Fastify({ bodyLimit: 1024 * 1024 });
  const io = new Server(app.server, { path: '/socket.io', serveClient: false });

  app.post('/api/reports', { schema: { body: IncidentIntake } }, async (req, reply) => {
    const body = req.body as IncidentIntake;
    const row = await db
      .insertInto('reports')
      .values({
        category: body.category,
        occurred_at: new Date(body.occurredAt).toISOString(),
        address: body.location.address,
        caller: JSON.stringify(body.caller),
        summary: body.summary,
        casualties: JSON.stringify(body.casualties ?? {}),
        source: body.source,
        received_at: new Date().toISOString(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    io.emit('event', { type: 'report.created', row });
    return reply.status(201).send(row);
  });

  return {
    app,
    close: async () => {
      io.disconnectSockets(true);
      io.engine.close();
      await app.close();
      await db.destroy();
    },
  };
}
