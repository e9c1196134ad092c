import { monthRange } from '@shared/domain/duty-day';
import type { PublishedEdit } from '@shared/events';
import type { EditReasonBody, RosterCheck } from '@shared/schemas/roster';
import { DutyError } from '../../errors';
import type { Tx } from '../../events/command';
import { nowStored } from '../../time';
import * as repo from './repo';

type Checker = (from: string, to: string) => Promise<RosterCheck>;

const problemCount = (c: Omit<RosterCheck, 'ok'>) =>
  c.gaps.length + c.understaffed.length + c.conflicts.length + c.unqualified.length;

/**
 * What the checks find after an edit that they did not find before it: a gap not inside an earlier
 * gap of the same role, a day and role newly understaffed (or more so), a conflict or unqualified
 * shift not there before. Problems the month was published with (overridden then) are not new.
 */
export function newProblems(before: RosterCheck, after: RosterCheck): RosterCheck {
  const gaps = after.gaps.filter(
    (g) => !before.gaps.some((b) => b.role === g.role && b.from <= g.from && g.to <= b.to),
  );
  const understaffed = after.understaffed.filter(
    (u) =>
      !before.understaffed.some(
        (b) => b.dutyDate === u.dutyDate && b.kind === u.kind && b.role === u.role && b.actual <= u.actual,
      ),
  );
  const conflictKey = (c: RosterCheck['conflicts'][number]) =>
    `${c.userId}|${c.kind}|${[...c.shiftIds].sort((a, b) => a - b).join(',')}`;
  const knownConflicts = new Set(before.conflicts.map(conflictKey));
  const conflicts = after.conflicts.filter((c) => !knownConflicts.has(conflictKey(c)));
  const knownUnqualified = new Set(before.unqualified.map((u) => `${u.shiftId}|${u.reason}`));
  const unqualified = after.unqualified.filter((u) => !knownUnqualified.has(`${u.shiftId}|${u.reason}`));
  const found = { gaps, understaffed, conflicts, unqualified };
  return { ok: problemCount(found) === 0, ...found };
}

/**
 * The rule for editing a roster already published (DESIGN §2.1): the edit says why; when the checks
 * then find a problem the month did not have, it stands only as an administrator's override; and
 * the month shows "changed since publishing" until it is published again. Opened before the edit
 * (it reads the checks as they stand), `finish` runs after it, in the same transaction, so a refusal
 * rolls the edit back.
 */
export async function guardPublishedEdit(
  tx: Tx,
  months: string[],
  body: EditReasonBody,
  check: Checker,
): Promise<{ finish(): Promise<PublishedEdit | undefined> }> {
  const unique = [...new Set(months)].sort();
  const published = (await repo.monthsBetween(tx.trx, unique[0]!, unique.at(-1)!)).filter(
    (m) => unique.includes(m.month) && m.status === 'published',
  );
  if (published.length === 0) return { finish: async () => undefined };
  const names = published.map((m) => m.month).join(', ');
  const reason = body.reason?.trim();
  if (!reason) {
    throw new DutyError(
      'DUTY_ERR_VALIDATION',
      `body.reason is required: the roster of ${names} is published, so every change to it says why`,
    );
  }
  const before = await Promise.all(
    published.map((m) => {
      const { from, to } = monthRange(m.month);
      return check(from, to);
    }),
  );
  return {
    async finish() {
      const found: RosterCheck = { ok: true, gaps: [], understaffed: [], conflicts: [], unqualified: [] };
      for (const [i, m] of published.entries()) {
        const { from, to } = monthRange(m.month);
        const fresh = newProblems(before[i]!, await check(from, to));
        found.gaps.push(...fresh.gaps);
        found.understaffed.push(...fresh.understaffed);
        found.conflicts.push(...fresh.conflicts);
        found.unqualified.push(...fresh.unqualified);
      }
      found.ok = problemCount(found) === 0;
      if (!found.ok && body.override !== true) {
        throw new DutyError(
          'DUTY_ERR_ROSTER_CHECKS_FAILED',
          `this change gives the published roster of ${names} ${problemCount(found)} new problem(s): gaps, understaffed shifts, conflicts or unqualified people; change it otherwise or override (body.override) with the reason`,
          {},
          { check: found },
        );
      }
      const now = nowStored(tx.clock);
      for (const m of published) await repo.saveMonth(tx.trx, { ...m, changedAt: now, changedBy: tx.actor });
      return {
        reason,
        override: !found.ok,
        problems: problemCount(found),
        months: published.map((m) => m.month),
      };
    },
  };
}
