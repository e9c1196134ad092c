import type { Kysely } from 'kysely';
import { autoId } from '../schema-helpers';

/**
 * Edits after publishing mark the month "changed since publishing" (who and when) until it is
 * published again; whole-roster iCalendar feeds get keys of their own, issued by an administrator.
 */
// Frozen in time: never edit after it has shipped; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('roster_months').addColumn('changed_at', 'text').execute();
  await db.schema.alterTable('roster_months').addColumn('changed_by', 'text').execute();

  await db.schema
    .createTable('roster_feed_keys')
    .addColumn('id', autoId(db), (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('roster_feed_keys').execute();
  await db.schema.alterTable('roster_months').dropColumn('changed_by').execute();
  await db.schema.alterTable('roster_months').dropColumn('changed_at').execute();
}
