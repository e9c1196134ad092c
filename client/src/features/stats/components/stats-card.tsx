import type { StatsQuery, StatsTable } from '@shared/schemas/stats';
import { Card } from 'antd';
import type { ReactNode } from 'react';
import { CsvButton } from './csv-button';

interface Props {
  title: string;
  query: StatsQuery;
  /** The table its CSV download holds. */
  table: StatsTable;
  testId?: string;
  children: ReactNode;
}

/** A card of the statistics page, with the CSV of its figures in the corner. */
export function StatsCard({ title, query, table, testId, children }: Props) {
  return (
    <Card
      size="small"
      title={title}
      extra={<CsvButton query={query} table={table} />}
      className="stats-card"
      data-testid={testId}
    >
      {children}
    </Card>
  );
}
