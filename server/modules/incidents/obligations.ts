import { computeObligations, nextDeadline } from '@shared/domain/deadlines';
import type { Obligation, ReportRecord } from '@shared/domain/incident-types';
import type { DbOrTrx } from '../../db/database';
import { hopRecords } from './hops-repo';
import { getDeadlinePolicy } from './policy';
import { type IncidentRow, syncObligations, updateIncidentRow } from './repo';

/** The obligations an incident has with the given reports (pure apart from reading the policy). */
export async function obligationsFor(
  db: DbOrTrx,
  row: IncidentRow,
  reports: ReportRecord[],
  zone: string,
): Promise<Obligation[]> {
  return computeObligations(
    {
      category: row.category,
      grade: row.grade,
      nearMiss: row.near_miss === 1,
      occurredAt: row.occurred_at,
      receivedAt: row.received_at,
      figureChanges: JSON.parse(row.figure_changes) as string[],
      reports,
      closedAt: row.closed_at,
      zone,
      hops: await hopRecords(db, Number(row.id)),
    },
    await getDeadlinePolicy(db),
  );
}

/** Recomputes and stores the obligations and the incident's next deadline. */
export async function refreshObligations(
  db: DbOrTrx,
  row: IncidentRow,
  reports: ReportRecord[],
  zone: string,
  now: Date,
): Promise<void> {
  const obligations = await obligationsFor(db, row, reports, zone);
  await syncObligations(db, Number(row.id), obligations);
  await updateIncidentRow(db, Number(row.id), { next_due_at: nextDeadline(obligations, now)?.dueAt ?? null });
}
