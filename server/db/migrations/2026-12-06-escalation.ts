import { type Kysely, sql } from 'kysely';
import { autoId } from '../schema-helpers';

/**
 * Escalation: what the leader on call has not acknowledged climbs a chain of people, one step per
 * delay; each step's message waits in its own outbox for the SMS / voice gateway.
 */
// Frozen in time: never edit after it has shipped; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('escalations')
    .addColumn('id', autoId(db), (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source_seq', 'integer', (c) => c.notNull().unique())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'integer')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('chain', 'text', (c) => c.notNull())
    .addColumn('delay_minutes', 'integer', (c) => c.notNull())
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('next_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'text')
    .execute();
  await db.schema
    .createIndex('escalations_due_idx')
    .on('escalations')
    .columns(['status', 'next_at'])
    .execute();
  await db.schema.createIndex('escalations_incident_idx').on('escalations').column('incident_id').execute();

  await db.schema
    .createTable('escalation_cursor')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .execute();
  // An existing log is not replayed: escalation starts with what happens from now on.
  await sql`insert into escalation_cursor (id, seq) select 1, coalesce(max(seq), 0) from events`.execute(db);

  await db.schema
    .createTable('escalation_messages')
    .addColumn('id', autoId(db), (c) => c.primaryKey())
    .addColumn('escalation_id', 'integer', (c) => c.notNull().references('escalations.id'))
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('endpoint', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('escalation_messages_due_idx')
    .on('escalation_messages')
    .columns(['status', 'next_attempt_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('escalation_messages').execute();
  await db.schema.dropTable('escalation_cursor').execute();
  await db.schema.dropTable('escalations').execute();
}
