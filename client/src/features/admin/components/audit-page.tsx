import { DownOutlined, ReloadOutlined } from '@ant-design/icons';
import { describeError } from '@client/lib/error-text';
import { useT } from '@client/lib/i18n';
import { formatInstant } from '@client/lib/time';
import type { EventType } from '@shared/events';
import { Alert, Button, Card, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { EventRecordData } from '../api/list-events';
import { useAuditEvents } from './use-audit-events';
import { useChainVerify } from './use-chain-verify';
import './admin-pages.css';

// Keyed by every member of the event union: a type added to shared/events.ts and not listed here
// fails to compile, so the filter always offers every event the server can record.
const everyType: Record<EventType, true> = {
  'user.created': true,
  'user.updated': true,
  'user.password_reset': true,
  'token.created': true,
  'token.revoked': true,
  'auth.signed_in': true,
  'auth.signed_out': true,
  'auth.password_changed': true,
  'system.started': true,
  'system.installed': true,
  'settings.updated': true,
  'settings.deadlines_updated': true,
  'roster.generated': true,
  'roster.shift_created': true,
  'roster.shift_updated': true,
  'roster.shift_deleted': true,
  'roster.published': true,
  'roster.period_created': true,
  'roster.period_deleted': true,
  'duty.changed': true,
  'attendance.checked_in': true,
  'attendance.checked_out': true,
  'attendance.missed': true,
  'spotcheck.issued': true,
  'spotcheck.answered': true,
  'spotcheck.missed': true,
  'swap.requested': true,
  'swap.accepted': true,
  'swap.approved': true,
  'swap.rejected': true,
  'swap.cancelled': true,
  'incident.created': true,
  'incident.updated': true,
  'incident.verified': true,
  'incident.acknowledged': true,
  'incident.reported': true,
  'incident.action': true,
  'incident.closed': true,
  'incident.overdue': true,
  'report.delivery': true,
  'calendar.feed_created': true,
  'calendar.feed_revoked': true,
  'calendar.roster_feed_created': true,
  'calendar.roster_feed_revoked': true,
  'logbook.added': true,
  'logbook.updated': true,
  'logbook.linked': true,
  'handover.submitted': true,
  'handover.revised': true,
  'handover.accepted': true,
  'handover.amended': true,
};
const knownTypes = Object.keys(everyType) as EventType[];

const kindColor: Record<string, string> = {
  user: 'blue',
  token: 'purple',
  auth: 'cyan',
  system: 'default',
  incident: 'red',
  duty: 'geekblue',
  attendance: 'green',
  spotcheck: 'orange',
  logbook: 'lime',
  handover: 'gold',
  roster: 'magenta',
  settings: 'volcano',
  calendar: 'default',
  swap: 'geekblue',
  report: 'red',
};

function typeColor(type: string): string {
  return kindColor[type.split('.')[0] ?? ''] ?? 'default';
}

export function AuditPage() {
  const t = useT();
  const [type, setType] = useState<string | undefined>(undefined);
  const { rows, headSeq, loading, error, floor, loadOlder, reload } = useAuditEvents(type);
  const chain = useChainVerify();

  const seen = new Set<string>([...knownTypes, ...rows.map((r) => r.type)]);
  const typeOptions = [...seen].sort().map((value) => ({ value, label: value }));

  const columns: TableColumnsType<EventRecordData> = [
    { title: t('audit.seq'), dataIndex: 'seq', width: 90 },
    { title: t('audit.at'), dataIndex: 'at', width: 180, render: (at: string) => formatInstant(at) },
    {
      title: t('audit.type'),
      dataIndex: 'type',
      width: 190,
      render: (value: string) => <Tag color={typeColor(value)}>{value}</Tag>,
    },
    { title: t('audit.actor'), dataIndex: 'actor', width: 150, ellipsis: true },
    { title: t('audit.subject'), dataIndex: 'subject', width: 150, ellipsis: true },
    {
      title: t('audit.payload'),
      dataIndex: 'payload',
      ellipsis: true,
      render: (payload: unknown) => (
        <Typography.Text type="secondary" style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}>
          {JSON.stringify(payload)}
        </Typography.Text>
      ),
    },
  ];

  return (
    <Card>
      <div className="page-toolbar">
        <Space align="baseline">
          <Typography.Title level={4}>{t('audit.title')}</Typography.Title>
          {headSeq !== null && (
            <Typography.Text type="secondary">{t('audit.head', { seq: headSeq })}</Typography.Text>
          )}
        </Space>
        <Space wrap>
          <Select
            allowClear
            showSearch
            placeholder={t('audit.typeFilter')}
            options={typeOptions}
            value={type}
            onChange={(value: string | undefined) => setType(value)}
            style={{ width: 220 }}
            data-testid="audit-type-filter"
          />
          <Button icon={<ReloadOutlined />} onClick={reload}>
            {t('common.refresh')}
          </Button>
          {chain.button}
        </Space>
      </div>
      {chain.result}
      {error !== null && (
        <Alert
          type="error"
          showIcon
          title={t('common.loadFailed', { message: describeError(t, error) })}
          style={{ marginBottom: 16 }}
        />
      )}
      <div data-testid="audit-table">
        <Table<EventRecordData>
          rowKey="seq"
          size="small"
          columns={columns}
          dataSource={rows}
          loading={loading}
          expandable={{
            expandedRowRender: (row) => (
              <pre className="json-payload">{JSON.stringify(row.payload, null, 2)}</pre>
            ),
          }}
          pagination={{ defaultPageSize: 50, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200] }}
          scroll={{ x: 1000 }}
        />
      </div>
      <div style={{ textAlign: 'center', marginTop: 8 }}>
        {floor !== null && floor > 0 ? (
          <Button
            icon={<DownOutlined />}
            onClick={loadOlder}
            loading={loading}
            data-testid="audit-load-older"
          >
            {t('audit.loadOlder')}
          </Button>
        ) : (
          floor === 0 && <Typography.Text type="secondary">{t('audit.noOlder')}</Typography.Text>
        )}
      </div>
    </Card>
  );
}
