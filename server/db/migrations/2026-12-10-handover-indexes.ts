import { type Kysely, sql } from 'kysely';

/**
 * The open incidents (the handover draft, the board's open list): a partial index holds only the
 * incidents not closed, by receipt, so listing them reads those rows alone instead of scanning a
 * year of closed ones. A query uses it when it says `stage <> 'closed'` literally (SQLite matches a
 * partial index's condition by its text, not by a bound parameter).
 */
// Frozen in time: never edit after it has shipped; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index incidents_open_idx on incidents (received_at) where stage <> 'closed'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('incidents_open_idx').execute();
}
