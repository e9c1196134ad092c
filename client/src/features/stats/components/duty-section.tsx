import type { Stats, StatsQuery } from '@shared/schemas/stats';
import { Col, Row } from 'antd';
import { useWords } from '../i18n';
import { HoursTable } from './hours-table';
import { StatsCard } from './stats-card';
import { toMinutes } from './stats-labels';

interface Props {
  stats: Stats;
  query: StatsQuery;
}

interface Figure {
  label: string;
  value: number | string;
  bad?: boolean;
  testId?: string;
}

function FigureGroup({ title, figures }: { title: string; figures: Figure[] }) {
  return (
    <div className="stats-duty-group">
      <div className="stats-duty-title">{title}</div>
      <div className="stats-duty-figures">
        {figures.map((f) => (
          <div key={f.label} className="stats-duty-figure" data-testid={f.testId}>
            <div className={`stats-duty-value${f.bad ? ' stats-bad' : ''}`}>{f.value}</div>
            <div className="stats-duty-label">{f.label}</div>
          </div>
        ))}
      </div>
    </div>
  );
}

/** 值守记录: check-ins, spot-checks and swaps of the period, and each person's duty hours. */
export function DutySection({ stats, query }: Props) {
  const t = useWords();
  const { checkIns, spotChecks, swaps, hours } = stats.duty;
  const median = toMinutes(spotChecks.medianAnswerSeconds);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <StatsCard title={t('stats.duty.title')} query={query} table="duty" testId="stats-duty">
          <FigureGroup
            title={t('stats.duty.checkIns')}
            figures={[
              { label: t('stats.duty.onTime'), value: checkIns.onTime },
              { label: t('stats.duty.lateIn'), value: checkIns.late, bad: checkIns.late > 0 },
              {
                label: t('stats.duty.missed'),
                value: checkIns.missed,
                bad: checkIns.missed > 0,
                testId: 'duty-missed',
              },
            ]}
          />
          <FigureGroup
            title={t('stats.duty.spotChecks')}
            figures={[
              { label: t('stats.duty.issued'), value: spotChecks.issued },
              { label: t('stats.duty.answered'), value: spotChecks.answered },
              { label: t('stats.duty.lateAnswer'), value: spotChecks.late, bad: spotChecks.late > 0 },
              { label: t('stats.duty.unanswered'), value: spotChecks.missed, bad: spotChecks.missed > 0 },
              {
                label: t('stats.duty.medianAnswer'),
                value: median === null ? '—' : t('stats.minutes', { value: median }),
              },
            ]}
          />
          <FigureGroup
            title={t('stats.duty.swaps')}
            figures={[
              { label: t('stats.duty.requested'), value: swaps.requested },
              { label: t('stats.duty.approved'), value: swaps.approved },
              { label: t('stats.duty.rejected'), value: swaps.rejected },
            ]}
          />
        </StatsCard>
      </Col>
      <Col xs={24} xl={14}>
        <StatsCard title={t('stats.hours.title')} query={query} table="hours">
          <HoursTable rows={hours} />
        </StatsCard>
      </Col>
    </Row>
  );
}
