import { RightOutlined } from '@ant-design/icons';
import type { Judged, Stats } from '@shared/schemas/stats';
import { Card, Col, Row } from 'antd';
import type { ReactNode } from 'react';
import { useWords } from '../i18n';
import type { Figure } from './late-cases-drawer';
import { ratePercent } from './stats-labels';

interface KpiProps {
  label: string;
  value: ReactNode;
  sub: ReactNode;
  tone?: 'ok' | 'bad' | 'muted';
  testId: string;
  onClick?: () => void;
}

function Kpi({ label, value, sub, tone, testId, onClick }: KpiProps) {
  return (
    <Card
      size="small"
      hoverable={Boolean(onClick)}
      className={`stats-kpi${tone ? ` stats-kpi-${tone}` : ''}${onClick ? ' stats-kpi-click' : ''}`}
      onClick={onClick}
      data-testid={testId}
      role={onClick ? 'button' : undefined}
      tabIndex={onClick ? 0 : undefined}
      onKeyDown={onClick ? (e) => (e.key === 'Enter' || e.key === ' ') && onClick() : undefined}
    >
      <div className="stats-kpi-label">{label}</div>
      <div className="stats-kpi-value">{value}</div>
      <div className="stats-kpi-sub">{sub}</div>
    </Card>
  );
}

function RateKpi({
  label,
  figure,
  testId,
  onOpen,
}: {
  label: string;
  figure: Judged;
  testId: string;
  onOpen: () => void;
}) {
  const t = useWords();
  const tone = figure.rate === null ? 'muted' : figure.rate >= 1 ? 'ok' : 'bad';
  return (
    <Kpi
      label={label}
      value={
        <span data-rate={figure.rate ?? ''} data-tone={tone}>
          {ratePercent(figure.rate)}
          <span className="stats-kpi-target">{t('stats.target')}</span>
        </span>
      }
      sub={
        <span>
          {figure.rate === null
            ? t('stats.kpi.rateNone')
            : t('stats.kpi.rateSub', {
                onTime: figure.onTime,
                judged: figure.onTime + figure.late,
                late: figure.late,
              })}
          {figure.pending > 0 && ` · ${t('stats.kpi.pendingShort', { pending: figure.pending })}`}
          <RightOutlined className="stats-kpi-more" />
        </span>
      }
      tone={tone}
      testId={testId}
      onClick={onOpen}
    />
  );
}

/**
 * 接报总数; the 直报率 (直报录入 of in-scope production-safety accidents) and the 首报及时率 beside it,
 * each against its 100% target (click: its late cases); drills left out.
 */
export function KpiRow({ stats, onOpenLate }: { stats: Stats; onOpenLate: (figure: Figure) => void }) {
  const t = useWords();
  const { incidents } = stats;
  const cols = { xs: 24, sm: 12, xl: 6 };
  return (
    <Row gutter={[16, 16]} className="stats-kpis">
      <Col {...cols}>
        <Kpi
          label={t('stats.kpi.received')}
          value={incidents.received}
          sub={t('stats.kpi.receivedSub', {
            accidents: stats.initialReport.accidents,
            closed: incidents.byStage.closed,
          })}
          testId="kpi-received"
        />
      </Col>
      <Col {...cols}>
        <RateKpi
          label={t('stats.kpi.rate')}
          figure={stats.directReport}
          testId="direct-report-rate"
          onOpen={() => onOpenLate('direct')}
        />
      </Col>
      <Col {...cols}>
        <RateKpi
          label={t('stats.kpi.initialRate')}
          figure={stats.initialReport}
          testId="initial-report-rate"
          onOpen={() => onOpenLate('initial')}
        />
      </Col>
      <Col {...cols}>
        <Kpi
          label={t('stats.kpi.drills')}
          value={incidents.drillsExcluded}
          sub={t('stats.kpi.drillsSub')}
          tone="muted"
          testId="kpi-drills"
        />
      </Col>
    </Row>
  );
}
