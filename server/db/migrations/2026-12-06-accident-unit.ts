import type { Kysely } from 'kysely';

/**
 * 事故发生单位 apart from the caller's unit: JSON { name, type?, address? } or NULL (not yet known),
 * so a 首报's 一、 never names whoever phoned it in.
 */
// Frozen in time: never edit after it has shipped; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('incidents').addColumn('accident_unit', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('incidents').dropColumn('accident_unit').execute();
}
