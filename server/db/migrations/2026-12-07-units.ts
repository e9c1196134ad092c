import { type Kysely, sql } from 'kysely';
import { autoId, isPostgres } from '../schema-helpers';

/**
 * The duty network (DESIGN 2.7): units form a tree, district → townships / development zones /
 * streets → communities / villages. `path` is the materialized path of ids including the unit's own
 * (`/1/`, `/1/4/`, `/1/4/12/`); units are never re-parented, so a path never changes. The district,
 * id 1, is created here: every existing person, token, incident and event belongs to it.
 * Persons carry their unit (and a community informant its A角/B角), tokens the unit of their
 * creator, incidents the unit that recorded them, events their audience (`unit_path`). The added
 * unit columns carry no REFERENCES: SQLite refuses one on an added column with a non-null default
 * while foreign keys are on; the units service checks them.
 */
// Frozen in time: never edit after it has shipped; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('units')
    .addColumn('id', autoId(db), (c) => c.primaryKey())
    .addColumn('parent_id', 'integer', (c) => c.references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('path', 'text', (c) => c.notNull().unique())
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('units_parent_idx').on('units').column('parent_id').execute();
  const now = new Date().toISOString();
  await db
    .insertInto('units')
    .values({
      id: 1,
      parent_id: null,
      kind: 'district',
      name: '区应急管理局',
      code: 'district',
      path: '/1/',
      phone: '',
      enabled: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  // An explicit id under an identity column leaves PostgreSQL's sequence at 1: move it past the root.
  if (isPostgres(db)) {
    await sql`select setval(pg_get_serial_sequence('units', 'id'), (select max(id) from units))`.execute(db);
  }

  await db.schema
    .alterTable('users')
    .addColumn('unit_id', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('users').addColumn('informant_role', 'text').execute();
  await db.schema.createIndex('users_unit_idx').on('users').column('unit_id').execute();

  await db.schema
    .alterTable('api_tokens')
    .addColumn('unit_id', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .alterTable('incidents')
    .addColumn('unit_id', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('incidents')
    .addColumn('unit_path', 'text', (c) => c.notNull().defaultTo('/1/'))
    .execute();
  await db.schema.createIndex('incidents_unit_path_idx').on('incidents').column('unit_path').execute();

  await db.schema
    .alterTable('events')
    .addColumn('unit_path', 'text', (c) => c.notNull().defaultTo('/1/'))
    .execute();
  await db.schema.createIndex('events_unit_path_idx').on('events').columns(['unit_path', 'seq']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('events_unit_path_idx').execute();
  await db.schema.alterTable('events').dropColumn('unit_path').execute();
  await db.schema.dropIndex('incidents_unit_path_idx').execute();
  await db.schema.alterTable('incidents').dropColumn('unit_path').execute();
  await db.schema.alterTable('incidents').dropColumn('unit_id').execute();
  await db.schema.alterTable('api_tokens').dropColumn('unit_id').execute();
  await db.schema.dropIndex('users_unit_idx').execute();
  await db.schema.alterTable('users').dropColumn('informant_role').execute();
  await db.schema.alterTable('users').dropColumn('unit_id').execute();
  await db.schema.dropTable('units').execute();
}
