import { useT } from '@client/lib/i18n';
import { formatMinute } from '@client/lib/time';
import type { ObligationView } from '@shared/schemas/incidents';
import { Table, type TableColumnsType, Tag } from 'antd';
import { IncidentCountdown } from './incident-countdown';
import { obligationLabel } from './incident-labels';

/** Soonest deadline first; the 终报, due when handling ends, last. */
function byDue(a: ObligationView, b: ObligationView): number {
  const da = a.dueAt ? Date.parse(a.dueAt) : Number.POSITIVE_INFINITY;
  const db = b.dueAt ? Date.parse(b.dueAt) : Number.POSITIVE_INFINITY;
  return da === db ? 0 : da < db ? -1 : 1;
}

/** What must be reported by when (首报, 续报, 终报), and whether it was met in time. */
export function ObligationsTable({
  obligations,
  closed,
}: {
  obligations: ObligationView[];
  closed: boolean;
}) {
  const t = useT();
  const columns: TableColumnsType<ObligationView> = [
    {
      title: t('incidents.ob.kind'),
      dataIndex: 'kind',
      render: (kind: ObligationView['kind']) => <b>{t(obligationLabel[kind])}</b>,
    },
    {
      title: t('incidents.ob.dueAt'),
      dataIndex: 'dueAt',
      render: (dueAt: string | null) => (dueAt ? formatMinute(dueAt) : t('incidents.ob.noDue')),
    },
    {
      title: t('incidents.ob.left'),
      key: 'left',
      render: (_: unknown, o) =>
        o.doneAt || closed ? '—' : <IncidentCountdown dueAt={o.dueAt} testId={`ob-countdown-${o.key}`} />,
    },
    {
      title: t('incidents.ob.doneAt'),
      dataIndex: 'doneAt',
      render: (doneAt: string | null, o) =>
        doneAt ? (
          <span>
            {formatMinute(doneAt)}
            {o.reportNumber !== null && (
              <span className="inc-muted"> · {t('incidents.ob.byReport', { number: o.reportNumber })}</span>
            )}
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: t('incidents.ob.state'),
      key: 'state',
      render: (_: unknown, o) => (
        <>
          {o.late && <Tag color="red">{t('incidents.tag.late')}</Tag>}
          {o.overdue && (
            <Tag color="red" variant="solid">
              {t('incidents.tag.overdue')}
            </Tag>
          )}
          {o.doneAt && !o.late && <Tag color="green">{t('incidents.ob.onTime')}</Tag>}
          {!o.doneAt && !o.overdue && <Tag>{t('incidents.ob.pending')}</Tag>}
        </>
      ),
    },
  ];
  return (
    <div data-testid="obligations-table">
      <Table<ObligationView>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={[...obligations].sort(byDue)}
        pagination={false}
        rowClassName={(o) => (o.overdue ? 'inc-row-overdue' : o.late ? 'inc-row-late' : '')}
      />
    </div>
  );
}
