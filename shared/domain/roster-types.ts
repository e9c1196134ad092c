import type { Static } from 'typebox';
import type { DutyRole as DutyRoleSchema, PeriodKind, ShiftKind as ShiftKindSchema } from '../schemas/roster';
import type { DutySettings } from '../schemas/settings';
import type { Role } from '../schemas/users';
import type { DutyDriver } from './duty-drivers';
import type { CalendarData } from './official-calendar';

/** A local calendar date, YYYY-MM-DD; for a duty day, the date on which it starts. */
export type LocalDate = string;
/** A local wall-clock time, YYYY-MM-DDTHH:mm, in the roster's zone. */
export type LocalDateTime = string;

export type DutyRole = Static<typeof DutyRoleSchema>;
/** full: the whole duty day (hand-over to hand-over); day / night: the two halves of day_night. */
export type ShiftKind = Static<typeof ShiftKindSchema>;

/** One person's stint on the roster, stored as wall-clock times plus zone (never start + duration). */
export interface RosterShift {
  id: number;
  userId: number;
  role: DutyRole;
  dutyDate: LocalDate;
  kind: ShiftKind;
  startLocal: LocalDateTime;
  endLocal: LocalDateTime;
  zone: string;
}

export type NewRosterShift = Omit<RosterShift, 'id'>;

export interface RosterPerson {
  id: number;
  displayName: string;
  roles: Role[];
  qualified: boolean;
  enabled: boolean;
}

export type DutyPeriodKind = Static<typeof PeriodKind>;

/** Strengthened duty (加强值班) or a calendar fact (调休 make-up workday); dates inclusive, local. */
export interface DutyPeriod {
  id: number;
  kind: DutyPeriodKind;
  name: string;
  fromDate: LocalDate;
  toDate: LocalDate;
  /** Minimums for this period; default: settings.strengthenedStaffing. Not used for makeup_workday. */
  officers?: number | null;
  leaders?: number | null;
  /** The leader must be in the duty room on these days (领导在岗带班); default false. */
  leaderOnSite?: boolean;
}

/** One thing that strengthens a duty day, and what it asks for. */
export interface StaffingCause {
  kind: 'season' | 'period' | 'key_period' | 'warning' | 'response';
  /** e.g. 汛期, 国庆节, 暴雨橙色预警, 防汛Ⅲ级应急响应, or a declared period's name. */
  label: string;
  /** The warning, response or period id, when it has one. */
  id: number | null;
  level: DutyDriver['level'] | null;
  officers: number;
  leaders: number;
  /** The leader must be in the duty room (checked in), not only on call: 领导在岗带班. */
  leaderOnSite: boolean;
}

export interface Staffing {
  officers: number;
  leaders: number;
  /** Whether a leader must check in to the duty room (red warning, Ⅲ-level response or above). */
  leaderOnSite: boolean;
  strengthened: boolean;
  /** Names of the periods (and seasons, key periods, warnings, responses) that raised it. */
  reasons: string[];
  causes: StaffingCause[];
}

export interface Gap {
  role: 'officer' | 'leader';
  /** UTC ISO instants of the uncovered interval. */
  from: string;
  to: string;
}

export interface Understaffed {
  dutyDate: LocalDate;
  kind: ShiftKind;
  role: 'officer' | 'leader';
  required: number;
  actual: number;
  /** What raised the minimum above the normal one (empty when the normal minimum is not met). */
  reasons: string[];
}

export interface Conflict {
  userId: number;
  kind: 'overlap' | 'too_long' | 'too_little_rest';
  shiftIds: number[];
  detail: string;
}

export interface Unqualified {
  shiftId: number;
  userId: number;
  reason: 'not_qualified' | 'disabled' | 'wrong_role' | 'unknown_person';
}

export interface RosterCheck {
  ok: boolean;
  gaps: Gap[];
  understaffed: Understaffed[];
  conflicts: Conflict[];
  unqualified: Unqualified[];
}

export interface RosterContext {
  zone: string;
  settings: DutySettings;
  periods: DutyPeriod[];
  /** The official calendar in force (重点时段); default: the shipped schedule. */
  calendar?: CalendarData;
  /** Warnings and responses around the range (DESIGN §2.5); default none. */
  drivers?: DutyDriver[];
  /** Now (UTC ISO): a driver still in force (to null) is taken to last until then. Default: for ever. */
  asOf?: string;
}
