import { eachDay } from './duty-day';
import type { DutyRole, LocalDate, NewRosterShift, RosterContext } from './roster-types';
import { fullSlot, type ShiftSlot, shiftTimes, slotsFor } from './shift-templates';
import { staffingFor } from './staffing';

export interface RotationInput {
  from: LocalDate;
  to: LocalDate;
  ctx: RosterContext;
  /** In rotation order; each list is a cycle that continues across slots and days. */
  officers: number[];
  leaders: number[];
  /** One backup (备班) a day when given and not empty. */
  backups?: number[];
  /** Where in each list the rotation starts (an index, taken modulo the list's length). */
  startOffsets?: { officers?: number; leaders?: number; backups?: number };
}

const LABEL: Record<DutyRole, string> = { officer: '值班员', leader: '带班领导', backup: '备班' };

function tooShort(role: DutyRole, size: number, count: number, day: LocalDate): Error {
  return new Error(
    `${day} ${LABEL[role]}需要 ${count} 人，名单只有 ${size} 人（${role} list shorter than ${count}）`,
  );
}

/** A list taken in turn: each take continues where the previous one stopped. */
function cycle(role: DutyRole, ids: number[], offset = 0): (count: number) => number[] {
  if (ids.length === 0) throw new Error(`轮班名单为空：${LABEL[role]}（${role} list is empty）`);
  // Distinct ids, and never more per take than the list holds: nobody twice in one slot.
  if (new Set(ids).size !== ids.length)
    throw new Error(`轮班名单有重复人员：${LABEL[role]}（${role} list has duplicates）`);
  let next = ((Math.trunc(offset) % ids.length) + ids.length) % ids.length;
  return (count) => {
    const taken: number[] = [];
    for (let i = 0; i < count; i++) {
      taken.push(ids[next]!);
      next = (next + 1) % ids.length;
    }
    return taken;
  };
}

/**
 * A rotation over the duty days `from`..`to`: for each day, each officer slot of the template gets
 * the day's minimum of officers, the leader slot the minimum of leaders, and one backup if a backup
 * list is given. Deterministic; throws before producing anything when a list cannot fill a slot.
 */
export function generateRotation(input: RotationInput): NewRosterShift[] {
  const { ctx, startOffsets = {} } = input;
  const days = eachDay(input.from, input.to);
  const officers = cycle('officer', input.officers, startOffsets.officers);
  const leaders = cycle('leader', input.leaders, startOffsets.leaders);
  const backups = input.backups?.length ? cycle('backup', input.backups, startOffsets.backups) : null;
  const staffing = days.map((day) => staffingFor(day, ctx));
  days.forEach((day, i) => {
    const need = staffing[i]!;
    if (need.officers > input.officers.length)
      throw tooShort('officer', input.officers.length, need.officers, day);
    if (need.leaders > input.leaders.length)
      throw tooShort('leader', input.leaders.length, need.leaders, day);
  });

  const shifts: NewRosterShift[] = [];
  const add = (day: LocalDate, slot: ShiftSlot, role: DutyRole, userIds: number[]) => {
    const times = shiftTimes(day, slot.kind, ctx.settings);
    for (const userId of userIds)
      shifts.push({ userId, role, dutyDate: day, kind: slot.kind, ...times, zone: ctx.zone });
  };
  days.forEach((day, i) => {
    const need = staffing[i]!;
    for (const slot of slotsFor(ctx.settings)) add(day, slot, 'officer', officers(need.officers));
    add(day, fullSlot(ctx.settings), 'leader', leaders(need.leaders));
    if (backups) add(day, fullSlot(ctx.settings), 'backup', backups(1));
  });
  return shifts;
}
