import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../schema-helpers';

/**
 * Fires are graded by the damaged area, not the burned one (DESIGN §2.2): 受害森林面积 for a forest
 * fire, 受害草原面积 for a grassland fire (its own category now). Both NULL until known; stored
 * forest fires keep their burned area as a figure and their grade until their figures next change
 * (the damaged area is not guessed from the burned one).
 */
// Frozen in time: never edit after it has shipped; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  const real = isPostgres(db) ? sql`double precision` : sql`real`;
  await db.schema.alterTable('incidents').addColumn('damaged_forest_ha', real).execute();
  await db.schema.alterTable('incidents').addColumn('damaged_grassland_ha', real).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('incidents').dropColumn('damaged_grassland_ha').execute();
  await db.schema.alterTable('incidents').dropColumn('damaged_forest_ha').execute();
}
