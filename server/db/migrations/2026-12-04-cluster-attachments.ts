import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../schema-helpers';

/**
 * PostgreSQL only: where @socket.io/postgres-adapter parks messages between nodes that exceed
 * NOTIFY's 8000 bytes (its default table name and layout; server/live/cluster.ts). Made here, so
 * nodes starting at once meet at the migration lock instead of racing to create it.
 */
// Frozen in time: never edit after it has shipped; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`create table if not exists socket_io_attachments (
    id bigserial unique,
    created_at timestamptz default now(),
    payload bytea
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await sql`drop table if exists socket_io_attachments`.execute(db);
}
