import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as spine from './migrations/2026-11-28-spine';
import * as roster from './migrations/2026-11-29-roster';
import * as incidents from './migrations/2026-11-30-incidents';
import * as logbookHandover from './migrations/2026-12-01-logbook-handover';
import * as statsIndexes from './migrations/2026-12-02-stats-indexes';
import * as eventTimeIndex from './migrations/2026-12-03-event-time-index';
import * as clusterAttachments from './migrations/2026-12-04-cluster-attachments';
import * as accidentUnit from './migrations/2026-12-06-accident-unit';
import * as auditCheckpoints from './migrations/2026-12-06-audit-checkpoints';
import * as escalation from './migrations/2026-12-06-escalation';
import * as handoverRules from './migrations/2026-12-06-handover-rules';
import * as rosterEdits from './migrations/2026-12-06-roster-edits';
import * as signoffRequests from './migrations/2026-12-06-signoff-requests';
import * as calendarDays from './migrations/2026-12-07-calendar-days';
import * as directReport from './migrations/2026-12-07-direct-report';
import * as fireFigures from './migrations/2026-12-07-fire-figures';
import * as incidentPolicy from './migrations/2026-12-07-incident-policy';
import * as units from './migrations/2026-12-07-units';
import * as warnings from './migrations/2026-12-07-warnings';
import * as unitPosts from './migrations/2026-12-08-unit-posts';
import * as disasters from './migrations/2026-12-09-disasters';
import * as disasterReportExtras from './migrations/2026-12-10-disaster-report-extras';
import * as handoverIndexes from './migrations/2026-12-10-handover-indexes';
import * as zeroReports from './migrations/2026-12-10-zero-reports';
import * as handoverPg from './migrations/2026-12-11-handover-pg';
import * as handoverWork from './migrations/2026-12-12-handover-work';

/** Listed here, not read from disk, so a bundled or compiled server carries its migrations. */
const MIGRATIONS: Record<string, Migration> = {
  '2026-11-28-spine': spine,
  '2026-11-29-roster': roster,
  '2026-11-30-incidents': incidents,
  '2026-12-01-logbook-handover': logbookHandover,
  '2026-12-02-stats-indexes': statsIndexes,
  '2026-12-03-event-time-index': eventTimeIndex,
  '2026-12-04-cluster-attachments': clusterAttachments,
  '2026-12-06-roster-edits': rosterEdits,
  '2026-12-06-audit-checkpoints': auditCheckpoints,
  '2026-12-06-handover-rules': handoverRules,
  '2026-12-06-escalation': escalation,
  '2026-12-06-signoff-requests': signoffRequests,
  '2026-12-06-accident-unit': accidentUnit,
  '2026-12-07-warnings': warnings,
  '2026-12-07-incident-policy': incidentPolicy,
  '2026-12-07-fire-figures': fireFigures,
  '2026-12-07-direct-report': directReport,
  '2026-12-07-calendar-days': calendarDays,
  '2026-12-07-units': units,
  '2026-12-08-unit-posts': unitPosts,
  '2026-12-09-disasters': disasters,
  '2026-12-10-disaster-report-extras': disasterReportExtras,
  '2026-12-10-zero-reports': zeroReports,
  '2026-12-10-handover-indexes': handoverIndexes,
  '2026-12-11-handover-pg': handoverPg,
  '2026-12-12-handover-work': handoverWork,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
