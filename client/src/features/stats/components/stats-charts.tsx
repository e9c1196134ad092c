import { useLang } from '@client/lib/i18n';
import type { Stats, StatsQuery, StatsTable } from '@shared/schemas/stats';
import { Col, type ColProps, Row } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { useWords } from '../i18n';
import { categoryOption, gradeOption, rateOption, timelinessOption, trendOption } from './chart-options';
import { type ChartOption, EChart } from './echart';
import { StatsCard } from './stats-card';

interface Props {
  stats: Stats;
  query: StatsQuery;
}

interface ChartSpec {
  key: string;
  col: ColProps;
  title: string;
  table: StatsTable;
  option: ChartOption;
  hasData: boolean;
  emptyText?: string;
  height: number;
  /** Under the chart. */
  after?: ReactNode;
}

/** Trend, the rate against its target, category, grade and timeliness: the page's ECharts. */
export function StatsCharts({ stats, query }: Props) {
  const t = useWords();
  const lang = useLang();
  const options = useMemo(
    () => ({
      trend: trendOption(stats, t),
      rate: rateOption(stats, t),
      category: categoryOption(stats, t, lang),
      grade: gradeOption(stats, t, lang),
      timeliness: timelinessOption(stats, t),
    }),
    [stats, t, lang],
  );
  const { incidents, directReport: d, timeliness } = stats;
  const hasTiming = [timeliness.toInitialReport, timeliness.toLeaderAck, timeliness.toClose].some(
    (s) => s.n > 0,
  );
  const charts: ChartSpec[] = [
    {
      key: 'trend',
      col: { xs: 24, xl: 16 },
      title: t('stats.chart.trend'),
      table: 'trend',
      option: options.trend,
      hasData: stats.trend.length > 0,
      height: 280,
    },
    {
      key: 'rate',
      col: { xs: 24, xl: 8 },
      title: t('stats.chart.rate'),
      table: 'direct_report',
      option: options.rate,
      hasData: d.rate !== null,
      emptyText: t('stats.kpi.rateNone'),
      height: 206,
      after: (
        <dl className="stats-rate-facts">
          <dt>{t('stats.rate.accidents')}</dt>
          <dd>{d.accidents}</dd>
          <dt>{t('stats.rate.onTime')}</dt>
          <dd className="stats-ok">{d.onTime}</dd>
          <dt>{t('stats.rate.late')}</dt>
          <dd className={d.late > 0 ? 'stats-bad' : undefined}>{d.late}</dd>
          <dt>{t('stats.rate.pending')}</dt>
          <dd>{d.pending}</dd>
        </dl>
      ),
    },
    {
      key: 'category',
      col: { xs: 24, lg: 12, xl: 8 },
      title: t('stats.chart.category'),
      table: 'incidents',
      option: options.category,
      hasData: incidents.byCategory.length > 0,
      height: 260,
    },
    {
      key: 'grade',
      col: { xs: 24, lg: 12, xl: 8 },
      title: t('stats.chart.grade'),
      table: 'incidents',
      option: options.grade,
      hasData: incidents.byGrade.length > 0,
      height: 260,
    },
    {
      key: 'timeliness',
      col: { xs: 24, xl: 8 },
      title: t('stats.chart.timeliness'),
      table: 'timeliness',
      option: options.timeliness,
      hasData: hasTiming,
      height: 260,
    },
  ];

  return (
    <Row gutter={[16, 16]}>
      {charts.map((chart) => (
        <Col key={chart.key} {...chart.col}>
          <StatsCard title={chart.title} query={query} table={chart.table}>
            <EChart
              option={chart.option}
              hasData={chart.hasData}
              emptyText={chart.emptyText ?? t('stats.chart.empty')}
              height={chart.height}
              testId={`chart-${chart.key}`}
            />
            {chart.after}
          </StatsCard>
        </Col>
      ))}
    </Row>
  );
}
