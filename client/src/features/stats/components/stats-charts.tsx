import { useT } from '@client/lib/i18n';
import type { Stats, StatsQuery, StatsTable } from '@shared/schemas/stats';
import { Card, Col, Row } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { categoryOption, gradeOption, rateOption, timelinessOption, trendOption } from './chart-options';
import { CsvButton } from './csv-button';
import { EChart } from './echart';

interface Props {
  stats: Stats;
  query: StatsQuery;
}

function ChartCard(props: { title: string; query: StatsQuery; table: StatsTable; children: ReactNode }) {
  return (
    <Card
      size="small"
      title={props.title}
      extra={<CsvButton query={props.query} table={props.table} />}
      className="stats-card"
    >
      {props.children}
    </Card>
  );
}

/** Trend, the rate against its target, category, grade and timeliness: the page's ECharts. */
export function StatsCharts({ stats, query }: Props) {
  const t = useT();
  const options = useMemo(
    () => ({
      trend: trendOption(stats, t),
      rate: rateOption(stats, t),
      category: categoryOption(stats, t),
      grade: gradeOption(stats, t),
      timeliness: timelinessOption(stats, t),
    }),
    [stats, t],
  );
  const { incidents, directReport: d, timeliness } = stats;
  const empty = t('stats.chart.empty');
  const hasTiming = [timeliness.toInitialReport, timeliness.toLeaderAck, timeliness.toClose].some(
    (s) => s.n > 0,
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={16}>
        <ChartCard title={t('stats.chart.trend')} query={query} table="trend">
          <EChart
            option={options.trend}
            hasData={stats.trend.length > 0}
            emptyText={empty}
            height={280}
            testId="chart-trend"
          />
        </ChartCard>
      </Col>
      <Col xs={24} xl={8}>
        <ChartCard title={t('stats.chart.rate')} query={query} table="direct_report">
          <EChart
            option={options.rate}
            hasData={d.rate !== null}
            emptyText={t('stats.kpi.rateNone')}
            height={206}
            testId="chart-rate"
          />
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
        </ChartCard>
      </Col>
      <Col xs={24} lg={12} xl={8}>
        <ChartCard title={t('stats.chart.category')} query={query} table="incidents">
          <EChart
            option={options.category}
            hasData={incidents.byCategory.length > 0}
            emptyText={empty}
            height={260}
            testId="chart-category"
          />
        </ChartCard>
      </Col>
      <Col xs={24} lg={12} xl={8}>
        <ChartCard title={t('stats.chart.grade')} query={query} table="incidents">
          <EChart
            option={options.grade}
            hasData={incidents.byGrade.length > 0}
            emptyText={empty}
            height={260}
            testId="chart-grade"
          />
        </ChartCard>
      </Col>
      <Col xs={24} xl={8}>
        <ChartCard title={t('stats.chart.timeliness')} query={query} table="timeliness">
          <EChart
            option={options.timeliness}
            hasData={hasTiming}
            emptyText={empty}
            height={260}
            testId="chart-timeliness"
          />
        </ChartCard>
      </Col>
    </Row>
  );
}
