import { isProductionSafety } from '@shared/domain/direct-report';
import type { Casualties, Obligation } from '@shared/domain/incident-types';
import type { Incident, ObligationView, Report, ReportSignoff } from '@shared/schemas/incidents';
import type { Insertable, Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import { statutoryRecordsOf } from './direct-report';
import type {
  IncidentActionsTable,
  IncidentObligationsTable,
  IncidentReportsTable,
  IncidentsTable,
} from './table';

export type IncidentRow = Selectable<IncidentsTable>;

export function obligationView(
  row: {
    kind: ObligationView['kind'];
    key: string;
    due_at: string | null;
    done_at: string | null;
    report_number: number | null;
    late: number;
  },
  now: string,
): ObligationView {
  return {
    kind: row.kind,
    key: row.key,
    dueAt: row.due_at,
    doneAt: row.done_at,
    reportNumber: row.report_number === null ? null : Number(row.report_number),
    late: row.late === 1,
    overdue: row.done_at === null && row.due_at !== null && row.due_at < now,
  };
}

/** In scope of 联网直报 when it owes a 直报录入; otherwise why not (see shared/domain/direct-report.ts). */
function directReportOf(row: IncidentRow, obligations: ObligationView[]): Incident['directReport'] {
  if (row.drill === 1) return 'drill';
  if (obligations.some((o) => o.kind === 'direct_entry')) return 'in_scope';
  const productionRelated = row.production_related === null ? null : row.production_related === 1;
  return isProductionSafety({ category: row.category, drill: false, productionRelated })
    ? 'below_threshold'
    : 'not_production';
}

export function toIncident(row: IncidentRow, obligations: ObligationView[]): Incident {
  return {
    id: Number(row.id),
    category: row.category,
    occurredAt: row.occurred_at,
    receivedAt: row.received_at,
    location: {
      address: row.address,
      ...(row.lat !== null ? { lat: row.lat } : {}),
      ...(row.lng !== null ? { lng: row.lng } : {}),
    },
    caller: JSON.parse(row.caller),
    accidentUnit: row.accident_unit ? JSON.parse(row.accident_unit) : null,
    summary: row.summary,
    casualties: JSON.parse(row.casualties) as Casualties,
    directLossYuan: row.direct_loss_yuan,
    burnedAreaHa: row.burned_area_ha,
    damagedForestHa: row.damaged_forest_ha,
    damagedGrasslandHa: row.damaged_grassland_ha,
    source: row.source,
    grade: row.grade,
    gradeBasis: row.grade_basis,
    gradeReasons: JSON.parse(row.grade_reasons),
    nearMiss: row.near_miss === 1,
    drill: row.drill === 1,
    productionRelated: row.production_related === null ? null : row.production_related === 1,
    directReport: directReportOf(row, obligations),
    lateDiscovery: row.late_discovery,
    stage: row.stage,
    verifiedAt: row.verified_at,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by,
    closedAt: row.closed_at,
    outcome: row.outcome,
    createdBy: row.created_by,
    unitId: Number(row.unit_id),
    unitPath: row.unit_path,
    obligations,
    nextDueAt: row.next_due_at,
    overdue: obligations.some((o) => o.overdue),
  };
}

export async function obligationsOf(
  db: DbOrTrx,
  ids: number[],
  now: string,
): Promise<Map<number, ObligationView[]>> {
  const byIncident = new Map<number, ObligationView[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byIncident;
  const rows = await db
    .selectFrom('incident_obligations')
    .selectAll()
    .where('incident_id', 'in', ids)
    .execute();
  const records = await statutoryRecordsOf(db, ids);
  for (const { row } of inDeadlineOrder(rows)) {
    const view = obligationView(row, now);
    const record = records.get(Number(row.incident_id))?.get(row.key);
    if (record && view.doneAt !== null) view.record = record;
    byIncident.get(Number(row.incident_id))?.push(view);
  }
  return byIncident;
}

/** The views of one incident's stored obligations, in the order an incident lists them. */
export function obligationViews(rows: Selectable<IncidentObligationsTable>[], now: string): ObligationView[] {
  return inDeadlineOrder(rows).map(({ row }) => obligationView(row, now));
}

/** By deadline, those without one (the 终报) last; code-unit order, as stored instants sort. */
function inDeadlineOrder<R extends { due_at: string | null; key: string }>(rows: R[]): { row: R }[] {
  const keyed = rows.map((row) => ({ row, order: `${row.due_at ?? '\uffff'} ${row.key}` }));
  keyed.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  return keyed;
}

export async function loadIncident(db: DbOrTrx, id: number, now: string): Promise<Incident | undefined> {
  const row = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return toIncident(row, (await obligationsOf(db, [id], now)).get(id) ?? []);
}

export async function insertIncident(db: DbOrTrx, row: Insertable<IncidentsTable>): Promise<IncidentRow> {
  return db.insertInto('incidents').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Stores new obligations of an incident in one statement; their stored rows back. */
export async function insertObligations(
  db: DbOrTrx,
  incidentId: number,
  obligations: Obligation[],
): Promise<Selectable<IncidentObligationsTable>[]> {
  if (obligations.length === 0) return [];
  return db
    .insertInto('incident_obligations')
    .values(obligations.map((o) => obligationRow(incidentId, o)))
    .returningAll()
    .execute();
}

/** An obligation as its row is stored, not yet told overdue. */
export function obligationRow(incidentId: number, o: Obligation): Insertable<IncidentObligationsTable> {
  return {
    incident_id: incidentId,
    key: o.key,
    kind: o.kind,
    due_at: o.dueAt,
    done_at: o.doneAt,
    report_number: o.reportNumber,
    late: o.late ? 1 : 0,
    overdue_raised_at: null,
  };
}

export async function updateIncidentRow(
  db: DbOrTrx,
  id: number,
  patch: Partial<Insertable<IncidentsTable>>,
): Promise<void> {
  await db.updateTable('incidents').set(patch).where('id', '=', id).execute();
}

/**
 * Writes the computed obligations; a row keeps its overdue mark, one no longer owed is dropped (as
 * are the keys of an older scheme). A row already met is frozen: its deadline, report and late mark
 * never change on a later recompute (a regrade or an edited time is never retroactive, and
 * statistics read these rows).
 */
export async function syncObligations(
  db: DbOrTrx,
  incidentId: number,
  obligations: Obligation[],
): Promise<void> {
  const existing = await db
    .selectFrom('incident_obligations')
    .select(['key', 'done_at'])
    .where('incident_id', '=', incidentId)
    .execute();
  const frozen = new Set(existing.filter((r) => r.done_at !== null).map((r) => r.key));
  const keep = new Set(obligations.map((o) => o.key));
  const stale = existing.map((r) => r.key).filter((k) => !keep.has(k));
  if (stale.length)
    await db
      .deleteFrom('incident_obligations')
      .where('incident_id', '=', incidentId)
      .where('key', 'in', stale)
      .execute();
  const have = new Set(existing.map((r) => r.key));
  for (const o of obligations) {
    if (frozen.has(o.key)) continue;
    const values = {
      kind: o.kind,
      due_at: o.dueAt,
      done_at: o.doneAt,
      report_number: o.reportNumber,
      late: o.late ? 1 : 0,
    };
    if (have.has(o.key))
      await db
        .updateTable('incident_obligations')
        .set(values)
        .where('incident_id', '=', incidentId)
        .where('key', '=', o.key)
        .execute();
  }
  await insertObligations(
    db,
    incidentId,
    obligations.filter((o) => !have.has(o.key)),
  );
}

export function toReport(row: Selectable<IncidentReportsTable>, delivery: Report['delivery']): Report {
  return {
    id: Number(row.id),
    incidentId: Number(row.incident_id),
    number: Number(row.number),
    title: row.title,
    kind: row.kind,
    channel: row.channel,
    recipient: row.recipient,
    text: row.text,
    signedOffBy: row.signed_off_by,
    signoff: row.signoff ? (JSON.parse(row.signoff) as ReportSignoff) : null,
    sentAt: row.sent_at,
    sentBy: row.sent_by,
    late: row.late === 1,
    delivery,
  };
}

export async function reportRows(
  db: DbOrTrx,
  incidentId: number,
): Promise<Selectable<IncidentReportsTable>[]> {
  return db
    .selectFrom('incident_reports')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .orderBy('number')
    .execute();
}

export async function insertReport(
  db: DbOrTrx,
  row: Insertable<IncidentReportsTable>,
): Promise<Selectable<IncidentReportsTable>> {
  return db.insertInto('incident_reports').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function actionRows(
  db: DbOrTrx,
  incidentId: number,
): Promise<Selectable<IncidentActionsTable>[]> {
  return db
    .selectFrom('incident_actions')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .orderBy('id')
    .execute();
}

export async function insertAction(
  db: DbOrTrx,
  row: Insertable<IncidentActionsTable>,
): Promise<Selectable<IncidentActionsTable>> {
  return db.insertInto('incident_actions').values(row).returningAll().executeTakeFirstOrThrow();
}
