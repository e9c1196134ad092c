import { PhoneOutlined } from '@ant-design/icons';
import { formatHourMinute } from '@client/lib/time';
import type { Shift } from '@shared/schemas/roster';
import { Tag } from 'antd';
import { useWords } from '../i18n';
import { attendanceLook, attendanceOf } from './duty-labels';

/** A name on the wall banner: big name, phone, and (for officers, or anyone who did) the check-in state. */
export function DutyPerson({ shift, showState, isMe }: { shift: Shift; showState: boolean; isMe: boolean }) {
  const t = useWords();
  const state = attendanceOf(shift);
  const time = shift.checkInAt ? formatHourMinute(shift.checkInAt) : '';
  return (
    <div className={`duty-person${isMe ? ' duty-person-me' : ''}`} data-user-id={shift.userId}>
      <div className="duty-person-name">
        {shift.userName}
        {shift.kind !== 'full' && <span className="duty-person-kind">{t(`duty.kind.${shift.kind}`)}</span>}
      </div>
      <div className="duty-person-line">
        {shift.phone && (
          <span className="duty-person-phone">
            <PhoneOutlined /> {shift.phone}
          </span>
        )}
        {(showState || shift.checkInAt) && (
          <Tag color={attendanceLook[state].color} className="duty-person-state" data-state={state}>
            {t(attendanceLook[state].key)}
            {time && ` ${time}`}
          </Tag>
        )}
      </div>
    </div>
  );
}
