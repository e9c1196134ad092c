import { categoryLabel } from '@client/lib/domain-labels';
import { useLang, useT } from '@client/lib/i18n';
import { formatMinute } from '@client/lib/time';
import type { LateCase, Stats, StatsQuery } from '@shared/schemas/stats';
import { Alert, Drawer, Table, type TableColumnsType, Tag } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { CsvButton } from './csv-button';
import { kindLabel, ratePercent } from './stats-labels';

interface Props {
  open: boolean;
  onClose: () => void;
  stats: Stats;
  query: StatsQuery;
}

/** Minutes past the deadline: until the report, or until now while still overdue. */
function minutesOver(c: LateCase, now: number): number {
  const end = c.doneAt ? Date.parse(c.doneAt) : now;
  return Math.max(0, Math.round((end - Date.parse(c.dueAt)) / 60_000));
}

/** Every accident whose 首报 missed its deadline, one click from its record. */
export function LateCasesDrawer({ open, onClose, stats, query }: Props) {
  const t = useT();
  const lang = useLang();
  const navigate = useNavigate();
  const d = stats.directReport;
  const now = Date.now();
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
      render: (_: unknown, c) => t('stats.minutes', { value: minutesOver(c, now) }),
    },
  ];

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={880}
      title={t('stats.late.title', { count: d.lateCases.length })}
      extra={<CsvButton query={query} table="late_cases" />}
    >
      <Alert
        type={d.rate === null || d.rate >= 1 ? 'success' : 'error'}
        showIcon
        className="stats-late-summary"
        title={t('stats.late.summary', {
          rate: ratePercent(d.rate),
          onTime: d.onTime,
          late: d.late,
          pending: d.pending,
        })}
      />
      <div data-testid="late-cases" data-count={d.lateCases.length}>
        <Table<LateCase>
          rowKey="id"
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
