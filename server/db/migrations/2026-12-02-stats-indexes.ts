import type { Kysely } from 'kysely';

/**
 * Indexes for the statistics (GET /api/stats): each covers the columns its query reads, so a year of
 * incidents is counted from the indexes without visiting the wide incident rows.
 */
const INDEXES: [name: string, table: string, columns: string[]][] = [
  [
    'incidents_stats_idx',
    'incidents',
    ['received_at', 'drill', 'category', 'grade', 'source', 'stage', 'acknowledged_at', 'closed_at', 'id'],
  ],
  [
    'incident_obligations_stats_idx',
    'incident_obligations',
    ['incident_id', 'kind', 'late', 'done_at', 'due_at'],
  ],
  [
    'incident_obligations_kind_due_idx',
    'incident_obligations',
    ['kind', 'due_at', 'late', 'done_at', 'incident_id'],
  ],
  ['incident_reports_kind_idx', 'incident_reports', ['incident_id', 'kind', 'sent_at']],
  ['spot_checks_issued_idx', 'spot_checks', ['issued_at']],
  ['swaps_requested_idx', 'swaps', ['requested_at']],
];

// Frozen in time: never edit after it has shipped; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, table, columns] of INDEXES)
    await db.schema.createIndex(name).on(table).columns(columns).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of INDEXES) await db.schema.dropIndex(name).execute();
}
