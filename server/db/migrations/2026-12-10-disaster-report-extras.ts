import type { Kysely } from 'kysely';
import { autoId, isPostgres } from '../schema-helpers';

/**
 * 灾情报送, the reports' side (PLAN-17): the sign-off requests of disaster reports (签发, like
 * incident_signoffs: one leader approves or returns, an approval is used once) and the photos attached
 * to a filing or a report — the bytes in `data`, or only a file name under the configured folder.
 */
// Frozen in time: never edit after it has shipped; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('disaster_signoffs')
    .addColumn('id', autoId(db), (c) => c.primaryKey())
    .addColumn('disaster_id', 'integer', (c) => c.notNull().references('disasters.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('recipients', 'text', (c) => c.notNull())
    .addColumn('for_date', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('leader', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('comment', 'text')
    .execute();
  await db.schema
    .createIndex('disaster_signoffs_leader_idx')
    .on('disaster_signoffs')
    .columns(['leader', 'status'])
    .execute();
  await db.schema
    .createIndex('disaster_signoffs_disaster_idx')
    .on('disaster_signoffs')
    .column('disaster_id')
    .execute();

  await db.schema
    .createTable('disaster_photos')
    .addColumn('id', autoId(db), (c) => c.primaryKey())
    .addColumn('disaster_id', 'integer', (c) => c.notNull().references('disasters.id'))
    .addColumn('filing_id', 'integer')
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('unit_path', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('caption', 'text', (c) => c.notNull())
    .addColumn('data', isPostgres(db) ? 'bytea' : 'blob')
    .addColumn('file_name', 'text')
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('disaster_photos_disaster_idx')
    .on('disaster_photos')
    .columns(['disaster_id', 'id'])
    .execute();
  await db.schema
    .createIndex('disaster_photos_filing_idx')
    .on('disaster_photos')
    .column('filing_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('disaster_photos').execute();
  await db.schema.dropTable('disaster_signoffs').execute();
}
