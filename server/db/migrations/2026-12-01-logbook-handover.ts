import { type Kysely, sql } from 'kysely';
import { autoId, isPostgres } from '../schema-helpers';

/** The database itself refuses to change what was signed: on PostgreSQL a function, on SQLite triggers. */
async function refuse(db: Kysely<any>, table: string, message: string, when: string | null): Promise<void> {
  if (isPostgres(db)) {
    const check = when ?? 'true';
    await sql
      .raw(`create function ${table}_immutable() returns trigger language plpgsql as $$
        begin
          if ${check} then raise exception '${message}'; end if;
          if TG_OP = 'DELETE' then return OLD; end if;
          return NEW;
        end $$`)
      .execute(db);
    await sql
      .raw(`create trigger ${table}_frozen before update or delete on ${table}
        for each row execute function ${table}_immutable()`)
      .execute(db);
    return;
  }
  for (const op of ['update', 'delete']) {
    await sql
      .raw(`create trigger ${table}_no_${op} before ${op} on ${table}${when ? ` when ${when}` : ''}
        begin select raise(abort, '${message}'); end`)
      .execute(db);
  }
}

// Frozen in time: never edit after it has shipped; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('logbook_entries')
    .addColumn('id', autoId(db), (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('caller_name', 'text')
    .addColumn('caller_unit', 'text')
    .addColumn('caller_post', 'text')
    .addColumn('caller_phone', 'text')
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('already_told', 'text')
    .addColumn('handling', 'text')
    .addColumn('incident_id', 'integer', (c) => c.references('incidents.id'))
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('logbook_at_idx').on('logbook_entries').column('at').execute();
  await db.schema.createIndex('logbook_kind_idx').on('logbook_entries').columns(['kind', 'at']).execute();

  await db.schema
    .createTable('handovers')
    .addColumn('id', autoId(db), (c) => c.primaryKey())
    .addColumn('duty_date', 'text', (c) => c.notNull())
    .addColumn('shift_start', 'text', (c) => c.notNull())
    .addColumn('shift_end', 'text', (c) => c.notNull())
    .addColumn('outgoing_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('incoming_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('carried', 'text', (c) => c.notNull())
    .addColumn('pending', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('submitted_by_name', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('accepted_by', 'text')
    .addColumn('accepted_by_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    // One handover per shift window, however many officers stood it.
    .addUniqueConstraint('handovers_shift_uq', ['shift_start', 'shift_end'])
    .execute();
  await db.schema.createIndex('handovers_day_idx').on('handovers').column('duty_date').execute();
  await refuse(db, 'handovers', 'a sealed handover is changed only by amendments', "old.status = 'sealed'");

  await db.schema
    .createTable('handover_amendments')
    .addColumn('id', autoId(db), (c) => c.primaryKey())
    .addColumn('handover_id', 'integer', (c) => c.notNull().references('handovers.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('handover_amendments_idx')
    .on('handover_amendments')
    .column('handover_id')
    .execute();
  await refuse(db, 'handover_amendments', 'handover amendments are immutable', null);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['handover_amendments', 'handovers', 'logbook_entries']) {
    await db.schema.dropTable(t).execute();
  }
  if (isPostgres(db)) {
    await sql`drop function if exists handover_amendments_immutable()`.execute(db);
    await sql`drop function if exists handovers_immutable()`.execute(db);
  }
}
