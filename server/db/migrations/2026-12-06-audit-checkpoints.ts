import { type Kysely, sql } from 'kysely';
import { autoId, isPostgres } from '../schema-helpers';

/**
 * Anchors for the event log: each event says how its hash was made (plain SHA-256 before
 * AUDIT_KEY, HMAC after), and checkpoints record the head seq and hash at each sealed handover and
 * once per duty day, so a cut or rewritten tail no longer verifies.
 */
// Frozen in time: never edit after it has shipped; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // Every event written so far was chained with plain SHA-256.
  await db.schema
    .alterTable('events')
    .addColumn('alg', 'text', (c) => c.notNull().defaultTo('sha256'))
    .execute();

  await db.schema
    .createTable('audit_checkpoints')
    .addColumn('id', autoId(db), (c) => c.primaryKey())
    // `handover:<id>` or `daily:<duty date>`: unique, so each is recorded once across nodes.
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('handover_id', 'integer')
    .addColumn('duty_date', 'text')
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_checkpoints_handover_idx')
    .on('audit_checkpoints')
    .column('handover_id')
    .execute();

  // A checkpoint is a witness: the database refuses to change or remove it.
  if (isPostgres(db)) {
    await sql`create function audit_checkpoints_immutable() returns trigger language plpgsql as $$
      begin raise exception 'audit checkpoints are immutable'; end $$`.execute(db);
    await sql`create trigger audit_checkpoints_frozen before update or delete on audit_checkpoints
      for each row execute function audit_checkpoints_immutable()`.execute(db);
  } else {
    for (const op of ['update', 'delete']) {
      await sql
        .raw(`create trigger audit_checkpoints_no_${op} before ${op} on audit_checkpoints
          begin select raise(abort, 'audit checkpoints are immutable'); end`)
        .execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_checkpoints').execute();
  if (isPostgres(db)) await sql`drop function if exists audit_checkpoints_immutable()`.execute(db);
  await db.schema.alterTable('events').dropColumn('alg').execute();
}
