import { formatMinute } from '@client/lib/time';
import type { ObligationView } from '@shared/schemas/incidents';
import { Button, Table, type TableColumnsType, Tag } from 'antd';
import { useWords } from '../i18n';
import { IncidentCountdown } from './incident-countdown';
import { notificationDepartment, obligationLabel, STATUTORY_KINDS } from './incident-labels';
import { channelLabel } from './statutory-record-modal';

/** Soonest deadline first; the 终报, due when handling ends, last. */
function byDue(a: ObligationView, b: ObligationView): number {
  const da = a.dueAt ? Date.parse(a.dueAt) : Number.POSITIVE_INFINITY;
  const db = b.dueAt ? Date.parse(b.dueAt) : Number.POSITIVE_INFINITY;
  return da === db ? 0 : da < db ? -1 : 1;
}

/**
 * What must be reported by when (首报, 续报, 终报), and whether it was met in time; with them the
 * statutory records (直报录入, the fire service's / traffic police's notification, the departments told
 * with the 首报), each with its record button while unmet (`onRecord`: handlers only).
 */
export function ObligationsTable({
  obligations,
  closed,
  onRecord,
}: {
  obligations: ObligationView[];
  closed: boolean;
  onRecord?: (o: ObligationView) => void;
}) {
  const t = useWords();
  const recordText = (o: ObligationView) => {
    const r = o.record;
    if (!r) return null;
    return [
      r.recordNumber !== null ? t('incidents.ob.recordNo', { number: r.recordNumber }) : null,
      o.kind === 'direct_notified' ? r.department : null,
      r.channel !== null ? t(channelLabel[r.channel]) : null,
      r.person,
      t('incidents.ob.recordedBy', { name: r.recordedByName }),
    ]
      .filter(Boolean)
      .join(' · ');
  };
  const columns: TableColumnsType<ObligationView> = [
    {
      title: t('incidents.ob.kind'),
      dataIndex: 'kind',
      render: (kind: ObligationView['kind'], o) => {
        const department = notificationDepartment(o.key);
        return (
          <b>
            {t(obligationLabel[kind])}
            {department && ` · ${department}`}
          </b>
        );
      },
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
        o.doneAt || (closed && !STATUTORY_KINDS.includes(o.kind)) ? (
          '—'
        ) : (
          <IncidentCountdown dueAt={o.dueAt} testId={`ob-countdown-${o.key}`} />
        ),
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
            {o.record && (
              <span className="inc-muted" data-testid={`ob-record-${o.key}`}>
                {' '}
                · {recordText(o)}
              </span>
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
          {!o.doneAt && onRecord && STATUTORY_KINDS.includes(o.kind) && (
            <Button
              size="small"
              type="primary"
              ghost
              onClick={() => onRecord(o)}
              data-testid={`ob-record-btn-${o.key}`}
            >
              {t('incidents.ob.record')}
            </Button>
          )}
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
