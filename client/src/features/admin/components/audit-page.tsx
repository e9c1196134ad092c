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

const knownTypes: EventType[] = [
  'user.created',
  'user.updated',
  'user.password_reset',
  'token.created',
  'token.revoked',
  'auth.signed_in',
  'auth.signed_out',
  'system.started',
  'settings.updated',
  'roster.generated',
  'roster.shift_created',
  'roster.shift_updated',
  'roster.shift_deleted',
  'roster.published',
  'roster.period_created',
  'roster.period_deleted',
  'duty.changed',
  'attendance.checked_in',
  'attendance.checked_out',
  'attendance.missed',
  'calendar.feed_created',
  'calendar.feed_revoked',
];

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
