import { parseDuration } from './deadline-policy';
import { classOf } from './grading';
import type { Casualties, CategoryCode, DeadlinePolicy, Duration, Obligation } from './incident-types';

/**
 * Statutory direct reporting (联网直报, 归口直报) and the notifications with the 首报, DESIGN §2.3.
 *
 * Sources:
 * - 《生产安全事故统计管理办法》(安监总厅统计〔2016〕80号) 第三条: production-safety accidents are
 *   counted and entered online by the county-level bureau (归口统计、联网直报); 第四条: it enters them
 *   into the direct-report system "按规定时限要求"; 第五条: an accident without casualties whose direct
 *   economic loss is below 1,000,000 yuan (不含) is not counted.
 * - 安监总统计〔2016〕70号 (国家安全监管总局、公安部… 关于做好生产安全事故统计信息归口直报工作的通知):
 *   the departments notify the county bureau within 24 hours of receiving an accident report; the fire
 *   service notifies fires of production and business units in their activity, the traffic police the
 *   road-transport accidents of operating vehicles; casualty changes within 30 days (7 for fires and
 *   road traffic) are supplemented.
 * - 生产安全事故报告和调查处理条例 第十条: with the report up, the bureau notifies 公安机关, 劳动保障行政部门,
 *   工会 and 人民检察院, and 第九条/第十条 the government at its level.
 *
 * The time limit for the county bureau's own entry is set by 《生产安全事故统计调查制度》 and provincial
 * rules, which we could not quote from an authoritative text; the default here is 24 hours from receipt
 * (the same clock the notifying departments run on), configurable per profile (`directEntry.within`).
 */
export const DIRECT_REPORT_DEFAULTS: Required<Pick<DeadlinePolicy, 'directEntry' | 'notifications'>> = {
  directEntry: { within: 'P1D', notifiedWithin: 'P1D', lossThresholdYuan: 1_000_000 },
  notifications: {
    departments: ['区人民政府', '公安', '人力资源社会保障', '工会', '人民检察院'],
    // 条例 第十条 notifies with the report up: the 首报's written deadline (第十一条, 2 h).
    within: 'PT2H',
  },
};

/** Fires and road accidents reach the statistics through the fire service's / traffic police's notification. */
export const NOTIFIED_CATEGORIES: readonly CategoryCode[] = ['fire', 'road_traffic'];

export type DirectReportScope = 'in_scope' | 'not_production' | 'below_threshold' | 'drill';

export interface StatutoryInput {
  category: CategoryCode;
  drill: boolean;
  /** As the officer recorded it; null: the category decides (fire, road: no; other accidents: yes). */
  productionRelated: boolean | null;
  casualties: Casualties;
  directLossYuan: number | null;
  occurredAt: string;
  receivedAt: string;
  /** What was recorded so far: obligation key → when it was done. */
  done: Record<string, string>;
}

export function directEntryPolicy(policy: DeadlinePolicy): NonNullable<DeadlinePolicy['directEntry']> {
  return policy.directEntry ?? DIRECT_REPORT_DEFAULTS.directEntry;
}

export function notificationPolicy(policy: DeadlinePolicy): NonNullable<DeadlinePolicy['notifications']> {
  return policy.notifications ?? DIRECT_REPORT_DEFAULTS.notifications;
}

/**
 * A production-safety accident (生产安全事故): an accident category, in production and business
 * activity — for fires and road accidents only when recorded so, for the others unless recorded not.
 * Drills are not accidents.
 */
export function isProductionSafety(
  i: Pick<StatutoryInput, 'category' | 'drill' | 'productionRelated'>,
): boolean {
  if (i.drill || classOf(i.category) !== 'accident') return false;
  return NOTIFIED_CATEGORIES.includes(i.category)
    ? i.productionRelated === true
    : i.productionRelated !== false;
}

/** Anyone dead, missing or hurt (人员伤亡), whatever the severity. */
export function hasCasualties(c: Casualties): boolean {
  return (
    (c.deaths ?? 0) +
      (c.missing ?? 0) +
      (c.seriousInjuries ?? 0) +
      (c.poisoned ?? 0) +
      (c.minorInjuries ?? 0) +
      (c.injuredUnknown ?? 0) >
    0
  );
}

