import { ThunderboltFilled } from '@ant-design/icons';
import { useLang } from '@client/lib/i18n';
import { weekdayNames, weekdayOf } from '@client/lib/time';
import type { Period, RosterView, Shift } from '@shared/schemas/roster';
import { Tag, Tooltip } from 'antd';
import { useWords } from '../i18n';
import type { DayProblems } from './roster-derive';
import { DUTY_ROLES, dutyRoleLabel, dutyRoleShort, shiftKindShort } from './roster-labels';

type RosterDay = RosterView['days'][number];

interface Props {
  day: RosterDay;
  shifts: Shift[];
  problems: DayProblems | undefined;
  periods: Period[];
  conflictShiftIds: Set<number>;
  unqualifiedShiftIds: Set<number>;
  isToday: boolean;
  meId: number;
  onOpen: (day: string) => void;
}

function nameClass(shift: Shift, props: Props): string {
  const classes = ['rc-name'];
  if (props.unqualifiedShiftIds.has(shift.id)) classes.push('rc-name-red');
  else if (props.conflictShiftIds.has(shift.id)) classes.push('rc-name-orange');
  if (shift.missed) classes.push('rc-name-missed');
  if (shift.userId === props.meId) classes.push('rc-name-me');
  return classes.join(' ');
}

export function RosterDayCell(props: Props) {
  const t = useWords();
  const lang = useLang();
  const { day, shifts, problems, periods, isToday, onOpen } = props;
  const red = Boolean(problems && (problems.gaps.length || problems.unqualified.length));
  const orange = Boolean(problems && (problems.understaffed.length || problems.conflicts.length));
  const makeup = periods.some(
    (p) => p.kind === 'makeup_workday' && p.fromDate <= day.dutyDate && day.dutyDate <= p.toDate,
  );
  const classes = ['rc-cell'];
  if (red) classes.push('rc-red');
  else if (orange) classes.push('rc-orange');
  if (isToday) classes.push('rc-today');
  if (day.strengthened) classes.push('rc-strong');

  return (
    <button
      type="button"
      className={classes.join(' ')}
      onClick={() => onOpen(day.dutyDate)}
      data-testid={`roster-day-${day.dutyDate}`}
      data-problems={red ? 'red' : orange ? 'orange' : 'none'}
      data-strengthened={day.strengthened ? 'true' : 'false'}
    >
      <span className="rc-top">
        <span className="rc-date">{Number(day.dutyDate.slice(8))}</span>
        {/* Shown on a phone only, where the month is a list of days without the weekday header. */}
        <span className="rc-weekday">{weekdayNames(lang)[weekdayOf(day.dutyDate) - 1]}</span>
        {isToday && <span className="rc-today-mark">{t('roster.today')}</span>}
        <span className="rc-flags">
          {makeup && <Tag className="rc-flag">{t('roster.makeupShort')}</Tag>}
          {day.strengthened && (
            <Tooltip title={`${t('roster.strengthened')}：${day.reasons.join('、')}`}>
              <Tag color="orange" className="rc-flag" icon={<ThunderboltFilled />}>
                {t('roster.strengthenedShort')}
              </Tag>
            </Tooltip>
          )}
          {day.leaderOnSite && (
            <Tag color="red" className="rc-flag" data-testid={`leader-on-site-${day.dutyDate}`}>
              {t('roster.leaderOnSiteShort')}
            </Tag>
          )}
        </span>
      </span>
      {day.strengthened && day.reasons.length > 0 && (
        <span className="rc-reasons">{day.reasons.join('、')}</span>
      )}
      {shifts.length === 0 ? (
        <span className="rc-empty">{t('roster.notRostered')}</span>
      ) : (
        DUTY_ROLES.map((role) => {
          const ofRole = shifts.filter((s) => s.role === role);
          if (ofRole.length === 0) return null;
          return (
            <span key={role} className={`rc-line rc-line-${role}`} title={t(dutyRoleLabel[role])}>
              <span className={`rc-role rc-role-${role}`}>{t(dutyRoleShort[role])}</span>
              <span className="rc-names">
                {ofRole.map((s) => (
                  <span key={s.id} className={nameClass(s, props)}>
                    {s.userName}
                    {s.kind !== 'full' && <span className="rc-kind">{t(shiftKindShort[s.kind])}</span>}
                  </span>
                ))}
              </span>
            </span>
          );
        })
      )}
      {(red || orange) && problems && (
        <span className="rc-problems">
          {problems.gaps.length > 0 && <span className="rc-p rc-p-red">{t('roster.problem.gapLabel')}</span>}
          {problems.unqualified.length > 0 && (
            <span className="rc-p rc-p-red">{t('roster.problem.unqualifiedLabel')}</span>
          )}
          {problems.understaffed.length > 0 && (
            <span className="rc-p rc-p-orange">{t('roster.problem.understaffedLabel')}</span>
          )}
          {problems.conflicts.length > 0 && (
            <span className="rc-p rc-p-orange">{t('roster.problem.conflictLabel')}</span>
          )}
        </span>
      )}
    </button>
  );
}
