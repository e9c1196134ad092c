import { DEFAULT_HOPS, parseDuration } from './deadline-policy';
import { addDays, localDateOf, localToInstant } from './duty-day';
import { classOf } from './grading';
import type {
  DeadlinePolicy,
  DeadlineRule,
  Grade,
  Obligation,
  ObligationInput,
  ReportRecord,
} from './incident-types';

const ms = (iso: string) => new Date(iso).getTime();
const iso = (at: number) => new Date(at).toISOString();

function matches(rule: DeadlineRule, input: ObligationInput): boolean {
  const { applies, grades } = rule;
  if (applies !== '*' && applies !== input.category && applies !== classOf(input.category)) return false;
  if (grades === '*') return true;
  return grades.includes(input.grade ?? 'ungraded') || (input.nearMiss && grades.includes('near_miss'));
}

/** The strictest (shortest) `within` over the matching rules of a kind, or null when none match. */
function strictest(
  kind: DeadlineRule['kind'],
  input: ObligationInput,
  policy: DeadlinePolicy,
): number | null {
  const limits = policy.initial
    .filter((r) => r.kind === kind && matches(r, input))
    .map((r) => parseDuration(r.within));
  return limits.length > 0 ? Math.min(...limits) : null;
}

function met(kind: Obligation['kind'], key: string, due: number | null, report?: ReportRecord): Obligation {
  const doneAt = report ? ms(report.sentAt) : null;
  return {
    kind,
    key,
    dueAt: due === null ? null : iso(due),
    doneAt: doneAt === null ? null : iso(doneAt),
    reportNumber: report?.number ?? null,
    late: doneAt !== null && due !== null && doneAt > due,
  };
}

/** The end of the local calendar day of `at`: the next local midnight, as an instant. */
function endOfLocalDay(at: number, zone: string): number {
  return localToInstant(`${addDays(localDateOf(new Date(at), zone), 1)}T00:00`, zone).getTime();
}

/**
 * Every reporting obligation of an incident under `policy`, met or not, ordered by due time (the
 * 终报, with no due time, last). Instants come back as UTC ISO strings.
 */
export function computeObligations(input: ObligationInput, policy: DeadlinePolicy): Obligation[] {
  const reports = [...input.reports].sort((a, b) => ms(a.sentAt) - ms(b.sentAt) || a.number - b.number);
  const received = ms(input.receivedAt);
  const initials = reports.filter((r) => r.kind === 'initial');
  const updates = reports.filter((r) => r.kind === 'followup' || r.kind === 'final');
  const finalReport = reports.find((r) => r.kind === 'final');
  const out: Obligation[] = [];

  const phone = strictest('initial_phone', input, policy);
  // A written 首报 sent in time also tells the superior by the quickest route, so any channel counts.
  if (phone !== null) out.push(met('initial_phone', 'initial_phone', received + phone, initials[0]));
  const written = strictest('initial_written', input, policy);
  if (written !== null) {
    const first = initials.find((r) => r.channel === 'written' || r.channel === 'system');
    out.push(met('initial_written', 'initial_written', received + written, first));
  }

  if (initials[0]) {
    const grade: Grade = input.nearMiss ? 'IV' : (input.grade ?? 'IV');
    const every = parseDuration(policy.followupEvery[grade]);
    let anchor = ms(initials[0].sentAt);
    for (let k = 1; ; k++) {
      const after = anchor;
      const next = updates.find((r) => ms(r.sentAt) > after);
      if (!next) {
        if (input.closedAt === null && !finalReport)
          out.push(met('followup_daily', `followup_daily:${k}`, anchor + every));
        break;
      }
      out.push(met('followup_daily', `followup_daily:${k}`, anchor + every, next));
      anchor = ms(next.sentAt);
    }
  }

  const window = parseDuration(policy.changeWindow[input.category] ?? policy.changeWindow.default);
  const lastChange = ms(input.occurredAt) + window;
  const changes = [...new Set(input.figureChanges.map((c) => ms(c)))].sort((a, b) => a - b);
  for (const change of changes) {
    if (change > lastChange) continue;
    const report = updates.find((r) => ms(r.sentAt) >= change);
    out.push(
      met('followup_change', `followup_change:${iso(change)}`, endOfLocalDay(change, input.zone), report),
    );
  }

  // Each hop upward: due from the receipt at the lower unit, met when the upper unit takes it.
  for (const h of input.hops ?? []) {
    const due = ms(h.receivedAt) + parseDuration((policy.hops ?? DEFAULT_HOPS)[h.hop]);
    const doneAt = h.takenAt === null ? null : ms(h.takenAt);
    out.push({
      kind: 'hop',
      key: `hop:${h.hop}`,
      dueAt: iso(due),
      doneAt: doneAt === null ? null : iso(doneAt),
      reportNumber: null,
      late: doneAt !== null && doneAt > due,
    });
  }

  out.push(met('final', 'final', null, finalReport));
  return out.sort((a, b) => (a.dueAt === null ? 1 : 0) - (b.dueAt === null ? 1 : 0) || order(a) - order(b));
}

function order(o: Obligation): number {
  return o.dueAt === null ? 0 : ms(o.dueAt);
}

/** The earliest unmet obligation that has a due time, overdue or not; null when nothing is pending. */
export function nextDeadline(obligations: Obligation[], _now: Date): Obligation | null {
  let next: Obligation | null = null;
  for (const o of obligations) {
    if (o.doneAt !== null || o.dueAt === null) continue;
    if (!next || ms(o.dueAt) < ms(next.dueAt!)) next = o;
  }
  return next;
}

/** Unmet and strictly past its due time: at the due time itself it is not yet overdue. */
export function isOverdue(o: Obligation, now: Date): boolean {
  return o.doneAt === null && o.dueAt !== null && now.getTime() > ms(o.dueAt);
}
