import type { Kysely } from 'kysely';
import { autoId } from '../schema-helpers';

// Frozen in time: never edit after it has shipped; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('duty_periods')
    .addColumn('id', autoId(db), (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text', (c) => c.notNull())
    .addColumn('officers', 'integer')
    .addColumn('leaders', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('roster_months')
    .addColumn('month', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text')
    .addColumn('override_reason', 'text')
    .execute();

  await db.schema
    .createTable('roster_shifts')
    .addColumn('id', autoId(db), (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('duty_date', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // Wall-clock times plus zone are the truth; start_at/end_at are their UTC instants for queries.
    .addColumn('start_local', 'text', (c) => c.notNull())
    .addColumn('end_local', 'text', (c) => c.notNull())
    .addColumn('zone', 'text', (c) => c.notNull())
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('end_at', 'text', (c) => c.notNull())
    .addColumn('check_in_at', 'text')
    .addColumn('check_in_late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('check_out_at', 'text')
    // Stored timer: no check-in by then raises attendance.missed once (missed_raised_at marks it).
    .addColumn('check_in_due_at', 'text')
    .addColumn('missed_raised_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('roster_shifts_time_idx')
    .on('roster_shifts')
    .columns(['start_at', 'end_at'])
    .execute();
  await db.schema.createIndex('roster_shifts_day_idx').on('roster_shifts').columns(['duty_date']).execute();
  await db.schema
    .createIndex('roster_shifts_user_idx')
    .on('roster_shifts')
    .columns(['user_id', 'start_at'])
    .execute();
  await db.schema
    .createIndex('roster_shifts_due_idx')
    .on('roster_shifts')
    .columns(['check_in_due_at'])
    .execute();

  await db.schema
    .createTable('swaps')
    .addColumn('id', autoId(db), (c) => c.primaryKey())
    .addColumn('shift_id', 'integer', (c) => c.notNull().references('roster_shifts.id').onDelete('cascade'))
    .addColumn('from_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('to_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('counter_shift_id', 'integer', (c) => c.references('roster_shifts.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .execute();

  await db.schema
    .createTable('spot_checks')
    .addColumn('id', autoId(db), (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('caller', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .addColumn('answered_by', 'text')
    .addColumn('answer_note', 'text')
    .addColumn('missed_raised_at', 'text')
    .execute();
  await db.schema.createIndex('spot_checks_due_idx').on('spot_checks').columns(['due_at']).execute();

  await db.schema
    .createTable('calendar_feeds')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id'))
    .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'calendar_feeds',
    'spot_checks',
    'swaps',
    'roster_shifts',
    'roster_months',
    'duty_periods',
    'settings',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
