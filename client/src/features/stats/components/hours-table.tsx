import type { Stats } from '@shared/schemas/stats';
import { Table, type TableColumnsType } from 'antd';
import { useWords } from '../i18n';

type HoursRow = Stats['duty']['hours'][number];
type HourField = 'total' | 'nights' | 'weekends' | 'holidays';

const hours = (n: number) => (Math.round(n * 10) / 10).toLocaleString('en-US');

/** Duty hours per person (total, nights, weekends, holidays), with the period's totals below. */
export function HoursTable({ rows }: { rows: HoursRow[] }) {
  const t = useWords();
  const hourColumn = (field: HourField, key: Parameters<typeof t>[0]) => ({
    title: t(key),
    dataIndex: field,
    align: 'right' as const,
    sorter: (a: HoursRow, b: HoursRow) => a[field] - b[field],
    render: hours,
  });
  const columns: TableColumnsType<HoursRow> = [
    { title: t('stats.hours.name'), dataIndex: 'name' },
    {
      title: t('stats.hours.shifts'),
      dataIndex: 'shifts',
      align: 'right',
      sorter: (a, b) => a.shifts - b.shifts,
    },
    hourColumn('total', 'stats.hours.total'),
    hourColumn('nights', 'stats.hours.nights'),
    hourColumn('weekends', 'stats.hours.weekends'),
    hourColumn('holidays', 'stats.hours.holidays'),
  ];
  const sum = (field: HourField | 'shifts') => rows.reduce((acc, r) => acc + r[field], 0);

  return (
    <Table<HoursRow>
      rowKey="userId"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ y: 320 }}
      locale={{ emptyText: t('stats.hours.empty') }}
      data-testid="stats-hours"
      summary={() =>
        rows.length > 1 ? (
          <Table.Summary fixed>
            <Table.Summary.Row className="stats-hours-total">
              <Table.Summary.Cell index={0}>{t('stats.hours.sum')}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {sum('shifts')}
              </Table.Summary.Cell>
              {(['total', 'nights', 'weekends', 'holidays'] as const).map((field, i) => (
                <Table.Summary.Cell key={field} index={i + 2} align="right">
                  {hours(sum(field))}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        ) : null
      }
    />
  );
}
