import type { Kysely } from 'kysely';
import { autoId } from '../schema-helpers';

/**
 * Zero reports (零报告, DESIGN §2.7): the district's daily asks of a set of units by a local cut-off,
 * the units' filings (figures or "无新增"), and the scanner's once-only reminder and miss marks.
 */
// Frozen in time: never edit after it has shipped; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('zero_requests')
    .addColumn('id', autoId(db), (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'integer')
    // The disaster (2026-12-09-disasters) a request is linked to; kept as a plain id.
    .addColumn('disaster_id', 'integer')
    .addColumn('cutoff', 'text', (c) => c.notNull())
    .addColumn('remind_minutes', 'integer', (c) => c.notNull())
    .addColumn('first_date', 'text', (c) => c.notNull())
    .addColumn('last_date', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('ended_by', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('zero_requests_ended_idx').on('zero_requests').column('ended_at').execute();

  await db.schema
    .createTable('zero_request_units')
    .addColumn('request_id', 'integer', (c) => c.notNull().references('zero_requests.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('zero_request_units_pk', ['request_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('zero_request_units_unit_idx')
    .on('zero_request_units')
    .column('unit_id')
    .execute();

  await db.schema
    .createTable('zero_filings')
    .addColumn('id', autoId(db), (c) => c.primaryKey())
    .addColumn('request_id', 'integer', (c) => c.notNull().references('zero_requests.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('unit_path', 'text', (c) => c.notNull())
    .addColumn('for_date', 'text', (c) => c.notNull())
    .addColumn('nothing_new', 'integer', (c) => c.notNull())
    .addColumn('figures', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('filed_by', 'text', (c) => c.notNull())
    .addColumn('filed_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('late', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('zero_filings_request_unit_date_uq')
    .on('zero_filings')
    .columns(['request_id', 'unit_id', 'for_date'])
    .unique()
    .execute();

  await db.schema
    .createTable('zero_marks')
    .addColumn('request_id', 'integer', (c) => c.notNull().references('zero_requests.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('for_date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('zero_marks_pk', ['request_id', 'unit_id', 'for_date', 'kind'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('zero_marks').execute();
  await db.schema.dropTable('zero_filings').execute();
  await db.schema.dropTable('zero_request_units').execute();
  await db.schema.dropTable('zero_requests').execute();
}
