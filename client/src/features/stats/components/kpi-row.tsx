import { RightOutlined } from '@ant-design/icons';
import { useT } from '@client/lib/i18n';
import type { Stats } from '@shared/schemas/stats';
import { Card, Col, Row } from 'antd';
import type { ReactNode } from 'react';
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

/** 接报总数, 直报率 against its 100% target (click: the late cases), pending, drills left out. */
export function KpiRow({ stats, onOpenLate }: { stats: Stats; onOpenLate: () => void }) {
  const t = useT();
  const { incidents, directReport: d } = stats;
  const rateTone = d.rate === null ? 'muted' : d.rate >= 1 ? 'ok' : 'bad';
  const cols = { xs: 24, sm: 12, xl: 6 };
  return (
    <Row gutter={[16, 16]} className="stats-kpis">
      <Col {...cols}>
        <Kpi
          label={t('stats.kpi.received')}
          value={incidents.received}
          sub={t('stats.kpi.receivedSub', { accidents: d.accidents, closed: incidents.byStage.closed })}
          testId="kpi-received"
        />
      </Col>
      <Col {...cols}>
        <Kpi
          label={t('stats.kpi.rate')}
          value={
            <span data-rate={d.rate ?? ''} data-tone={rateTone}>
              {ratePercent(d.rate)}
              <span className="stats-kpi-target">{t('stats.target')}</span>
            </span>
          }
          sub={
            <span>
              {d.rate === null
                ? t('stats.kpi.rateNone')
                : t('stats.kpi.rateSub', { onTime: d.onTime, judged: d.onTime + d.late, late: d.late })}
              <RightOutlined className="stats-kpi-more" />
            </span>
          }
          tone={rateTone}
          testId="direct-report-rate"
          onClick={onOpenLate}
        />
      </Col>
      <Col {...cols}>
        <Kpi
          label={t('stats.kpi.pending')}
          value={d.pending}
          sub={t('stats.kpi.pendingSub')}
          tone={d.pending > 0 ? undefined : 'muted'}
          testId="kpi-pending"
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
