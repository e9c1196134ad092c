import { type Kysely, sql } from 'kysely';
import { autoId, isPostgres } from '../schema-helpers';

// Frozen in time: never edit after it has shipped; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  const real = isPostgres(db) ? sql`double precision` : sql`real`;
  await db.schema
    .createTable('incidents')
    .addColumn('id', autoId(db), (c) => c.primaryKey())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('lat', real)
    .addColumn('lng', real)
    .addColumn('caller', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('casualties', 'text', (c) => c.notNull())
    .addColumn('direct_loss_yuan', real)
    .addColumn('burned_area_ha', real)
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('manual_grade', 'text')
    .addColumn('grade_reason', 'text')
    .addColumn('serious_pollution', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('key_facility_danger', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('grade', 'text')
    .addColumn('grade_basis', 'text', (c) => c.notNull())
    .addColumn('grade_reasons', 'text', (c) => c.notNull())
    .addColumn('near_miss', 'integer', (c) => c.notNull())
    .addColumn('drill', 'integer', (c) => c.notNull())
    .addColumn('late_discovery', 'text')
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('verified_at', 'text')
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('outcome', 'text')
    .addColumn('figure_changes', 'text', (c) => c.notNull())
    .addColumn('next_due_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incidents_received_idx').on('incidents').column('received_at').execute();
  await db.schema
    .createIndex('incidents_stage_idx')
    .on('incidents')
    .columns(['stage', 'next_due_at'])
    .execute();

  await db.schema
    .createTable('incident_reports')
    .addColumn('id', autoId(db), (c) => c.primaryKey())
    .addColumn('incident_id', 'integer', (c) => c.notNull().references('incidents.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('signed_off_by', 'text')
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('sent_by', 'text', (c) => c.notNull())
    .addColumn('late', 'integer', (c) => c.notNull())
    // The incident as reported, so the next 续报 can say what changed since.
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addUniqueConstraint('incident_reports_number_uq', ['incident_id', 'number'])
    .execute();
  // A report sent up is a record: the database itself refuses to change or remove it.
  if (isPostgres(db)) {
    await sql`create function incident_reports_immutable() returns trigger language plpgsql as $$
      begin raise exception 'incident reports are immutable'; end $$`.execute(db);
    await sql`create trigger incident_reports_no_update before update or delete on incident_reports
      for each row execute function incident_reports_immutable()`.execute(db);
  } else {
    await sql`create trigger incident_reports_no_update before update on incident_reports
      begin select raise(abort, 'incident reports are immutable'); end`.execute(db);
    await sql`create trigger incident_reports_no_delete before delete on incident_reports
      begin select raise(abort, 'incident reports are immutable'); end`.execute(db);
  }

  await db.schema
    .createTable('incident_actions')
    .addColumn('id', autoId(db), (c) => c.primaryKey())
    .addColumn('incident_id', 'integer', (c) => c.notNull().references('incidents.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('incident_actions_incident_idx')
    .on('incident_actions')
    .column('incident_id')
    .execute();

  await db.schema
    .createTable('incident_obligations')
    .addColumn('incident_id', 'integer', (c) => c.notNull().references('incidents.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text')
    .addColumn('done_at', 'text')
    .addColumn('report_number', 'integer')
    .addColumn('late', 'integer', (c) => c.notNull())
    // Stored timer: set once when incident.overdue is raised for this obligation.
    .addColumn('overdue_raised_at', 'text')
    .addPrimaryKeyConstraint('incident_obligations_pk', ['incident_id', 'key'])
    .execute();
  await db.schema
    .createIndex('incident_obligations_due_idx')
    .on('incident_obligations')
    .columns(['due_at'])
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('response_status', 'integer')
    .addColumn('response_body', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['scope', 'key'])
    .execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', autoId(db), (c) => c.primaryKey())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('endpoint', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('outbox_due_idx').on('outbox').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('outbox_subject_idx').on('outbox').column('subject').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'outbox',
    'idempotency_keys',
    'incident_obligations',
    'incident_actions',
    'incident_reports',
    'incidents',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
