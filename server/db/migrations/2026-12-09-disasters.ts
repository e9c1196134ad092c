import type { Kysely } from 'kysely';
import { autoId } from '../schema-helpers';

/**
 * Natural disasters (灾害过程, DESIGN §2.6): the process, its affected townships and links, the
 * 快报表 filings of townships and communities, the 因灾死亡失踪人员 list, the reports sent upward and
 * the stored obligations with their overdue timer.
 */
// Frozen in time: never edit after it has shipped; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('disasters')
    .addColumn('id', autoId(db), (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('subtype', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('began_at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('major', 'integer', (c) => c.notNull())
    .addColumn('severe_loss', 'integer', (c) => c.notNull())
    .addColumn('major_since', 'text')
    .addColumn('severe_since', 'text')
    .addColumn('stable_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('disaster_text', 'text', (c) => c.notNull())
    .addColumn('relief_text', 'text', (c) => c.notNull())
    .addColumn('policy', 'text', (c) => c.notNull())
    .addColumn('next_due_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('disasters_state_idx').on('disasters').columns(['state', 'began_at']).execute();

  await db.schema
    .createTable('disaster_units')
    .addColumn('disaster_id', 'integer', (c) => c.notNull().references('disasters.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('disaster_units_pk', ['disaster_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('disaster_units_unit_idx').on('disaster_units').column('unit_id').execute();

  await db.schema
    .createTable('disaster_links')
    .addColumn('disaster_id', 'integer', (c) => c.notNull().references('disasters.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('disaster_links_pk', ['disaster_id', 'kind', 'ref_id'])
    .execute();

  await db.schema
    .createTable('disaster_filings')
    .addColumn('id', autoId(db), (c) => c.primaryKey())
    .addColumn('disaster_id', 'integer', (c) => c.notNull().references('disasters.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('unit_path', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('for_date', 'text')
    .addColumn('figures', 'text', (c) => c.notNull())
    .addColumn('nothing_new', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('on_behalf', 'integer', (c) => c.notNull())
    .addColumn('filed_by', 'text', (c) => c.notNull())
    .addColumn('filed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('disaster_filings_unit_idx')
    .on('disaster_filings')
    .columns(['disaster_id', 'unit_id', 'filed_at'])
    .execute();

  await db.schema
    .createTable('disaster_victims')
    .addColumn('id', autoId(db), (c) => c.primaryKey())
    .addColumn('disaster_id', 'integer', (c) => c.notNull().references('disasters.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('unit_path', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('disaster_victims_disaster_idx')
    .on('disaster_victims')
    .column('disaster_id')
    .execute();

  await db.schema
    .createTable('disaster_reports')
    .addColumn('id', autoId(db), (c) => c.primaryKey())
    .addColumn('disaster_id', 'integer', (c) => c.notNull().references('disasters.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('for_date', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('figures', 'text', (c) => c.notNull())
    .addColumn('signoff', 'text')
    .addColumn('signoff_request_id', 'integer', (c) => c.unique())
    .addColumn('sent_by', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('on_time', 'integer')
    .execute();
  await db.schema
    .createIndex('disaster_reports_disaster_idx')
    .on('disaster_reports')
    .columns(['disaster_id', 'sent_at'])
    .execute();

  await db.schema
    .createTable('disaster_obligations')
    .addColumn('disaster_id', 'integer', (c) => c.notNull().references('disasters.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer')
    .addColumn('recipient', 'text')
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('done_ref', 'text')
    .addColumn('overdue_raised_at', 'text')
    .addPrimaryKeyConstraint('disaster_obligations_pk', ['disaster_id', 'key'])
    .execute();
  await db.schema
    .createIndex('disaster_obligations_due_idx')
    .on('disaster_obligations')
    .columns(['due_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('disaster_obligations').execute();
  await db.schema.dropTable('disaster_reports').execute();
  await db.schema.dropTable('disaster_victims').execute();
  await db.schema.dropTable('disaster_filings').execute();
  await db.schema.dropTable('disaster_links').execute();
  await db.schema.dropTable('disaster_units').execute();
  await db.schema.dropTable('disasters').execute();
}
