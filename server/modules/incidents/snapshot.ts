import type { Casualties, ReportRecord } from '@shared/domain/incident-types';
import type { ReportIncident } from '@shared/domain/report-text';
import type { DbOrTrx } from '../../db/database';
import { actionRows, type IncidentRow, reportRows } from './repo';

/** What a report says about an incident, and what the deadline rules need of its reports. */
export async function reportView(
  db: DbOrTrx,
  row: IncidentRow,
): Promise<{ snapshot: ReportIncident; reports: ReportRecord[] }> {
  const [actions, reports] = await Promise.all([
    actionRows(db, Number(row.id)),
    reportRows(db, Number(row.id)),
  ]);
  const caller = JSON.parse(row.caller);
  const snapshot: ReportIncident = {
    category: row.category,
    grade: row.grade,
    nearMiss: row.near_miss === 1,
    occurredAt: row.occurred_at,
    receivedAt: row.received_at,
    address: row.address,
    summary: row.summary,
    casualties: JSON.parse(row.casualties) as Casualties,
    directLossYuan: row.direct_loss_yuan,
    burnedAreaHa: row.burned_area_ha,
    caller,
    source: row.source,
    drill: row.drill === 1,
    accidentUnit: row.accident_unit ? JSON.parse(row.accident_unit) : null,
    // Dispatches, instructions and on-scene updates with their times; notes stay in the log.
    measures: actions
      .filter((a) => a.type === 'dispatch' || a.type === 'instruction' || a.type === 'update')
      .map((a) => ({ type: a.type as 'dispatch' | 'instruction' | 'update', text: a.text, at: a.at })),
    outcome: row.outcome,
    closedAt: row.closed_at,
  };
  return {
    snapshot,
    reports: reports.map((r) => ({
      number: Number(r.number),
      kind: r.kind,
      channel: r.channel,
      sentAt: r.sent_at,
    })),
  };
}
