import { categoryLabel, gradeShort } from '@client/lib/domain-labels';
import { useLang } from '@client/lib/i18n';
import { formatMinute } from '@client/lib/time';
import type { LateCase, Stats, StatsQuery } from '@shared/schemas/stats';
import { Alert, Drawer, Table, type TableColumnsType, Tag } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useWords } from '../i18n';
import { CsvButton } from './csv-button';
import { kindLabel, ratePercent } from './stats-labels';

/** Which figure's late cases: the 直报率 (直报录入) or the 首报及时率. */
export type Figure = 'direct' | 'initial';

interface Props {
  /** The figure whose late cases are shown, or null: closed. */
  figure: Figure | null;
  onClose: () => void;
  stats: Stats;
  query: StatsQuery;
}

/** Every accident that missed the figure's deadline (直报录入 or 首报), with who, one click from its record. */
export function LateCasesDrawer({ figure, onClose, stats, query }: Props) {
  const t = useWords();
  const lang = useLang();
  const navigate = useNavigate();
  const d = figure === 'initial' ? stats.initialReport : stats.directReport;
  const columns: TableColumnsType<LateCase> = [
    {
      title: t('stats.late.id'),
      dataIndex: 'id',
      width: 72,
      render: (id: number) => <Link to={`/incidents/${id}`}>#{id}</Link>,
    },
    {
      title: t('stats.late.category'),
      dataIndex: 'category',
      render: (c: LateCase['category']) => categoryLabel(c, lang),
    },
    {
      title: t('stats.late.grade'),
      dataIndex: 'grade',
      render: (g: LateCase['grade']) => gradeShort(g, lang),
    },
    { title: t('stats.late.summaryCol'), dataIndex: 'summary', ellipsis: true },
    { title: t('stats.late.receivedAt'), dataIndex: 'receivedAt', render: formatMinute },
    { title: t('stats.late.kind'), dataIndex: 'kind', render: (k: LateCase['kind']) => t(kindLabel[k]) },
    { title: t('stats.late.dueAt'), dataIndex: 'dueAt', render: formatMinute },
    {
      title: t('stats.late.doneAt'),
      dataIndex: 'doneAt',
      render: (doneAt: string | null) =>
        doneAt ? formatMinute(doneAt) : <Tag color="red">{t('stats.late.stillOverdue')}</Tag>,
    },
    {
      title: t('stats.late.over'),
      key: 'over',
      align: 'right',
      render: (_: unknown, c) => t('stats.minutes', { value: Math.round(c.lateSeconds / 60) }),
    },
    {
      title: t('stats.late.who'),
      key: 'who',
      render: (_: unknown, c) =>
        c.whoBasis === 'none' ? (
          <span className="stats-muted">{t('stats.late.whoNone')}</span>
        ) : (
          <span>
            {c.who}
            {c.whoBasis === 'on_duty' && <span className="stats-muted"> {t('stats.late.whoOnDuty')}</span>}
          </span>
        ),
    },
  ];

  return (
    <Drawer
      open={figure !== null}
      onClose={onClose}
      size={1080}
      title={t(figure === 'initial' ? 'stats.late.titleInitial' : 'stats.late.titleDirect', {
        count: d.lateCases.length,
      })}
      extra={<CsvButton query={query} table="late_cases" />}
    >
      <Alert
        type={d.rate === null || d.rate >= 1 ? 'success' : 'error'}
        showIcon
        className="stats-late-summary"
        title={t(figure === 'initial' ? 'stats.late.summaryInitial' : 'stats.late.summary', {
          rate: ratePercent(d.rate),
          onTime: d.onTime,
          late: d.late,
          pending: d.pending,
        })}
      />
      <div data-testid="late-cases" data-figure={figure ?? ''} data-count={d.lateCases.length}>
        <Table<LateCase>
          rowKey={(c) => `${c.id}:${c.kind}`}
          size="small"
          columns={columns}
          dataSource={d.lateCases}
          pagination={d.lateCases.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          locale={{ emptyText: t('stats.late.none') }}
          onRow={(c) => ({
            onClick: () => navigate(`/incidents/${c.id}`),
            className: 'stats-late-row',
            'data-testid': `late-case-${c.id}`,
          })}
        />
      </div>
    </Drawer>
  );
}
