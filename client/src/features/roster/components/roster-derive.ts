import type { RosterCheck, RosterView, Shift } from '@shared/schemas/roster';
import type { Swap } from '@shared/schemas/swaps';
import type { User } from '@shared/schemas/users';
import { byRoleThenStart } from './roster-labels';

export type Check = RosterCheck;
export type Gap = Check['gaps'][number];
export type Understaffed = Check['understaffed'][number];
export type Conflict = Check['conflicts'][number];
export type Unqualified = Check['unqualified'][number];

export interface DayProblems {
  gaps: Gap[];
  understaffed: Understaffed[];
  conflicts: Conflict[];
  unqualified: Unqualified[];
}

export interface RosterIndex {
  shiftsByDay: Map<string, Shift[]>;
  shiftById: Map<number, Shift>;
  nameById: Map<number, string>;
  problemsByDay: Map<string, DayProblems>;
  /** Shifts named by a conflict or an unqualified finding, for highlighting names. */
  conflictShiftIds: Set<number>;
  unqualifiedShiftIds: Set<number>;
}

function emptyProblems(): DayProblems {
  return { gaps: [], understaffed: [], conflicts: [], unqualified: [] };
}

export function problemCount(p: DayProblems | Check): number {
  return p.gaps.length + p.understaffed.length + p.conflicts.length + p.unqualified.length;
}

/** Lays the view's flat lists out by day and id, and pins each check finding to the days it touches. */
export function indexRoster(view: RosterView, extraShifts: Shift[] = []): RosterIndex {
  const shiftsByDay = new Map<string, Shift[]>();
  const shiftById = new Map<number, Shift>();
  const nameById = new Map<number, string>();
  for (const shift of [...extraShifts, ...view.shifts]) {
    shiftById.set(shift.id, shift);
    nameById.set(shift.userId, shift.userName);
  }
  for (const shift of view.shifts) {
    const list = shiftsByDay.get(shift.dutyDate) ?? [];
    list.push(shift);
    shiftsByDay.set(shift.dutyDate, list);
  }
  for (const list of shiftsByDay.values()) list.sort(byRoleThenStart);

  const problemsByDay = new Map<string, DayProblems>();
  const on = (day: string) => {
    let p = problemsByDay.get(day);
    if (!p) {
      p = emptyProblems();
      problemsByDay.set(day, p);
    }
    return p;
  };
  for (const gap of view.check.gaps) {
    const from = Date.parse(gap.from);
    const to = Date.parse(gap.to);
    for (const day of view.days) {
      if (Date.parse(day.start) < to && Date.parse(day.end) > from) on(day.dutyDate).gaps.push(gap);
    }
  }
  for (const u of view.check.understaffed) on(u.dutyDate).understaffed.push(u);
  const conflictShiftIds = new Set<number>();
  for (const c of view.check.conflicts) {
    const days = new Set<string>();
    for (const id of c.shiftIds) {
      conflictShiftIds.add(id);
      const shift = shiftById.get(id);
      if (shift) days.add(shift.dutyDate);
    }
    for (const day of days) on(day).conflicts.push(c);
  }
  const unqualifiedShiftIds = new Set<number>();
  for (const u of view.check.unqualified) {
    unqualifiedShiftIds.add(u.shiftId);
    const shift = shiftById.get(u.shiftId);
    if (shift) on(shift.dutyDate).unqualified.push(u);
  }
  return { shiftsByDay, shiftById, nameById, problemsByDay, conflictShiftIds, unqualifiedShiftIds };
}

/** How a shift stands for attendance: the same four words everywhere. */
export type AttendanceState = 'checked_in' | 'late' | 'missed' | 'pending';

export function attendanceOf(shift: Shift): AttendanceState {
  if (shift.checkInAt) return shift.checkInLate ? 'late' : 'checked_in';
  return shift.missed ? 'missed' : 'pending';
}

/** Who may stand a duty role: enabled, qualified and holding the role (backup: officer or leader). */
export function eligibleFor(role: 'officer' | 'leader' | 'backup', users: User[]): User[] {
  return users.filter(
    (u) =>
      u.enabled &&
      u.qualified &&
      (role === 'backup'
        ? u.roles.includes('officer') || u.roles.includes('leader')
        : u.roles.includes(role)),
  );
}

export function isPending(swap: Swap): boolean {
  return swap.status === 'requested' || swap.status === 'accepted';
}
