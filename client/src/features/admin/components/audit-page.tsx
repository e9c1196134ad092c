import { DownOutlined } from '@ant-design/icons';
import { TablePage } from '@client/components/table-page';
import { useDisplayName } from '@client/hooks/use-display-name';
import { useLang, useT } from '@client/lib/i18n';
import { formatInstant } from '@client/lib/time';
import type { EventType } from '@shared/events';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Select, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { auditTrailQuery, type EventRecordData } from '../api/list-events';
import { auditSentence, KIND_LABEL } from './audit-sentence';
import { useChainVerify } from './use-chain-verify';

// Keyed by every member of the event union: a type added to shared/events.ts and not listed here
// fails to compile, so the filter always offers every event the server can record.
const everyType: Record<EventType, true> = {
  'user.created': true,
  'user.updated': true,
  'user.password_reset': true,
  'unit.created': true,
  'unit.updated': true,
  'token.created': true,
  'token.revoked': true,
  'auth.signed_in': true,
  'auth.signed_out': true,
  'auth.password_changed': true,
  'system.started': true,
  'system.installed': true,
  'settings.updated': true,
  'settings.deadlines_updated': true,
  'settings.policy_profile_selected': true,
  'settings.policy_profile_saved': true,
  'settings.policy_profile_deleted': true,
  'roster.generated': true,
  'roster.shift_created': true,
  'roster.shift_updated': true,
  'roster.shift_deleted': true,
  'roster.published': true,
  'roster.period_created': true,
  'roster.period_deleted': true,
  'calendar.days_set': true,
  'calendar.day_cleared': true,
  'duty.changed': true,
  'attendance.checked_in': true,
  'attendance.checked_out': true,
  'attendance.missed': true,
  'spotcheck.issued': true,
  'spotcheck.answered': true,
  'spotcheck.missed': true,
  'post.assigned': true,
  'post.checked_in': true,
  'unitcheck.issued': true,
  'unitcheck.answered': true,
  'unitcheck.missed': true,
  'incident.taken': true,
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
  'incident.statutory_recorded': true,
  'incident.signoff_requested': true,
  'incident.signoff_approved': true,
  'incident.signoff_returned': true,
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
  'escalation.started': true,
  'escalation.stepped': true,
  'escalation.acknowledged': true,
  'escalation.delivery': true,
  'escalation.settings_updated': true,
  'warning.issued': true,
  'warning.changed': true,
  'warning.lifted': true,
  'response.started': true,
  'response.changed': true,
  'response.ended': true,
  'consultation.recorded': true,
  'disaster.created': true,
  'disaster.updated': true,
  'disaster.state_changed': true,
  'disaster.figures_filed': true,
  'disaster.victim_recorded': true,
  'disaster.victim_updated': true,
  'disaster.victim_removed': true,
  'disaster.overdue': true,
  'disaster.report_sent': true,
  'disaster.signoff_requested': true,
  'disaster.signoff_decided': true,
  'disaster.photo_added': true,
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
  warning: 'orange',
  response: 'volcano',
  consultation: 'gold',
  disaster: 'red',
};

/** Newest first, each seq once: a live line may also come in a page read after it. */
function merge(pages: { events: EventRecordData[] }[]): EventRecordData[] {
  const bySeq = new Map<number, EventRecordData>();
  for (const page of pages) for (const row of page.events) bySeq.set(row.seq, row);
  return [...bySeq.values()].sort((a, b) => b.seq - a.seq);
}

function typeColor(type: string): string {
  return kindColor[type.split('.')[0] ?? ''] ?? 'default';
}

export function AuditPage() {
  const t = useT();
  const lang = useLang();
  const [type, setType] = useState<string | undefined>(undefined);
  const client = useQueryClient();
  const trail = useInfiniteQuery(auditTrailQuery(type));
  const pages = trail.data?.pages;
  const rows = useMemo(() => merge(pages ?? []), [pages]);
  // The server names each page's actors; the people directory covers lines that came in live.
  const known = useMemo(() => Object.assign({}, ...(pages ?? []).map((p) => p.names)), [pages]);
  const person = useDisplayName(known);
  const headSeq = pages?.[0]?.headSeq ?? null;
  const floor = pages?.at(-1)?.floor ?? null;
  // Back to the newest page, as on opening the page.
  const reload = () => void client.resetQueries({ queryKey: auditTrailQuery(type).queryKey, exact: true });
  const chain = useChainVerify();

  const seen = new Set<string>([...knownTypes, ...rows.map((r) => r.type)]);
  // The filter names each type by its kind in words, the exact type beside it for the record.
  const typeOptions = [...seen].sort().map((value) => {
    const kind = KIND_LABEL[value.split('.')[0] ?? ''];
    return { value, label: kind ? `${t(kind)} · ${value}` : value };
  });

  const columns: TableColumnsType<EventRecordData> = [
    { title: t('audit.seq'), dataIndex: 'seq', width: 90 },
    { title: t('audit.at'), dataIndex: 'at', width: 180, render: (at: string) => formatInstant(at) },
    {
      title: t('audit.type'),
      dataIndex: 'type',
      width: 110,
      render: (value: string) => {
        const kind = KIND_LABEL[value.split('.')[0] ?? ''];
        return (
          <Tag color={typeColor(value)} title={value}>
            {kind ? t(kind) : value}
          </Tag>
        );
      },
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actor',
      width: 120,
      ellipsis: true,
      render: (actor: string) => person(actor),
    },
    {
      // Who did what to which record, in words; the recorded JSON opens with the row's expander.
      title: t('audit.what'),
      key: 'what',
      render: (_, row) => (
        <span className="audit-sentence" data-testid={`audit-sentence-${row.seq}`}>
          {auditSentence(row, t, lang, person)}
        </span>
      ),
    },
  ];

  return (
    <TablePage<EventRecordData>
      title={t('audit.title')}
      sub={headSeq !== null && t('audit.head', { seq: headSeq })}
      tools={
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
      }
      onRefresh={reload}
      extra={chain.button}
      banner={chain.result}
      error={trail.error}
      testId="audit-table"
      table={{
        rowKey: 'seq',
        size: 'small',
        columns,
        dataSource: rows,
        loading: trail.isFetching,
        expandable: {
          expandedRowRender: (row) => (
            <pre className="json-payload" data-testid={`audit-json-${row.seq}`}>
              {JSON.stringify(
                { type: row.type, actor: row.actor, subject: row.subject, payload: row.payload },
                null,
                2,
              )}
            </pre>
          ),
          expandRowByClick: true,
        },
        pagination: { defaultPageSize: 50, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200] },
        scroll: { x: 720 },
      }}
      footer={
        <div style={{ textAlign: 'center', marginTop: 8 }}>
          {floor !== null && floor > 0 ? (
            <Button
              icon={<DownOutlined />}
              onClick={() => void trail.fetchNextPage()}
              loading={trail.isFetching}
              data-testid="audit-load-older"
            >
              {t('audit.loadOlder')}
            </Button>
          ) : (
            floor === 0 && <Typography.Text type="secondary">{t('audit.noOlder')}</Typography.Text>
          )}
        </div>
      }
    />
  );
}
