import { DISTRICT_PATH } from '@shared/domain/district';
import { ACCIDENT_CATEGORIES, type CategoryCode, type Grade } from '@shared/domain/incident-types';
import type { StatsQuery } from '@shared/schemas/stats';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../../db/database';

/** What the figures are about: the period as stored instants, the filters, and "now" for overdue. */
export interface StatsScope {
  from: string;
  to: string;
  now: string;
  category?: CategoryCode;
  grade?: Grade | 'none';
  source?: StatsQuery['source'];
  /**
   * The caller's subtree of units (DESIGN 2.7): only incidents whose unit path starts with it count.
   * Undefined or the district's `/1/`: all of them.
   */
  unitPath?: string;
}

/** Whether the figures are the whole district's (the district room's duty record belongs to them). */
export function wholeDistrict(s: StatsScope): boolean {
  return s.unitPath === undefined || s.unitPath === DISTRICT_PATH;
}

export const ACCIDENTS: readonly CategoryCode[] = ACCIDENT_CATEGORIES;
export const INITIAL_KINDS = ['initial_phone', 'initial_written'] as const;
export const FOLLOWUP_KINDS = ['followup_daily', 'followup_change'] as const;

/** The incident filters (category, grade, source) and the drill flag: drills are only ever counted apart. */
export function matching(eb: ExpressionBuilder<Database, 'incidents'>, s: StatsScope, drill = false) {
  const conditions = [eb('incidents.drill', '=', drill ? 1 : 0)];
  if (s.category) conditions.push(eb('incidents.category', '=', s.category));
  if (s.grade === 'none') conditions.push(eb('incidents.grade', 'is', null));
  else if (s.grade) conditions.push(eb('incidents.grade', '=', s.grade));
  if (s.source) conditions.push(eb('incidents.source', '=', s.source));
  if (!wholeDistrict(s)) conditions.push(eb('incidents.unit_path', 'like', `${s.unitPath}%`));
  return eb.and(conditions);
}

/** Incidents received in [from, to) that match the filters. */
export function received(eb: ExpressionBuilder<Database, 'incidents'>, s: StatsScope, drill = false) {
  return eb.and([
    eb('incidents.received_at', '>=', s.from),
    eb('incidents.received_at', '<', s.to),
    matching(eb, s, drill),
  ]);
}

/**
 * 迟报: an obligation met after its deadline, or unmet and strictly past it now (at the deadline
 * itself it is still on time, as in the deadline rules).
 */
export function lateOrOverdue(eb: ExpressionBuilder<Database, 'incident_obligations'>, now: string) {
  return eb.or([
    eb('incident_obligations.late', '=', 1),
    eb.and([eb('incident_obligations.done_at', 'is', null), eb('incident_obligations.due_at', '<', now)]),
  ]);
}

/** Unmet and not yet due: still running. */
export function running(eb: ExpressionBuilder<Database, 'incident_obligations'>, now: string) {
  return eb.and([
    eb('incident_obligations.done_at', 'is', null),
    eb('incident_obligations.due_at', '>=', now),
  ]);
}

/** COUNT and SUM come back as strings (int8) on PostgreSQL and null over no rows. */
export const num = (value: unknown): number => Number(value ?? 0);

/** SUM of a 0/1 CASE: how many rows meet `condition`, as one aggregate that runs the same on both dialects. */
export function countWhere<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  condition: Expression<SqlBool>,
) {
  return eb.fn.sum(eb.case().when(condition).then(eb.lit(1)).else(eb.lit(0)).end());
}
