import type { Kysely } from 'kysely';

/**
 * The administrator's corrections of the shipped official calendar (issue 15), one row per date;
 * a declared period may want the leader in the duty room (领导在岗带班).
 */
// Frozen in time: never edit after it has shipped; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_days')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('festival', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .alterTable('duty_periods')
    .addColumn('leader_on_site', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('duty_periods').dropColumn('leader_on_site').execute();
  await db.schema.dropTable('calendar_days').execute();
}
