import type { Shift } from '@shared/schemas/roster';
import type { AnyKey } from '../i18n';

export type AttendanceState = 'checked_in' | 'late' | 'missed' | 'pending' | 'checked_out';

export function attendanceOf(shift: Shift): AttendanceState {
  if (shift.checkOutAt) return 'checked_out';
  if (shift.checkInAt) return shift.checkInLate ? 'late' : 'checked_in';
  return shift.missed ? 'missed' : 'pending';
}

export const attendanceLook: Record<AttendanceState, { color: string; key: AnyKey }> = {
  checked_in: { color: 'success', key: 'duty.att.checked_in' },
  late: { color: 'warning', key: 'duty.att.late' },
  missed: { color: 'error', key: 'duty.att.missed' },
  pending: { color: 'default', key: 'duty.att.pending' },
  checked_out: { color: 'processing', key: 'duty.att.checked_out' },
};

/** One person's post, for running text ("王芳（值班员）"). */
export const dutyRoleOne: Record<Shift['role'], AnyKey> = {
  officer: 'duty.one.officer',
  leader: 'duty.one.leader',
  backup: 'duty.one.backup',
};
