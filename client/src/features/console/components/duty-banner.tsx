import { AlertOutlined, ThunderboltFilled, WarningFilled } from '@ant-design/icons';
import { useLang, useT } from '@client/lib/i18n';
import { formatDay } from '@client/lib/time';
import type { DutyNow } from '@shared/schemas/attendance';
import type { Shift } from '@shared/schemas/roster';
import { Alert, Spin, Tag } from 'antd';
import type { ReactNode } from 'react';
import { dutyRoleOne } from './duty-labels';
import { DutyPerson } from './duty-person';
import { ShiftCountdown } from './shift-countdown';

interface Props {
  duty: DutyNow | null;
  error: string | null;
  meId: number;
  /** The 查岗 button for leaders and administrators. */
  actions?: ReactNode;
}

function Column({
  title,
  shifts,
  showState,
  meId,
  empty,
  testId,
  warn,
}: {
  title: string;
  shifts: Shift[];
  showState: boolean;
  meId: number;
  empty: ReactNode;
  testId: string;
  warn?: ReactNode;
}) {
  return (
    <div className="duty-col" data-testid={testId} data-count={shifts.length}>
      <div className="duty-col-title">
        {title}
        {warn}
      </div>
      {shifts.length === 0
        ? empty
        : shifts.map((s) => (
            <DutyPerson key={s.id} shift={s} showState={showState} isMe={s.userId === meId} />
          ))}
    </div>
  );
}

/** 当前值班: the wall banner of the duty room, readable from across it. */
export function DutyBanner({ duty, error, meId, actions }: Props) {
  const t = useT();
  const lang = useLang();
  if (!duty) {
    return (
      <div className="duty-banner duty-banner-loading" data-testid="duty-banner">
        {error ? <Alert type="error" showIcon title={error} /> : <Spin />}
      </div>
    );
  }
  const short = duty.officers.length < duty.officersRequired;
  const noLeader = duty.leaders.length < duty.leadersRequired;
  const nextNames = duty.next
    .map((s) => t('duty.nextItem', { name: s.userName, role: t(dutyRoleOne[s.role]) }))
    .join(t('duty.listSep'));
  return (
    <div className={`duty-banner${duty.strengthened ? ' duty-banner-strong' : ''}`} data-testid="duty-banner">
      <div className="duty-banner-head">
        <span className="duty-banner-title">
          <AlertOutlined /> {t('duty.now')}
        </span>
        <span className="duty-banner-day">{t('duty.dutyDay', { day: formatDay(duty.dutyDate, lang) })}</span>
        {duty.strengthened && (
          <Tag
            color="orange"
            icon={<ThunderboltFilled />}
            className="duty-banner-tag"
            data-testid="strengthened-notice"
          >
            {t('duty.strengthened', { reasons: duty.reasons.join(t('duty.listSep')) })}
          </Tag>
        )}
        {!duty.published && (
          <Tag color="gold" className="duty-banner-tag">
            {t('duty.unpublished')}
          </Tag>
        )}
        <span className="duty-banner-actions">{actions}</span>
      </div>
      <div className="duty-banner-body">
        <Column
          title={t('duty.role.officer')}
          shifts={duty.officers}
          showState
          meId={meId}
          testId="duty-officers"
          empty={
            <div className="duty-empty duty-empty-red">
              <WarningFilled /> {t('duty.noOfficer')}
            </div>
          }
          warn={
            short && duty.officers.length > 0 ? (
              <Tag color="orange" className="duty-col-warn">
                {t('duty.understaffed', { actual: duty.officers.length, required: duty.officersRequired })}
              </Tag>
            ) : null
          }
        />
        <Column
          title={t('duty.role.leader')}
          shifts={duty.leaders}
          showState={false}
          meId={meId}
          testId="duty-leader"
          empty={
            <div className="duty-empty duty-empty-red">
              <WarningFilled /> {t('duty.noLeader')}
            </div>
          }
          warn={
            noLeader && duty.leaders.length > 0 ? (
              <Tag color="orange" className="duty-col-warn">
                {t('duty.understaffed', { actual: duty.leaders.length, required: duty.leadersRequired })}
              </Tag>
            ) : null
          }
        />
        <Column
          title={t('duty.role.backup')}
          shifts={duty.backups}
          showState={false}
          meId={meId}
          testId="duty-backups"
          empty={<div className="duty-empty">{t('duty.noBackup')}</div>}
        />
        <div className="duty-col duty-col-time">
          <div className="duty-col-title">{t('duty.untilHandover')}</div>
          <ShiftCountdown end={duty.shiftEnd} />
          <div className="duty-next" data-testid="duty-next">
            <span className="duty-next-label">{t('duty.next')}</span>
            {nextNames || t('duty.nextNone')}
          </div>
        </div>
      </div>
    </div>
  );
}
