import type { Staffing } from './roster-types';

/** Who stands the post at an instant, as the shortfall needs it. */
export interface OnDuty {
  officers: { userId: number; checkedIn: boolean }[];
  leaders: { userId: number; checkedIn: boolean }[];
}

/** One way the post falls short of the minimum at an instant. */
export interface Shortfall {
  /** officers / leaders: too few rostered; leader_on_site: no leader checked in to the duty room. */
  need: 'officers' | 'leaders' | 'leader_on_site';
  required: number;
  actual: number;
  /** What asks for it: the labels of the warnings, responses, 重点时段 or periods (empty: the normal minimum). */
  reasons: string[];
}

/**
 * The shortfall of the post against the duty day's minimum: too few officers or leaders rostered
 * (each counted once), and — when a red warning or a Ⅲ-level response or above is in force — no
 * leader checked in to the duty room (a leader only on call does not count).
 */
export function dutyShortfall(
  need: Staffing,
  onDuty: OnDuty,
  normal: { officers: number; leaders: number },
): Shortfall[] {
  const out: Shortfall[] = [];
  const why = (raised: boolean, pick: (c: Staffing['causes'][number]) => boolean) =>
    raised ? [...new Set(need.causes.filter(pick).map((c) => c.label))] : [];
  const officers = new Set(onDuty.officers.map((o) => o.userId)).size;
  if (officers < need.officers)
    out.push({
      need: 'officers',
      required: need.officers,
      actual: officers,
      reasons: why(need.officers > normal.officers, (c) => c.officers > normal.officers),
    });
  const leaders = new Set(onDuty.leaders.map((l) => l.userId)).size;
  if (leaders < need.leaders)
    out.push({
      need: 'leaders',
      required: need.leaders,
      actual: leaders,
      reasons: why(need.leaders > normal.leaders, (c) => c.leaders > normal.leaders),
    });
  if (need.leaderOnSite) {
    const inRoom = new Set(onDuty.leaders.filter((l) => l.checkedIn).map((l) => l.userId)).size;
    if (inRoom < 1)
      out.push({
        need: 'leader_on_site',
        required: 1,
        actual: inRoom,
        reasons: why(true, (c) => c.leaderOnSite),
      });
  }
  return out;
}
