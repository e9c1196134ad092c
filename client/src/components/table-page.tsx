import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { usePhone } from '@client/hooks/use-phone';
import { useT } from '@client/lib/i18n';
import { Button, Card, Space, Table, type TableProps, Typography } from 'antd';
import type { ReactNode } from 'react';
import { LoadError } from './load-error';
import { tableCards } from './table-cards';
import './table-page.css';

interface TablePageProps<T> {
  title: ReactNode;
  /** Beside or under the title: a count, a line of explanation. */
  sub?: ReactNode;
  /** The sub line goes under the title rather than beside it. */
  subBelow?: boolean;
  /** Tools before the refresh button (filters). */
  tools?: ReactNode;
  onRefresh: () => void;
  /** The primary "new …" button after the refresh button. */
  create?: { label: ReactNode; onClick: () => void; testId: string };
  /** More tools after the others. */
  extra?: ReactNode;
  /** Shown above the load error (e.g. a verdict). */
  banner?: ReactNode;
  error: unknown;
  /** The table's wrapper, which tests find the rows in. */
  testId: string;
  table: TableProps<T>;
  /** Under the table (e.g. "load older"). */
  footer?: ReactNode;
  /** The dialogs of the page. */
  children?: ReactNode;
}

/** An administration list: title and tools, the load error, the table, its dialogs. */
export function TablePage<T extends object>(props: TablePageProps<T>) {
  const t = useT();
  const phone = usePhone();
  const { title, sub, create } = props;
  const heading = props.subBelow ? (
    <div>
      <Typography.Title level={4}>{title}</Typography.Title>
      <Typography.Text type="secondary">{sub}</Typography.Text>
    </div>
  ) : (
    <Space align="baseline">
      <Typography.Title level={4}>{title}</Typography.Title>
      {sub && <Typography.Text type="secondary">{sub}</Typography.Text>}
    </Space>
  );
  return (
    <Card>
      <div className="page-toolbar">
        {heading}
        <Space wrap>
          {props.tools}
          <Button icon={<ReloadOutlined />} onClick={props.onRefresh}>
            {t('common.refresh')}
          </Button>
          {create && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={create.onClick}
              data-testid={create.testId}
            >
              {create.label}
            </Button>
          )}
          {props.extra}
        </Space>
      </div>
      {props.banner}
      <LoadError error={props.error} style={{ marginBottom: 16 }} />
      <div data-testid={props.testId}>
        <Table<T> rowKey="id" size="middle" {...tableCards(props.table, phone)} />
      </div>
      {props.footer}
      {props.children}
    </Card>
  );
}

/** Fifty rows a page, no size changer, no pager for one page. */
export const PAGE_OF_50 = { pageSize: 50, hideOnSinglePage: true, showSizeChanger: false } as const;
