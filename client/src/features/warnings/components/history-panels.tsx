import { DateRange } from '@client/components/date-range';
import { bureauToday, bureauWallToIso, formatMinute } from '@client/lib/time';
import { useWarningWords } from '@client/lib/warning-labels';
import { WARNING_COLOURS, WARNING_TYPE_CODES } from '@shared/domain/warning-types';
import type { Consultation, EmergencyResponse, Warning } from '@shared/schemas/warnings';
import { useQuery } from '@tanstack/react-query';
import { Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { consultationsQuery } from '../api/list-consultations';
import { responseHistoryQuery } from '../api/list-responses';
import { warningHistoryQuery } from '../api/list-warnings';
import { warningStatsQuery } from '../api/warning-stats';
import { useWords } from '../i18n';

/** A period of calendar days as instants: from the first day's start to the day after the last. */
export function usePeriod() {
  const [days, setDays] = useState(() => ({ from: `${bureauToday().slice(0, 4)}-01-01`, to: bureauToday() }));
  const start = (day: string) => (day ? (bureauWallToIso(`${day}T00:00`) ?? undefined) : undefined);
  const end = start(days.to);
  const period = {
    from: start(days.from),
    to: end ? new Date(Date.parse(end) + 86_400_000).toISOString() : undefined,
  };
  return { days, setDays, period };
}

function LevelTag({ level, text }: { level: keyof typeof WARNING_COLOURS; text: string }) {
  const c = WARNING_COLOURS[level];
  return (
    <Tag style={{ background: c.bg, color: c.fg, borderColor: c.bg }} data-level={level}>
      {text}
    </Tag>
  );
}

export function PeriodTools({ p }: { p: ReturnType<typeof usePeriod> }) {
  const t = useWords();
  return (
    <DateRange
      from={p.days.from}
      to={p.days.to}
      onChange={(next) => p.setDays((d) => ({ ...d, ...next }))}
      labels={[t('warnings.period'), t('warnings.period')]}
      testIds={['warnings-from', 'warnings-to']}
      bounded
    />
  );
}

export function HistoryPanel({ period }: { period: { from?: string; to?: string } }) {
  const t = useWords();
  const words = useWarningWords();
  const [type, setType] = useState<string | undefined>();
  const warnings = useQuery(warningHistoryQuery({ ...period, type })).data ?? [];
  const responses = useQuery(responseHistoryQuery(period)).data ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Select
        allowClear
        placeholder={t('warnings.type')}
        value={type}
        onChange={setType}
        style={{ minWidth: 160 }}
        options={WARNING_TYPE_CODES.map((c) => ({ value: c, label: words.type(c) }))}
      />
      <Table<Warning>
        rowKey="id"
        size="small"
        data-testid="warnings-history"
        dataSource={warnings}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: true }}
        columns={[
          {
            title: t('warnings.warnings'),
            render: (_, w) => <LevelTag level={w.level} text={words.warning(w)} />,
          },
          { title: t('warnings.issuer'), dataIndex: 'issuer' },
          { title: t('warnings.effectiveAt'), render: (_, w) => formatMinute(w.effectiveAt) },
          {
            title: t('warnings.liftedAt'),
            render: (_, w) => (w.liftedAt ? formatMinute(w.liftedAt) : t('warnings.inForce')),
          },
          {
            title: t('warnings.area'),
            render: (_, w) => (w.area.length ? w.area.join('、') : t('warnings.wholeDistrict')),
          },
        ]}
      />
      <Table<EmergencyResponse>
        rowKey="id"
        size="small"
        dataSource={responses}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('warnings.responses'), render: (_, r) => words.response(r) },
          { title: t('warnings.startedAt'), render: (_, r) => formatMinute(r.startedAt) },
          {
            title: t('warnings.endedAt'),
            render: (_, r) => (r.endedAt ? formatMinute(r.endedAt) : t('warnings.inForce')),
          },
        ]}
      />
    </Space>
  );
}

export function StatsPanel({ period }: { period: { from?: string; to?: string } }) {
  const t = useWords();
  const words = useWarningWords();
  const stats = useQuery(warningStatsQuery(period)).data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="warnings-stats">
      <strong>
        {t('warnings.byTypeLevel')} · {t('warnings.total', { count: stats?.total ?? 0 })}
      </strong>
      <Table
        rowKey={(r) => `${r.type}:${r.level}`}
        size="small"
        dataSource={stats?.rows ?? []}
        pagination={false}
        columns={[
          { title: t('warnings.type'), render: (_, r) => words.type(r.type) },
          {
            title: t('warnings.level'),
            render: (_, r) => <LevelTag level={r.level} text={words.level(r.level)} />,
          },
          { title: t('warnings.count'), dataIndex: 'count', align: 'right' },
        ]}
      />
      <strong>{t('warnings.byResponse')}</strong>
      <Table
        rowKey={(r) => `${r.headquarters}:${r.level}`}
        size="small"
        dataSource={stats?.responses ?? []}
        pagination={false}
        columns={[
          { title: t('warnings.headquarters'), render: (_, r) => words.hq(r.headquarters) },
          { title: t('warnings.responseLevel'), render: (_, r) => words.responseLevel(r.level) },
          { title: t('warnings.count'), dataIndex: 'count', align: 'right' },
        ]}
      />
    </Space>
  );
}

export function ConsultationsPanel({ period }: { period: { from?: string; to?: string } }) {
  const t = useWords();
  const list = useQuery(consultationsQuery(period)).data ?? [];
  return (
    <Table<Consultation>
      rowKey="id"
      size="small"
      data-testid="consultations"
      dataSource={list}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: true }}
      columns={[
        { title: t('warnings.heldAt'), render: (_, c) => formatMinute(c.heldAt) },
        { title: t('warnings.participants'), render: (_, c) => c.participants.join('、') },
        { title: t('warnings.conclusions'), dataIndex: 'conclusions' },
        { title: t('warnings.orders'), dataIndex: 'orders' },
      ]}
    />
  );
}
