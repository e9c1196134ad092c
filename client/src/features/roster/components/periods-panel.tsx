import { DeleteOutlined, ImportOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { LoadError } from '@client/components/load-error';
import type { Period } from '@shared/schemas/roster';
import type { DutySettings } from '@shared/schemas/settings';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Popconfirm, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { deletePeriod } from '../api/delete-period';
import { yearPeriodsQuery } from '../api/list-year-periods';
import { useWords } from '../i18n';
import { PeriodImportModal } from './period-import-modal';
import { PeriodModal } from './period-modal';
import { describeRosterError } from './roster-errors';
import { periodKindColor, periodKindLabel } from './roster-labels';

interface Props {
  initialYear: number;
  isAdmin: boolean;
  settings: DutySettings | null;
}

function days(p: Period): number {
  return Math.round((Date.parse(p.toDate) - Date.parse(p.fromDate)) / 86_400_000) + 1;
}

/** Strengthened-duty periods (holidays, seasons, sensitive times, responses) and make-up workdays. */
export function PeriodsPanel({ initialYear, isAdmin, settings }: Props) {
  const t = useWords();
  const { message } = App.useApp();
  const [year, setYear] = useState(initialYear);
  // Following the month on screen: moving to January 2027 shows 2027's periods.
  useEffect(() => setYear(initialYear), [initialYear]);
  const { data: periods = [], isFetching, error, refetch } = useQuery(yearPeriodsQuery(year));
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);

  async function remove(period: Period) {
    try {
      await deletePeriod(period.id);
      message.success(t('period.deleted', { name: period.name }));
    } catch (caught) {
      message.error(describeRosterError(t, caught));
    }
  }

  const minimum = (value: number | null, kind: Period['kind']) =>
    kind === 'makeup_workday'
      ? '—'
      : (value ?? <Typography.Text type="secondary">{t('period.default')}</Typography.Text>);

  const columns: TableColumnsType<Period> = [
    {
      title: t('period.kind'),
      dataIndex: 'kind',
      width: 130,
      render: (kind: Period['kind']) => <Tag color={periodKindColor[kind]}>{t(periodKindLabel[kind])}</Tag>,
    },
    { title: t('period.name'), dataIndex: 'name' },
    { title: t('roster.from'), dataIndex: 'fromDate', width: 120 },
    { title: t('roster.to'), dataIndex: 'toDate', width: 120 },
    { title: t('period.days'), key: 'days', width: 80, render: (_: unknown, p) => days(p) },
    {
      title: t('period.officers'),
      dataIndex: 'officers',
      width: 110,
      render: (v: number | null, p) => minimum(v, p.kind),
    },
    {
      title: t('period.leaders'),
      dataIndex: 'leaders',
      width: 110,
      render: (v: number | null, p) => (
        <>
          {minimum(v, p.kind)}
          {p.leaderOnSite && (
            <Tag color="red" style={{ marginLeft: 4 }}>
              {t('period.leaderOnSite')}
            </Tag>
          )}
        </>
      ),
    },
  ];
  if (isAdmin) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_: unknown, p) => (
        <Popconfirm
          title={t('period.deleteConfirm', { name: p.name })}
          okButtonProps={{ danger: true }}
          okText={t('roster.delete')}
          cancelText={t('common.cancel')}
          onConfirm={() => remove(p)}
        >
          <Button type="link" size="small" danger icon={<DeleteOutlined />}>
            {t('roster.delete')}
          </Button>
        </Popconfirm>
      ),
    });
  }

  const season = (value: DutySettings['floodSeason']) =>
    value ? `${value.from} – ${value.to}` : t('period.seasonUnset');

  return (
    <div data-testid="periods-panel">
      <div className="roster-toolbar">
        <Space wrap>
          <Select
            value={year}
            onChange={setYear}
            options={[initialYear - 1, initialYear, initialYear + 1].map((y) => ({
              value: y,
              label: String(y),
            }))}
            style={{ width: 100 }}
          />
          {settings && (
            <Typography.Text type="secondary">
              {t('period.seasons', {
                flood: season(settings.floodSeason),
                fire: season(settings.fireSeason),
                officers: settings.strengthenedStaffing.officers,
                leaders: settings.strengthenedStaffing.leaders,
              })}
            </Typography.Text>
          )}
        </Space>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void refetch()}>
            {t('common.refresh')}
          </Button>
          {isAdmin && (
            <>
              <Button
                icon={<ImportOutlined />}
                onClick={() => setImporting(true)}
                data-testid="import-periods"
              >
                {t('period.import')}
              </Button>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setAdding(true)}
                data-testid="add-period"
              >
                {t('period.new')}
              </Button>
            </>
          )}
        </Space>
      </div>
      <LoadError error={error} describe={describeRosterError} bare style={{ marginBottom: 12 }} />
      <Table<Period>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={periods}
        loading={isFetching}
        pagination={false}
        locale={{ emptyText: t('period.none') }}
      />
      <PeriodModal open={adding} onClose={() => setAdding(false)} />
      <PeriodImportModal open={importing} onClose={() => setImporting(false)} />
    </div>
  );
}
