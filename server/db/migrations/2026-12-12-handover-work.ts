import { type Kysely, sql } from 'kysely';

/**
 * The handover draft reads a shift's reports sent and leader instructions given from their own
 * rows (the few columns its lines use), by time, in the order they were written: these indexes
 * hold them in that order, so a shift's rows are read as they stand instead of a year's being
 * walked and sorted.
 */
// Frozen in time: never edit after it has shipped; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index incident_reports_sent_idx on incident_reports (sent_at, id)`.execute(db);
  await sql`create index incident_actions_type_at_idx on incident_actions (type, at, id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('incident_actions_type_at_idx').execute();
  await db.schema.dropIndex('incident_reports_sent_idx').execute();
}
