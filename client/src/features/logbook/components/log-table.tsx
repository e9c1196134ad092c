import { EditOutlined, LockOutlined, NodeIndexOutlined } from '@ant-design/icons';
import { tableCards } from '@client/components/table-cards';
import { useDisplayName } from '@client/hooks/use-display-name';
import { usePhone } from '@client/hooks/use-phone';
import { formatMinute } from '@client/lib/time';
import type { LogEntry } from '@shared/schemas/logbook';
import { Button, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { useWords } from '../i18n';
import { canBecomeIncident, kindColor, kindLabel } from './log-labels';

interface Props {
  entries: LogEntry[];
  loading: boolean;
  fresh: ReadonlySet<number>;
  /** Its author, while its shift is not sealed (the server decides the same). */
  canEdit: (entry: LogEntry) => boolean;
  canConvert: boolean;
  onEdit: (entry: LogEntry) => void;
  onConvert: (entry: LogEntry) => void;
}

function Who({ entry }: { entry: LogEntry }) {
  const parts = [entry.callerName, entry.callerPost].filter(Boolean).join(' · ');
  if (!parts && !entry.callerUnit && !entry.callerPhone)
    return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <div className="logbook-who">
      {parts && <div className="logbook-who-name">{parts}</div>}
      {entry.callerUnit && <div>{entry.callerUnit}</div>}
      {entry.callerPhone && <div className="logbook-phone">{entry.callerPhone}</div>}
    </div>
  );
}

/** 值班日志: newest first; calls and notices turn into incidents from here. */
export function LogTable({ entries, loading, fresh, canEdit, canConvert, onEdit, onConvert }: Props) {
  const t = useWords();
  const phone = usePhone();
  const person = useDisplayName();
  const columns: TableColumnsType<LogEntry> = [
    {
      title: t('logbook.col.at'),
      dataIndex: 'at',
      width: 136,
      render: (at: string) => <span className="logbook-at">{formatMinute(at)}</span>,
    },
    {
      title: t('logbook.col.kind'),
      dataIndex: 'kind',
      width: 92,
      render: (kind: LogEntry['kind']) => <Tag color={kindColor[kind]}>{t(kindLabel[kind])}</Tag>,
    },
    {
      title: t('logbook.col.who'),
      key: 'who',
      width: 170,
      render: (_, entry) => <Who entry={entry} />,
    },
    {
      title: t('logbook.col.content'),
      key: 'content',
      render: (_, entry) => (
        <div className="logbook-content">
          <div>{entry.content}</div>
          {entry.alreadyTold && (
            <div className="logbook-sub">
              {t('logbook.col.alreadyTold')}：{entry.alreadyTold}
            </div>
          )}
        </div>
      ),
    },
    {
      title: t('logbook.col.handling'),
      dataIndex: 'handling',
      width: '22%',
      render: (handling: string | null) =>
        handling ? (
          <div className="logbook-content">{handling}</div>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: t('logbook.col.recordedBy'),
      dataIndex: 'recordedBy',
      width: 96,
      ellipsis: true,
      render: (username: string) => person(username),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_, entry) => (
        <Space size={4} wrap>
          {entry.incidentId !== null && (
            <Link to={`/incidents/${entry.incidentId}`} data-testid={`log-incident-${entry.id}`}>
              <Tag color="red" icon={<NodeIndexOutlined />}>
                {t('logbook.col.incident', { id: entry.incidentId })}
              </Tag>
            </Link>
          )}
          {canConvert && entry.incidentId === null && canBecomeIncident(entry.kind) && (
            <Button
              size="small"
              danger
              onClick={() => onConvert(entry)}
              data-testid={`to-incident-${entry.id}`}
            >
              {t('logbook.toIncident.button')}
            </Button>
          )}
          {entry.sealedIn !== null && (
            <Tooltip title={t('logbook.sealed.hint', { id: entry.sealedIn })}>
              <Link to={`/handover/${entry.sealedIn}`} data-testid={`log-sealed-${entry.id}`}>
                <Tag icon={<LockOutlined />}>{t('logbook.sealed.tag')}</Tag>
              </Link>
            </Tooltip>
          )}
          {canEdit(entry) && (
            <Button
              size="small"
              type="text"
              icon={<EditOutlined />}
              onClick={() => onEdit(entry)}
              aria-label={t('logbook.edit.button')}
              title={t('logbook.edit.button')}
              data-testid={`edit-log-${entry.id}`}
            />
          )}
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="logbook-table" data-count={entries.length}>
      <Table<LogEntry>
        {...tableCards<LogEntry>(
          {
            rowKey: 'id',
            size: 'small',
            columns,
            dataSource: entries,
            loading,
            rowClassName: (entry) => (fresh.has(entry.id) ? 'logbook-row-fresh' : ''),
            onRow: (entry) =>
              ({
                'data-testid': `logbook-row-${entry.id}`,
                'data-kind': entry.kind,
              }) as HTMLAttributes<HTMLElement>,
            pagination: {
              defaultPageSize: 20,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100],
              hideOnSinglePage: false,
            },
            scroll: { x: 1000 },
            locale: { emptyText: t('logbook.empty') },
          },
          phone,
        )}
      />
    </div>
  );
}
