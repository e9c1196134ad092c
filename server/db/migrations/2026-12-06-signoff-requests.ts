import type { Kysely } from 'kysely';
import { autoId } from '../schema-helpers';

/**
 * 签发 as a real approval: the officer asks one leader to sign off a drafted written report; that
 * leader approves or returns it. A sent report records how it was signed off (`signoff`, JSON: the
 * leader's approval, a telephone consent recorded by the officer, or the leader sending it) and the
 * request it consumed, at most once (the unique index).
 */
// Frozen in time: never edit after it has shipped; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('incident_signoffs')
    .addColumn('id', autoId(db), (c) => c.primaryKey())
    .addColumn('incident_id', 'integer', (c) => c.notNull().references('incidents.id'))
    .addColumn('report_kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('leader', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('comment', 'text')
    .addColumn('report_id', 'integer')
    .execute();
  await db.schema
    .createIndex('incident_signoffs_leader_idx')
    .on('incident_signoffs')
    .columns(['leader', 'status'])
    .execute();
  await db.schema
    .createIndex('incident_signoffs_incident_idx')
    .on('incident_signoffs')
    .column('incident_id')
    .execute();
  await db.schema.alterTable('incident_reports').addColumn('signoff', 'text').execute();
  await db.schema.alterTable('incident_reports').addColumn('signoff_request_id', 'integer').execute();
  await db.schema
    .createIndex('incident_reports_signoff_request_uq')
    .on('incident_reports')
    .column('signoff_request_id')
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('incident_reports_signoff_request_uq').execute();
  await db.schema.alterTable('incident_reports').dropColumn('signoff_request_id').execute();
  await db.schema.alterTable('incident_reports').dropColumn('signoff').execute();
  await db.schema.dropTable('incident_signoffs').execute();
}
