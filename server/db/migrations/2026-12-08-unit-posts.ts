import type { Kysely } from 'kysely';
import { autoId } from '../schema-helpers';

/**
 * The duty network's posts (DESIGN §2.7): a township's light roster for the day (who, the phone)
 * and its check-in; the district's spot-checks of a unit (查岗), alone or as one roll call of all
 * townships (全区查岗); and the hops of a report flowing upward, each with its own clock.
 */
// Frozen in time: never edit after it has shipped; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('unit_posts')
    .addColumn('id', autoId(db), (c) => c.primaryKey())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('duty_date', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('assigned_by', 'text', (c) => c.notNull())
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addColumn('checked_in_at', 'text')
    .addColumn('checked_in_by', 'text')
    .execute();
  await db.schema
    .createIndex('unit_posts_unit_day_uq')
    .on('unit_posts')
    .columns(['unit_id', 'duty_date'])
    .unique()
    .execute();

  await db.schema
    .createTable('unit_roll_calls')
    .addColumn('id', autoId(db), (c) => c.primaryKey())
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('checks', 'integer', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addColumn('log_entry_id', 'integer')
    .execute();

  await db.schema
    .createTable('unit_checks')
    .addColumn('id', autoId(db), (c) => c.primaryKey())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('unit_path', 'text', (c) => c.notNull())
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('roll_call_id', 'integer', (c) => c.references('unit_roll_calls.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .addColumn('answered_by', 'text')
    .addColumn('missed_raised_at', 'text')
    .execute();
  await db.schema
    .createIndex('unit_checks_unit_idx')
    .on('unit_checks')
    .columns(['unit_id', 'issued_at'])
    .execute();
  await db.schema.createIndex('unit_checks_due_idx').on('unit_checks').columns(['due_at']).execute();
  await db.schema.createIndex('unit_checks_roll_call_idx').on('unit_checks').column('roll_call_id').execute();

  await db.schema
    .createTable('incident_hops')
    .addColumn('id', autoId(db), (c) => c.primaryKey())
    .addColumn('incident_id', 'integer', (c) => c.notNull().references('incidents.id'))
    .addColumn('hop', 'text', (c) => c.notNull())
    .addColumn('from_unit_id', 'integer', (c) => c.notNull())
    .addColumn('from_unit_name', 'text', (c) => c.notNull())
    .addColumn('to_unit_id', 'integer', (c) => c.notNull())
    .addColumn('to_unit_name', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('received_by', 'text', (c) => c.notNull())
    .addColumn('taken_at', 'text')
    .addColumn('taken_by', 'text')
    .execute();
  await db.schema
    .createIndex('incident_hops_incident_hop_uq')
    .on('incident_hops')
    .columns(['incident_id', 'hop'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('incident_hops').execute();
  await db.schema.dropTable('unit_checks').execute();
  await db.schema.dropTable('unit_roll_calls').execute();
  await db.schema.dropTable('unit_posts').execute();
}
