import { CheckCircleOutlined, LoginOutlined, LogoutOutlined } from '@ant-design/icons';
import { useNow } from '@client/hooks/use-now';
import { useLang } from '@client/lib/i18n';
import { formatDay, formatHourMinute, formatLocalWall } from '@client/lib/time';
import type { MyShifts } from '@shared/schemas/attendance';
import type { Shift } from '@shared/schemas/roster';
import { Alert, App, Button, Card, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { checkIn } from '../api/check-in';
import { checkOut } from '../api/check-out';
import { useWords } from '../i18n';
import { describeDutyError } from './console-errors';
import { attendanceLook, attendanceOf, dutyRoleOne } from './duty-labels';

interface Props {
  mine: MyShifts | null;
  error: string | null;
  onChanged: () => void;
}

function ShiftLine({ shift }: { shift: Shift }) {
  const t = useWords();
  const lang = useLang();
  return (
    <span>
      {formatDay(shift.dutyDate, lang)} · {t(dutyRoleOne[shift.role])} · {formatLocalWall(shift.startLocal)}–
      {formatLocalWall(shift.endLocal).slice(6)}
    </span>
  );
}

/** 到岗签到: the signed-in person's own shift, its check-in window, and the buttons. */
export function MyDutyCard({ mine, error, onChanged }: Props) {
  const t = useWords();
  const { message } = App.useApp();
  const now = useNow(5000);
  const [busy, setBusy] = useState(false);
  const current = mine?.current ?? null;

  async function run(action: () => Promise<Shift>, done: (s: Shift) => string) {
    setBusy(true);
    try {
      const shift = await action();
      message.success(done(shift));
      onChanged();
    } catch (caught) {
      message.error(describeDutyError(t, caught));
      onChanged();
    } finally {
      setBusy(false);
    }
  }

  const state = current ? attendanceOf(current) : null;
  const overdue = Boolean(
    current && !current.checkInAt && mine?.checkInDueAt && now > Date.parse(mine.checkInDueAt),
  );

  return (
    <Card title={t('duty.mine')} className="my-duty-card" data-testid="my-duty">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {current ? (
        <Space orientation="vertical" size={10} style={{ width: '100%' }}>
          <div className="my-duty-shift">
            <ShiftLine shift={current} />
          </div>
          <div>
            <Typography.Text type="secondary">{t('duty.window')}：</Typography.Text>
            <Typography.Text strong data-testid="check-in-window">
              {formatHourMinute(mine?.checkInOpensAt)} – {formatHourMinute(mine?.checkInDueAt)}
            </Typography.Text>
          </div>
          <div>
            <Typography.Text type="secondary">{t('duty.myState')}：</Typography.Text>
            {state && (
              <Tag color={attendanceLook[state].color} data-testid="check-in-state" data-state={state}>
                {t(attendanceLook[state].key)}
                {current.checkInAt && ` ${formatHourMinute(current.checkInAt)}`}
              </Tag>
            )}
          </div>
          {overdue && <Alert type="warning" showIcon title={t('duty.overdue')} />}
          {!current.checkInAt && (
            <Button
              type="primary"
              size="large"
              block
              danger={overdue}
              icon={<LoginOutlined />}
              loading={busy}
              onClick={() =>
                run(checkIn, (s) =>
                  s.checkInLate
                    ? t('duty.checkedInLate', { time: formatHourMinute(s.checkInAt) })
                    : t('duty.checkedIn', { time: formatHourMinute(s.checkInAt) }),
                )
              }
              data-testid="check-in"
            >
              {t('duty.checkIn')}
            </Button>
          )}
          {current.checkInAt && !current.checkOutAt && (
            <Button
              size="large"
              block
              icon={<LogoutOutlined />}
              loading={busy}
              onClick={() => run(checkOut, () => t('duty.checkedOut'))}
              data-testid="check-out"
            >
              {t('duty.checkOut')}
            </Button>
          )}
          {current.checkOutAt && (
            <Typography.Text type="secondary">
              <CheckCircleOutlined /> {t('duty.checkedOutAt', { time: formatHourMinute(current.checkOutAt) })}
            </Typography.Text>
          )}
        </Space>
      ) : (
        <Typography.Paragraph type="secondary" className="console-empty">
          {mine ? t('duty.noCurrent') : t('app.loading')}
        </Typography.Paragraph>
      )}
      {mine && mine.upcoming.length > 0 && (
        <div className="console-list">
          <Typography.Text type="secondary">{t('duty.upcoming')}</Typography.Text>
          <ul>
            {mine.upcoming.slice(0, 3).map((s) => (
              <li key={s.id}>
                <ShiftLine shift={s} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}
