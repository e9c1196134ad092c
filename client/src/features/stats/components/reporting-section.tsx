import type { Spread, Stats, StatsQuery } from '@shared/schemas/stats';
import { Col, Descriptions, Row, Table, type TableColumnsType, Tag } from 'antd';
import { useWords } from '../i18n';
import { StatsCard } from './stats-card';
import {
  kindLabel,
  type SourceCode,
  type StageCode,
  sourceLabel,
  stageLabel,
  toMinutes,
} from './stats-labels';

interface Props {
  stats: Stats;
  query: StatsQuery;
}

interface SpreadRow {
  key: string;
  name: string;
  spread: Spread;
}

/** 接报构成 (by stage and source) and 报告时效 (spreads, late reports by kind, 续报 obligations). */
export function ReportingSection({ stats, query }: Props) {
  const t = useWords();
  const { incidents, timeliness: tl } = stats;
  const minutes = (seconds: number | null) =>
    seconds === null ? '—' : t('stats.minutes', { value: toMinutes(seconds)! });
  const sources = new Map(incidents.bySource.map((s) => [s.source, s.count]));
  const rows: SpreadRow[] = [
    { key: 'initial', name: t('stats.time.toInitial'), spread: tl.toInitialReport },
    { key: 'ack', name: t('stats.time.toAck'), spread: tl.toLeaderAck },
    { key: 'close', name: t('stats.time.toClose'), spread: tl.toClose },
  ];
  const columns: TableColumnsType<SpreadRow> = [
    { title: t('stats.reporting.item'), dataIndex: 'name' },
    { title: t('stats.series.median'), align: 'right', render: (_, r) => minutes(r.spread.median) },
    { title: t('stats.series.p90'), align: 'right', render: (_, r) => minutes(r.spread.p90) },
    { title: t('stats.reporting.n'), align: 'right', render: (_, r) => r.spread.n },
  ];
  const lateKinds = tl.lateReportsByKind.filter((k) => k.count > 0);
  const lateTotal = lateKinds.reduce((sum, k) => sum + k.count, 0);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <StatsCard
          title={t('stats.incidents.title')}
          query={query}
          table="incidents"
          testId="stats-composition"
        >
          <div className="stats-two">
            <Descriptions
              size="small"
              bordered
              column={1}
              title={t('stats.incidents.byStage')}
              items={(Object.keys(stageLabel) as StageCode[]).map((stage) => ({
                key: stage,
                label: t(stageLabel[stage]),
                children: incidents.byStage[stage],
              }))}
            />
            <Descriptions
              size="small"
              bordered
              column={1}
              title={t('stats.incidents.bySource')}
              items={(Object.keys(sourceLabel) as SourceCode[]).map((source) => ({
                key: source,
                label: t(sourceLabel[source]),
                children: sources.get(source) ?? 0,
              }))}
            />
          </div>
        </StatsCard>
      </Col>
      <Col xs={24} xl={14}>
        <StatsCard
          title={t('stats.reporting.title')}
          query={query}
          table="timeliness"
          testId="stats-timeliness"
        >
          <Table<SpreadRow>
            rowKey="key"
            size="small"
            columns={columns}
            dataSource={rows}
            pagination={false}
          />
          <div className="stats-facts">
            <span className="stats-facts-label">{t('stats.reporting.lateByKind', { count: lateTotal })}</span>
            {lateKinds.length === 0 ? (
              <Tag color="green">{t('stats.reporting.noLate')}</Tag>
            ) : (
              lateKinds.map((k) => (
                <Tag key={k.kind} color="red">
                  {t(kindLabel[k.kind])} {k.count}
                </Tag>
              ))
            )}
          </div>
          <div className="stats-facts">
            <span className="stats-facts-label">{t('stats.reporting.followups')}</span>
            {t('stats.reporting.followupsText', {
              due: tl.followupsMet.due,
              met: tl.followupsMet.met,
              late: tl.followupsMet.late,
            })}
          </div>
        </StatsCard>
      </Col>
    </Row>
  );
}
