import type { Kysely } from 'kysely';

/**
 * The handover draft reads one shift's reports and instructions from the event log by type and
 * time: without this index it walks every such event in the bureau's history.
 */
// Frozen in time: never edit after it has shipped; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('events_type_at_idx').on('events').columns(['type', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('events_type_at_idx').execute();
}
