import type { Kysely } from 'kysely';
import { autoId } from '../schema-helpers';

/** Warnings (预警), emergency responses (应急响应) and consultations (会商研判): DESIGN 2.5. */
// Frozen in time: never edit after it has shipped; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('warnings')
    .addColumn('id', autoId(db), (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('peak_level', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('effective_at', 'text', (c) => c.notNull())
    .addColumn('lifted_at', 'text')
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('warnings_lifted_idx').on('warnings').columns(['lifted_at']).execute();
  await db.schema.createIndex('warnings_effective_idx').on('warnings').columns(['effective_at']).execute();

  await db.schema
    .createTable('emergency_responses')
    .addColumn('id', autoId(db), (c) => c.primaryKey())
    .addColumn('headquarters', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('order_text', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('emergency_responses_ended_idx')
    .on('emergency_responses')
    .columns(['ended_at'])
    .execute();

  await db.schema
    .createTable('consultations')
    .addColumn('id', autoId(db), (c) => c.primaryKey())
    .addColumn('held_at', 'text', (c) => c.notNull())
    .addColumn('participants', 'text', (c) => c.notNull())
    .addColumn('conclusions', 'text', (c) => c.notNull())
    .addColumn('orders', 'text', (c) => c.notNull())
    .addColumn('response_id', 'integer', (c) => c.references('emergency_responses.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // Every colour a warning or level a response held, from when: the duty follows the level of the moment.
  await db.schema
    .createTable('warning_levels')
    .addColumn('id', autoId(db), (c) => c.primaryKey())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('from_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('warning_levels_subject_idx')
    .on('warning_levels')
    .columns(['subject_kind', 'subject_id', 'from_at'])
    .execute();
  await db.schema.createIndex('consultations_held_idx').on('consultations').columns(['held_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('warning_levels').execute();
  await db.schema.dropTable('consultations').execute();
  await db.schema.dropTable('emergency_responses').execute();
  await db.schema.dropTable('warnings').execute();
}
