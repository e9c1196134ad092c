import type { Kysely, Transaction } from 'kysely';
import type { EventsTable } from '../events/table';
import type { AuditCheckpointsTable } from '../modules/audit/table';
import type { SessionsTable } from '../modules/auth/table';
import type { CalendarDaysTable } from '../modules/calendar/table';
import type {
  DisasterPhotosTable,
  DisasterReportsTable,
  DisasterSignoffsTable,
} from '../modules/disaster-reports/table';
import type {
  DisasterFilingsTable,
  DisasterLinksTable,
  DisasterObligationsTable,
  DisastersTable,
  DisasterUnitsTable,
  DisasterVictimsTable,
} from '../modules/disasters/table';
import type {
  EscalationCursorTable,
  EscalationMessagesTable,
  EscalationsTable,
} from '../modules/escalation/table';
import type { HandoverAmendmentsTable, HandoversTable } from '../modules/handover/table';
import type {
  IdempotencyKeysTable,
  IncidentActionsTable,
  IncidentHopsTable,
  IncidentObligationsTable,
  IncidentReportsTable,
  IncidentSignoffsTable,
  IncidentStatutoryRecordsTable,
  IncidentsTable,
} from '../modules/incidents/table';
import type { LogbookEntriesTable } from '../modules/logbook/table';
import type { OutboxTable } from '../modules/outbox/table';
import type { UnitChecksTable, UnitPostsTable, UnitRollCallsTable } from '../modules/posts/table';
import type {
  CalendarFeedsTable,
  DutyPeriodsTable,
  RosterFeedKeysTable,
  RosterMonthsTable,
  RosterShiftsTable,
} from '../modules/roster/table';
import type { SettingsTable } from '../modules/settings/table';
import type { SpotChecksTable } from '../modules/spotchecks/table';
import type { SwapsTable } from '../modules/swaps/table';
import type { ApiTokensTable } from '../modules/tokens/table';
import type { UnitsTable } from '../modules/units/table';
import type { UsersTable } from '../modules/users/table';
import type {
  ConsultationsTable,
  ResponsesTable,
  WarningLevelsTable,
  WarningsTable,
} from '../modules/warnings/table';

/** Every table the app knows. Modules own their table.ts; this is where they meet. */
export interface Database {
  units: UnitsTable;
  unit_posts: UnitPostsTable;
  unit_roll_calls: UnitRollCallsTable;
  unit_checks: UnitChecksTable;
  incident_hops: IncidentHopsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  events: EventsTable;
  audit_checkpoints: AuditCheckpointsTable;
  settings: SettingsTable;
  duty_periods: DutyPeriodsTable;
  calendar_days: CalendarDaysTable;
  roster_months: RosterMonthsTable;
  roster_shifts: RosterShiftsTable;
  calendar_feeds: CalendarFeedsTable;
  roster_feed_keys: RosterFeedKeysTable;
  swaps: SwapsTable;
  spot_checks: SpotChecksTable;
  incidents: IncidentsTable;
  incident_reports: IncidentReportsTable;
  incident_actions: IncidentActionsTable;
  incident_obligations: IncidentObligationsTable;
  incident_signoffs: IncidentSignoffsTable;
  incident_statutory_records: IncidentStatutoryRecordsTable;
  idempotency_keys: IdempotencyKeysTable;
  outbox: OutboxTable;
  logbook_entries: LogbookEntriesTable;
  handovers: HandoversTable;
  handover_amendments: HandoverAmendmentsTable;
  escalations: EscalationsTable;
  escalation_cursor: EscalationCursorTable;
  escalation_messages: EscalationMessagesTable;
  warnings: WarningsTable;
  emergency_responses: ResponsesTable;
  consultations: ConsultationsTable;
  warning_levels: WarningLevelsTable;
  disasters: DisastersTable;
  disaster_units: DisasterUnitsTable;
  disaster_links: DisasterLinksTable;
  disaster_filings: DisasterFilingsTable;
  disaster_victims: DisasterVictimsTable;
  disaster_reports: DisasterReportsTable;
  disaster_obligations: DisasterObligationsTable;
  disaster_signoffs: DisasterSignoffsTable;
  disaster_photos: DisasterPhotosTable;
}

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Either: reads work on both. */
export type DbOrTrx = Db | Trx;
