import { computeObligations, nextDeadline } from '@shared/domain/deadlines';
import type {
  DeadlinePolicy,
  GradeChange,
  HopRecord,
  Obligation,
  ReportRecord,
} from '@shared/domain/incident-types';
import type { DbOrTrx } from '../../db/database';
import { statutoryObligationsFor } from './direct-report';
import { hopRecords } from './hops-repo';
import { incidentPolicy } from './policy';
import { type IncidentRow, syncObligations, updateIncidentRow } from './repo';

/** What the deadline rules read of an incident row. */
export type ObligationFields = Pick<
  IncidentRow,
  | 'category'
  | 'grade'
  | 'near_miss'
  | 'occurred_at'
  | 'received_at'
  | 'figure_changes'
  | 'closed_at'
  | 'grade_history'
>;

/** The obligations of an incident with these reports and hops, under the given policy (pure). */
export function obligationsUnder(
  row: ObligationFields,
  reports: ReportRecord[],
  hops: HopRecord[],
  zone: string,
  policy: DeadlinePolicy,
): Obligation[] {
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
      grades: row.grade_history ? (JSON.parse(row.grade_history) as GradeChange[]) : undefined,
      hops,
    },
    policy,
  );
}

/**
 * The obligations an incident has with the given reports, under the policy it was received under and
 * by its grade history (pure apart from reading its hops and the policy of an incident that kept none).
 */
export async function obligationsFor(
  db: DbOrTrx,
  row: IncidentRow,
  reports: ReportRecord[],
  zone: string,
): Promise<Obligation[]> {
  const hops = await hopRecords(db, Number(row.id));
  return obligationsUnder(row, reports, hops, zone, await incidentPolicy(db, row.policy));
}

/** Recomputes and stores the obligations and the incident's next deadline. */
export async function refreshObligations(
  db: DbOrTrx,
  row: IncidentRow,
  reports: ReportRecord[],
  zone: string,
  now: Date,
): Promise<void> {
  const obligations = [
    ...(await obligationsFor(db, row, reports, zone)),
    ...(await statutoryObligationsFor(db, row)),
  ];
  await syncObligations(db, Number(row.id), obligations);
  await updateIncidentRow(db, Number(row.id), { next_due_at: nextDeadline(obligations, now)?.dueAt ?? null });
}
