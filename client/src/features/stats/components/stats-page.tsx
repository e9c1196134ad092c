import { BarChartOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { LoadError } from '@client/components/load-error';
import { bureauMonth, getBureauZone } from '@client/lib/time';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { DutySection } from './duty-section';
import { KpiRow } from './kpi-row';
import { type Figure, LateCasesDrawer } from './late-cases-drawer';
import { PeriodBar } from './period-bar';
import { ReportingSection } from './reporting-section';
import { StatsCharts } from './stats-charts';
import { customProblem, monthOf } from './stats-period';
import { statsQuery } from './stats-queries';
import { useStatsParams } from './use-stats-params';
import './stats.css';
import { useWords } from '../i18n';

/** 统计: the figures a bureau is measured on, for a period, straight from the stored records. */
export function StatsPage() {
  const t = useWords();
  const { choice, filters, update } = useStatsParams();
  const figures = useQuery(statsQuery(choice, filters));
  // A custom period not yet picked (or too long) is read by nobody: nothing stays on screen.
  const shown = customProblem(choice) ? null : (figures.data ?? null);
  const stats = shown?.stats ?? null;
  const query = shown?.query ?? null;
  const loading = figures.isFetching;
  const error = figures.error;
  const reload = () => void figures.refetch();
  const [lateOpen, setLateOpen] = useState<Figure | null>(null);
  const printMonth = query ? monthOf(query, getBureauZone()) : bureauMonth();

  return (
    <div className="stats-page" data-testid="stats-page" data-loading={loading ? 'true' : 'false'}>
      <Card size="small" className="stats-head">
        <div className="stats-head-row">
          <Typography.Title level={4} className="stats-title">
            <BarChartOutlined /> {t('stats.title')}
          </Typography.Title>
          <Space>
            <Button icon={<ReloadOutlined />} onClick={reload} aria-label={t('common.refresh')} />
            <Button
              icon={<PrinterOutlined />}
              href={`/stats/print?month=${printMonth}`}
              target="_blank"
              data-testid="stats-print"
            >
              {t('stats.print.button')}
            </Button>
          </Space>
        </div>
        <PeriodBar choice={choice} filters={filters} query={query} loading={loading} onChange={update} />
      </Card>
      <LoadError error={error} action={<Button onClick={reload}>{t('common.refresh')}</Button>} />
      {!stats || !query ? (
        loading && <Spin size="large" className="stats-spin" />
      ) : (
        <>
          <KpiRow stats={stats} onOpenLate={setLateOpen} />
          <StatsCharts stats={stats} query={query} />
          <ReportingSection stats={stats} query={query} />
          <DutySection stats={stats} query={query} />
          <LateCasesDrawer figure={lateOpen} onClose={() => setLateOpen(null)} stats={stats} query={query} />
        </>
      )}
    </div>
  );
}
