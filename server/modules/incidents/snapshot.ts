import type { Casualties, ReportRecord } from '@shared/domain/incident-types';
import type { ReportIncident } from '@shared/domain/report-text';
import { categoryName } from '@shared/domain/report-text';
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
    title: `${categoryName(row.category)}：${row.address}`,
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
    measures: actions.filter((a) => a.type !== 'note').map((a) => a.text),
    outcome: row.outcome,
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
