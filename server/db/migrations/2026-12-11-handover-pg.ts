import { type Kysely, sql } from 'kysely';

/**
 * The handover draft reads a shift's duty log in time order, entries of one instant newest first
 * (at, then id descending). By receipt time alone (logbook_at_idx) both databases sort every entry
 * of the shift again by id: PostgreSQL sorted all 5,000 of a busy shift (a third of the read), SQLite
 * built a temporary b-tree. In this index's order they are read as they stand.
 */
// Frozen in time: never edit after it has shipped; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index logbook_at_id_idx on logbook_entries (at, id desc)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('logbook_at_id_idx').execute();
}