/** Whether the accident is counted in the statistics direct report, or why not. */
export function directReportScope(i: StatutoryInput, policy: DeadlinePolicy): DirectReportScope {
  if (i.drill) return 'drill';
  if (!isProductionSafety(i)) return 'not_production';
  const threshold = directEntryPolicy(policy).lossThresholdYuan;
  // 80号 第五条: "没有造成人员伤亡且直接经济损失小于…（不含）" is not counted: the threshold itself is.
  if (!hasCasualties(i.casualties) && (i.directLossYuan ?? 0) < threshold) return 'below_threshold';
  return 'in_scope';
}

const ms = (iso: string) => new Date(iso).getTime();
const iso = (at: number) => new Date(at).toISOString();

function recorded(
  kind: Obligation['kind'],
  key: string,
  due: number,
  doneAt: string | undefined,
): Obligation {
  const done = doneAt === undefined ? null : ms(doneAt);
  return {
    kind,
    key,
    dueAt: iso(due),
    doneAt: done === null ? null : iso(done),
    reportNumber: null,
    late: done !== null && done > due,
  };
}

export const notificationKey = (department: string) => `notification:${department}`;

/**
 * The statutory obligations of an incident that are not reports up the chain:
 * - `direct_entry`: an in-scope accident entered into the direct-report system within
 *   `directEntry.within` of receipt;
 * - `direct_notified`: an in-scope production fire or road accident, notified by the fire service /
 *   traffic police within `directEntry.notifiedWithin` of the accident (when they learned of it);
 * - `notification:<department>`: every production-safety accident (whatever its loss: the threshold is
 *   the statistics', not the 条例's), each department told within `notifications.within` of receipt.
 * A report never meets them and they never make a report late. Instants come back as UTC ISO strings.
 */
export function computeStatutoryObligations(i: StatutoryInput, policy: DeadlinePolicy): Obligation[] {
  if (!isProductionSafety(i)) return [];
  const out: Obligation[] = [];
  const received = ms(i.receivedAt);
  if (directReportScope(i, policy) === 'in_scope') {
    const direct = directEntryPolicy(policy);
    if (NOTIFIED_CATEGORIES.includes(i.category))
      out.push(
        recorded(
          'direct_notified',
          'direct_notified',
          ms(i.occurredAt) + parseDuration(direct.notifiedWithin),
          i.done.direct_notified,
        ),
      );
    out.push(
      recorded('direct_entry', 'direct_entry', received + parseDuration(direct.within), i.done.direct_entry),
    );
  }
  const notify = notificationPolicy(policy);
  const within = parseDuration(notify.within);
  for (const department of notify.departments) {
    const key = notificationKey(department);
    out.push(recorded('notification', key, received + within, i.done[key]));
  }
  return out.sort((a, b) => ms(a.dueAt!) - ms(b.dueAt!) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function durationProblem(where: string, d: Duration): string[] {
  try {
    parseDuration(d);
    return [];
  } catch (e) {
    return [`${where}: ${(e as Error).message}`];
  }
}

/** Problems with the direct-report and notification fields of a policy; empty when usable or absent. */
export function statutoryPolicyProblems(p: DeadlinePolicy): string[] {
  const problems: string[] = [];
  if (p.directEntry) {
    problems.push(...durationProblem('directEntry.within', p.directEntry.within));
    problems.push(...durationProblem('directEntry.notifiedWithin', p.directEntry.notifiedWithin));
    if (!(p.directEntry.lossThresholdYuan >= 0))
      problems.push('directEntry.lossThresholdYuan: must be zero or more');
  }
  if (p.notifications) {
    problems.push(...durationProblem('notifications.within', p.notifications.within));
    for (const d of p.notifications.departments)
      if (d.trim() === '' || d.includes(':'))
        problems.push(`notifications.departments: "${d}" is not a name`);
  }
  return problems;
}
