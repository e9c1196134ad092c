import { formatHourMinute } from '@client/lib/time';
import type { Shift } from '@shared/schemas/roster';
import { Tag } from 'antd';
import { useWords } from '../i18n';
import { attendanceOf } from './roster-derive';

const look = {
  checked_in: { color: 'success', key: 'roster.att.checked_in' },
  late: { color: 'warning', key: 'roster.att.late' },
  missed: { color: 'error', key: 'roster.att.missed' },
  pending: { color: 'default', key: 'roster.att.pending' },
} as const;

export function AttendanceTag({ shift }: { shift: Shift }) {
  const t = useWords();
  const state = attendanceOf(shift);
  return (
    <Tag color={look[state].color} data-state={state}>
      {t(look[state].key)}
      {shift.checkInAt && ` ${formatHourMinute(shift.checkInAt)}`}
    </Tag>
  );
}
