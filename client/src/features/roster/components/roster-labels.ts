import type { Shift } from '@shared/schemas/roster';
import type { Swap } from '@shared/schemas/swaps';
import type { AnyKey } from '../i18n';

export type DutyRole = Shift['role'];
export type ShiftKind = Shift['kind'];
export type PeriodKind =
  | 'holiday'
  | 'makeup_workday'
  | 'flood_season'
  | 'fire_season'
  | 'sensitive'
  | 'response';

export const DUTY_ROLES: DutyRole[] = ['officer', 'leader', 'backup'];
export const PERIOD_KINDS: PeriodKind[] = [
  'holiday',
  'makeup_workday',
  'flood_season',
  'fire_season',
  'sensitive',
  'response',
];

export const dutyRoleLabel: Record<DutyRole, AnyKey> = {
  officer: 'roster.role.officer',
  leader: 'roster.role.leader',
  backup: 'roster.role.backup',
};

/** One character for the tight calendar cell: 值 / 带 / 备. */
export const dutyRoleShort: Record<DutyRole, AnyKey> = {
  officer: 'roster.roleShort.officer',
  leader: 'roster.roleShort.leader',
  backup: 'roster.roleShort.backup',
};

export const dutyRoleColor: Record<DutyRole, string> = { officer: 'blue', leader: 'gold', backup: 'default' };

export const shiftKindLabel: Record<ShiftKind, AnyKey> = {
  full: 'roster.kind.full',
  day: 'roster.kind.day',
  night: 'roster.kind.night',
};

export const shiftKindShort: Record<ShiftKind, AnyKey> = {
  full: 'roster.kindShort.full',
  day: 'roster.kindShort.day',
  night: 'roster.kindShort.night',
};

export const periodKindLabel: Record<PeriodKind, AnyKey> = {
  holiday: 'period.kind.holiday',
  makeup_workday: 'period.kind.makeup_workday',
  flood_season: 'period.kind.flood_season',
  fire_season: 'period.kind.fire_season',
  sensitive: 'period.kind.sensitive',
  response: 'period.kind.response',
};

export const periodKindColor: Record<PeriodKind, string> = {
  holiday: 'red',
  makeup_workday: 'default',
  flood_season: 'blue',
  fire_season: 'volcano',
  sensitive: 'purple',
  response: 'magenta',
};

export const unqualifiedLabel: Record<string, AnyKey> = {
  not_qualified: 'roster.unqualified.not_qualified',
  disabled: 'roster.unqualified.disabled',
  wrong_role: 'roster.unqualified.wrong_role',
  unknown_person: 'roster.unqualified.unknown_person',
};

export const conflictLabel: Record<string, AnyKey> = {
  overlap: 'roster.conflict.overlap',
  too_long: 'roster.conflict.too_long',
  too_little_rest: 'roster.conflict.too_little_rest',
};

export const swapStatusLabel: Record<Swap['status'], AnyKey> = {
  requested: 'swap.status.requested',
  accepted: 'swap.status.accepted',
  approved: 'swap.status.approved',
  rejected: 'swap.status.rejected',
  cancelled: 'swap.status.cancelled',
};

export const swapStatusColor: Record<Swap['status'], string> = {
  requested: 'processing',
  accepted: 'warning',
  approved: 'success',
  rejected: 'error',
  cancelled: 'default',
};

/** Officers first, then the leader, then backups; within a role by start. */
export function byRoleThenStart(a: Shift, b: Shift): number {
  const order = DUTY_ROLES.indexOf(a.role) - DUTY_ROLES.indexOf(b.role);
  return order !== 0 ? order : a.start.localeCompare(b.start) || a.id - b.id;
}
