import type { TableColumnsType, TableProps } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import './table-cards.css';

/**
 * A wide table read as cards on a phone: each row a card, each cell a line labelled with its
 * column's title (table-cards.css), never a sideways scroller. Wide screens keep the table as it is.
 */
export function tableCards<T>(table: TableProps<T>, phone: boolean): TableProps<T> {
  if (!phone) return table;
  const label = (title: ReactNode | unknown) => (typeof title === 'string' ? title : undefined);
  const columns = (table.columns ?? []).map((column) => {
    const own = column.onCell;
    return {
      ...column,
      width: undefined,
      fixed: undefined,
      ellipsis: false,
      onCell: (record: T, index?: number) =>
        ({
          ...(own ? own(record, index) : {}),
          'data-label': label(column.title),
        }) as HTMLAttributes<HTMLElement>,
    };
  }) as TableColumnsType<T>;
  return {
    ...table,
    columns,
    scroll: undefined,
    tableLayout: 'auto',
    className: [table.className, 'table-cards'].filter(Boolean).join(' '),
    pagination:
      table.pagination === false ? false : { ...table.pagination, simple: true, showSizeChanger: false },
  };
}
