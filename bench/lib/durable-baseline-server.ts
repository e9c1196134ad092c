/**
 * The bare stack doing a report's durable work: what the push target of issue 18 compares against
 * when the comparison is of the same work. One Fastify 5 route, Kysely over better-sqlite3 with the
 * durability of server/db/connect.ts, Socket.IO emitting the row to every client, as in
 * baseline-server.ts; and, as Duty Console does for a report, the API token read by its hash, then in
 * one transaction the idempotency key claimed, the row, two deadline rows, a hash-chained event, and
 * the key completed with the answer. The tables carry the indexes of ours (18 b-trees written a
 * report). None of the rest: no sessions, access rules, grading, deadline policies, per-console
 * delivery or group commit.
 */
import { createHash } from 'node:crypto';
import { IncidentIntake } from '@shared/schemas/incidents';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import { type Generated, Kysely, SqliteDialect, sql } from 'kysely';
import { Server } from 'socket.io';
import type { Baseline } from './baseline-server';

interface Tables {
  tokens: { id: Generated<number>; hash: string; revoked_at: string | null };
  keys: { key: string; request_hash: string; status: string; answer: string | null; created_at: string };
  reports: {
    id: Generated<number>;
    category: string;
    occurred_at: string;
    received_at: string;
    address: string;
    caller: string;
    summary: string;
    casualties: string;
    source: string;
    stage: string;
    next_due_at: string;
    unit_path: string;
  };
  deadlines: { report_id: number; key: string; due_at: string; done_at: string | null; late: number };
  events: {
    seq: Generated<number>;
    at: string;
    type: string;
    subject: string;
    payload: string;
    prev_hash: string;
    hash: string;
    unit_path: string;
  };
}

const SCHEMA = [
  'create table tokens (id integer primary key, hash text not null unique, revoked_at text)',
  `create table keys (key text primary key, request_hash text not null, status text not null,
    answer text, created_at text not null)`,
  `create table reports (id integer primary key autoincrement, category text not null,
    occurred_at text not null, received_at text not null, address text not null, caller text not null,
    summary text not null, casualties text not null, source text not null, stage text not null,
    next_due_at text not null, unit_path text not null)`,
  'create index reports_received on reports (received_at)',
  'create index reports_stage on reports (stage, next_due_at)',
  'create index reports_stats on reports (received_at, category, source, stage, id)',
  'create index reports_unit on reports (unit_path)',
  "create index reports_open on reports (received_at) where stage <> 'closed'",
  `create table deadlines (report_id integer not null references reports (id), key text not null,
    due_at text not null, done_at text, late integer not null, primary key (report_id, key))`,
  'create index deadlines_due on deadlines (due_at)',
  'create index deadlines_stats on deadlines (report_id, key, late, done_at, due_at)',
  'create index deadlines_kind_due on deadlines (key, due_at, late, done_at, report_id)',
  `create table events (seq integer primary key, at text not null, type text not null,
    subject text not null, payload text not null, prev_hash text not null, hash text not null,
    unit_path text not null)`,
  'create index events_subject on events (subject, seq)',
  'create index events_type on events (type, seq)',
  'create index events_type_at on events (type, at)',
  'create index events_unit on events (unit_path, seq)',
];

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const plusHours = (at: Date, hours: number) => new Date(at.getTime() + hours * 3_600_000).toISOString();

/** `tokenSecret`: the one API token it accepts (the bench sends it). */
export async function buildDurableBaseline(dbPath: string, tokenSecret: string): Promise<Baseline> {
  const sqlite = new SQLite(dbPath);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
  for (const statement of SCHEMA) await sql.raw(statement).execute(db);
  await db
    .insertInto('tokens')
    .values({ hash: sha256(tokenSecret), revoked_at: null })
    .execute();

  const app = Fastify({ bodyLimit: 1024 * 1024 });
  const io = new Server(app.server, { path: '/socket.io', serveClient: false });

  app.post('/api/reports', { schema: { body: IncidentIntake } }, async (req, reply) => {
    const secret = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const token = await db
      .selectFrom('tokens')
      .select('id')
      .where('hash', '=', sha256(secret))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!token) return reply.status(401).send({ error: 'unknown token' });
    const key = String(req.headers['idempotency-key'] ?? '');
    const body = req.body as IncidentIntake;
    const received = new Date();
    const { row, seq } = await db.transaction().execute(async (trx) => {
      const at = received.toISOString();
      await trx
        .insertInto('keys')
        .values({
          key,
          request_hash: sha256(JSON.stringify(body)),
          status: 'pending',
          answer: null,
          created_at: at,
        })
        .execute();
      const row = await trx
        .insertInto('reports')
        .values({
          category: body.category,
          occurred_at: new Date(body.occurredAt).toISOString(),
          received_at: at,
          address: body.location.address,
          caller: JSON.stringify(body.caller),
          summary: body.summary,
          casualties: JSON.stringify(body.casualties ?? {}),
          source: body.source,
          stage: 'received',
          next_due_at: plusHours(received, 2),
          unit_path: '/1/',
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('deadlines')
        .values([
          { report_id: row.id, key: 'phone', due_at: plusHours(received, 1), done_at: null, late: 0 },
          { report_id: row.id, key: 'written', due_at: plusHours(received, 2), done_at: null, late: 0 },
        ])
        .execute();
      const head = await trx
        .selectFrom('events')
        .select('hash')
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      const prevHash = head?.hash ?? '';
      const payload = JSON.stringify({ report: row });
      const { seq } = await trx
        .insertInto('events')
        .values({
          at,
          type: 'report.created',
          subject: `report:${row.id}`,
          payload,
          prev_hash: prevHash,
          hash: sha256(prevHash + payload),
          unit_path: '/1/',
        })
        .returning('seq')
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('keys')
        .set({ status: 'done', answer: JSON.stringify(row) })
        .where('key', '=', key)
        .execute();
      return { row, seq };
    });
    io.emit('event', { seq, type: 'report.created', row });
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
