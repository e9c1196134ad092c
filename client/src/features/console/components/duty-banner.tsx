import { AlertOutlined, ThunderboltFilled, WarningFilled } from '@ant-design/icons';
import { shortfallLines } from '@client/lib/duty-shortfall';
import { useLang } from '@client/lib/i18n';
import { formatDay } from '@client/lib/time';
import type { DutyNow } from '@shared/schemas/attendance';
import type { Shift } from '@shared/schemas/roster';
import { Alert, Spin, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useWords } from '../i18n';
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

interface ColumnProps {
  title: string;
  shifts: Shift[];
  showState: boolean;
  meId: number;
  testId: string;
  /** Said when nobody stands the post; `required` posts say it in red. */
  emptyText: string;
  /** How many the day asks for: fewer (but some) shows a warning beside the title. */
  required?: number;
}

function Column({ title, shifts, showState, meId, testId, emptyText, required }: ColumnProps) {
  const t = useWords();
  const short = required !== undefined && shifts.length > 0 && shifts.length < required;
  return (
    <div className="duty-col" data-testid={testId} data-count={shifts.length}>
      <div className="duty-col-title">
        {title}
        {short && (
          <Tag color="orange" className="duty-col-warn">
            {t('duty.understaffed', { actual: shifts.length, required })}
          </Tag>
        )}
      </div>
      {shifts.length === 0 ? (
        required === undefined ? (
          <div className="duty-empty">{emptyText}</div>
        ) : (
          <div className="duty-empty duty-empty-red">
            <WarningFilled /> {emptyText}
          </div>
        )
      ) : (
        shifts.map((s) => <DutyPerson key={s.id} shift={s} showState={showState} isMe={s.userId === meId} />)
      )}
    </div>
  );
}

/** 当前值班: the wall banner of the duty room, readable from across it. */
export function DutyBanner({ duty, error, meId, actions }: Props) {
  const t = useWords();
  const lang = useLang();
  if (!duty) {
    return (
      <div className="duty-banner duty-banner-loading" data-testid="duty-banner">
        {error ? <Alert type="error" showIcon title={error} /> : <Spin />}
      </div>
    );
  }
  const nextNames = duty.next
    .map((s) => t('duty.nextItem', { name: s.userName, role: t(dutyRoleOne[s.role]) }))
    .join(t('duty.listSep'));
  const columns: Omit<ColumnProps, 'meId'>[] = [
    {
      title: t('duty.role.officer'),
      shifts: duty.officers,
      showState: true,
      testId: 'duty-officers',
      emptyText: t('duty.noOfficer'),
      required: duty.officersRequired,
    },
    {
      title: t('duty.role.leader'),
      shifts: duty.leaders,
      showState: false,
      testId: 'duty-leader',
      emptyText: t('duty.noLeader'),
      required: duty.leadersRequired,
    },
    {
      title: t('duty.role.backup'),
      shifts: duty.backups,
      showState: false,
      testId: 'duty-backups',
      emptyText: t('duty.noBackup'),
    },
  ];
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
        {duty.shortfall.length > 0 && (
          <Tag color="red" className="duty-banner-tag" data-testid="duty-shortfall">
            {shortfallLines(t, duty).join(t('duty.listSep'))}
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
        {columns.map((column) => (
          <Column key={column.testId} {...column} meId={meId} />
        ))}
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
