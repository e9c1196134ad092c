import {
  CalendarOutlined,
  DownOutlined,
  ExportOutlined,
  PrinterOutlined,
  ScheduleOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, type MenuProps } from 'antd';
import { useState } from 'react';
import { useWords } from '../i18n';
import { CalendarFeedModal } from './calendar-feed-modal';
import { RosterFeedsModal } from './roster-feeds-modal';

interface Props {
  month: string;
  from: string;
  to: string;
  /** Administrators also issue and revoke whole-roster feeds. */
  isAdmin?: boolean;
}

/** Print, CSV, duty hours, the personal calendar feed and (administrators) whole-roster feeds. */
export function ExportMenu({ month, from, to, isAdmin = false }: Props) {
  const t = useWords();
  const [feedOpen, setFeedOpen] = useState(false);
  const [rosterFeedsOpen, setRosterFeedsOpen] = useState(false);
  const items: MenuProps['items'] = [
    {
      key: 'csv',
      label: (
        <a href={`/api/roster.csv?month=${month}`} download>
          {t('roster.exportCsv')}
        </a>
      ),
    },
    {
      key: 'hours',
      label: (
        <a href={`/api/roster/hours?from=${from}&to=${to}&format=csv`} download>
          {t('roster.exportHours')}
        </a>
      ),
    },
    {
      key: 'hours-json',
      label: (
        <a href={`/api/roster/hours?from=${from}&to=${to}`} target="_blank" rel="noreferrer">
          {t('roster.viewHours')}
        </a>
      ),
    },
    { type: 'divider' },
    { key: 'feed', icon: <CalendarOutlined />, label: t('roster.feed'), onClick: () => setFeedOpen(true) },
    ...(isAdmin
      ? [
          {
            key: 'roster-feeds',
            icon: <ScheduleOutlined />,
            label: t('roster.feeds.menu'),
            onClick: () => setRosterFeedsOpen(true),
          },
        ]
      : []),
  ];
  return (
    <>
      <Button
        icon={<PrinterOutlined />}
        href={`/roster/print?month=${month}`}
        target="_blank"
        data-testid="print-roster"
      >
        {t('roster.print')}
      </Button>
      <Dropdown menu={{ items }} trigger={['click']}>
        <Button icon={<ExportOutlined />} data-testid="roster-export">
          {t('roster.export')} <DownOutlined />
        </Button>
      </Dropdown>
      <CalendarFeedModal open={feedOpen} onClose={() => setFeedOpen(false)} />
      {isAdmin && <RosterFeedsModal open={rosterFeedsOpen} onClose={() => setRosterFeedsOpen(false)} />}
    </>
  );
}
