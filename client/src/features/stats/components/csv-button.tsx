import { DownloadOutlined } from '@ant-design/icons';
import type { StatsQuery, StatsTable } from '@shared/schemas/stats';
import { Button } from 'antd';
import { statsCsvUrl } from '../api/stats-csv-url';
import { useWords } from '../i18n';

/** The CSV of one table, for exactly the period and filters of the figures on screen. */
export function CsvButton({ query, table }: { query: StatsQuery; table: StatsTable }) {
  const t = useWords();
  return (
    <Button
      size="small"
      type="text"
      icon={<DownloadOutlined />}
      href={statsCsvUrl(query, table)}
      download
      title={t('stats.csvTitle')}
      data-testid={`csv-${table}`}
    >
      CSV
    </Button>
  );
}
