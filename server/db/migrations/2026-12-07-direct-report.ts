import type { Kysely } from 'kysely';

/**
 * 联网直报 and the notifications with the 首报 (issue 14): whether an incident happened in production
 * and business activity (NULL: the category decides), and what the officer recorded for each
 * statutory obligation (直报录入, a notification received, a department told), one row per obligation.
 */
// Frozen in time: never edit after it has shipped; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('incidents').addColumn('production_related', 'integer').execute();
  await db.schema
    .createTable('incident_statutory_records')
    .addColumn('incident_id', 'integer', (c) => c.notNull().references('incidents.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text', (c) => c.notNull())
    .addColumn('record_number', 'text')
    .addColumn('department', 'text')
    .addColumn('person', 'text')
    .addColumn('channel', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_statutory_records_pk', ['incident_id', 'key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('incident_statutory_records').execute();
  await db.schema.alterTable('incidents').dropColumn('production_related').execute();
}
