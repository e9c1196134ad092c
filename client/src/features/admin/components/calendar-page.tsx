import { DeleteOutlined } from '@ant-design/icons';
import { PAGE_OF_50, TablePage } from '@client/components/table-page';
import { describeError } from '@client/lib/error-text';
import type { CalendarDay, CalendarOverride } from '@shared/schemas/calendar';
import { useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { calendarYearQuery, clearCalendarDay, putCalendarDays } from '../api/calendar';
import { useWords } from '../i18n';

const FESTIVALS = [
  'new_year',
  'spring_festival',
  'qingming',
  'labour_day',
  'dragon_boat',
  'mid_autumn',
  'national_day',
] as const;

/**
 * 法定节假日: the State Council's schedule shipped with the console (the notice cited), and the
 * administrator's corrections — a day made off or worked — each an event; entering next year's
 * holidays here clears the "missing" warning.
 */
export function CalendarPage() {
  const t = useWords();
  const { message } = App.useApp();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const { data, isFetching, error, refetch } = useQuery(calendarYearQuery(year));
  const [form] = Form.useForm<CalendarOverride>();

  async function run(action: () => Promise<unknown>) {
    try {
      await action();
      message.success(t('calendar.saved'));
      void refetch();
    } catch (caught) {
      message.error(describeError(t, caught));
    }
  }

  const festivalName = (f: string | null) =>
    f ? t(`calendar.festival.${f as (typeof FESTIVALS)[number]}`) : '';
  const columns: TableColumnsType<CalendarDay> = [
    { title: t('calendar.date'), dataIndex: 'date', width: 130 },
    {
      title: t('calendar.kind'),
      dataIndex: 'kind',
      width: 130,
      render: (kind: CalendarDay['kind']) => (
        <Tag color={kind === 'holiday' ? 'red' : 'blue'}>{t(`calendar.kind.${kind}`)}</Tag>
      ),
    },
    {
      title: t('calendar.name'),
      dataIndex: 'name',
      render: (name: string | null, d) => name || festivalName(d.festival),
    },
    {
      title: t('calendar.key'),
      dataIndex: 'key',
      width: 110,
      render: (key: boolean) => (key ? <Tag color="orange">{t('calendar.keyYes')}</Tag> : null),
    },
    {
      title: t('calendar.source'),
      dataIndex: 'source',
      width: 120,
      render: (source: CalendarDay['source']) => t(`calendar.source.${source}`),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_: unknown, d) =>
        d.source === 'override' ? (
          <Button
            type="link"
            size="small"
            danger
            icon={<DeleteOutlined />}
            data-testid={`calendar-clear-${d.date}`}
            onClick={() => run(() => clearCalendarDay(d.date))}
          >
            {t('calendar.clear')}
          </Button>
        ) : null,
    },
  ];

  const notice = data?.notice;
  return (
    <TablePage<CalendarDay>
      title={t('calendar.title')}
      sub={
        notice ? (
          <span data-testid="calendar-notice">
            {t('calendar.notice', { title: notice.title, document: notice.document, date: notice.issuedOn })}{' '}
            {notice.sources.map((s) => (
              <Typography.Link key={s} href={s} target="_blank" rel="noreferrer">
                {t('calendar.sourceLink')}
              </Typography.Link>
            ))}
          </span>
        ) : (
          <Typography.Text type="warning" data-testid="calendar-no-notice">
            {data?.known ? t('calendar.enteredOnly') : t('calendar.noNotice', { year })}
          </Typography.Text>
        )
      }
      subBelow
      onRefresh={() => void refetch()}
      error={error}
      testId="calendar-table"
      table={{
        columns,
        dataSource: data?.days ?? [],
        rowKey: 'date',
        loading: isFetching,
        pagination: PAGE_OF_50,
      }}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('calendar.year')}</span>
        <InputNumber
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => v && setYear(v)}
          data-testid="calendar-year"
        />
      </Space>
      <Form
        form={form}
        layout="inline"
        initialValues={{ kind: 'holiday', festival: null, name: '' }}
        onFinish={(day) =>
          run(async () => {
            await putCalendarDays([{ ...day, festival: day.festival ?? null, name: day.name ?? '' }]);
            form.resetFields();
          })
        }
        data-testid="calendar-form"
      >
        <Form.Item
          name="date"
          label={t('calendar.date')}
          rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}
        >
          <Input placeholder="2027-01-01" style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="kind" label={t('calendar.kind')}>
          <Select
            style={{ width: 120 }}
            options={[
              { value: 'holiday', label: t('calendar.kind.holiday') },
              { value: 'workday', label: t('calendar.kind.workday') },
            ]}
          />
        </Form.Item>
        <Form.Item name="festival" label={t('calendar.festival')}>
          <Select
            allowClear
            style={{ width: 130 }}
            options={FESTIVALS.map((f) => ({ value: f, label: festivalName(f) }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('calendar.name')}>
          <Input maxLength={40} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" data-testid="calendar-save">
            {t('calendar.save')}
          </Button>
        </Form.Item>
      </Form>
    </TablePage>
  );
}
