import { DateRange } from '@client/components/date-range';
import { LoadError } from '@client/components/load-error';
import { tableCards } from '@client/components/table-cards';
import { usePhone } from '@client/hooks/use-phone';
import { useLang } from '@client/lib/i18n';
import { formatDay, formatShortInstant } from '@client/lib/time';
import type { Handover, HandoverQuery } from '@shared/schemas/handover';
import { useQuery } from '@tanstack/react-query';
import { Button, Input, Table, type TableColumnsType, Tag } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { handoverArchiveQuery } from '../api/list-handovers';
import { useWords } from '../i18n';
import { describeHandoverError } from './handover-errors';
import { expectedSigner, statusColor, statusLabel } from './handover-labels';

interface Filter {
  from: string;
  to: string;
  person: string;
  q: string;
}

const EMPTY: Filter = { from: '', to: '', person: '', q: '' };
const LIMIT = 500;

function queryOf(filter: Filter): HandoverQuery {
  const query: HandoverQuery = { limit: LIMIT };
  if (filter.from) query.from = filter.from;
  if (filter.to) query.to = filter.to;
  if (filter.person.trim()) query.person = filter.person.trim();
  if (filter.q.trim()) query.q = filter.q.trim();
  return query;
}

/** 档案: every handover, searchable by duty date and by the officers who handed over or took over. */
export function ArchiveTab() {
  const t = useWords();
  const phone = usePhone();
  const lang = useLang();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<Filter>(EMPTY);
  const [typed, setTyped] = useState<Filter>(EMPTY);
  const { data, error, isFetching: loading } = useQuery(handoverArchiveQuery(queryOf(filter)));
  const apply = (patch: Partial<Filter>) => {
    const next = { ...typed, ...patch };
    setTyped(next);
    setFilter(next);
  };

  const columns: TableColumnsType<Handover> = [
    {
      title: t('handover.archive.day'),
      key: 'day',
      width: 130,
      render: (_, h) => <Link to={`/handover/${h.id}`}>{formatDay(h.shift.dutyDate, lang)}</Link>,
    },
    {
      title: t('handover.archive.shift'),
      key: 'shift',
      width: 190,
      render: (_, h) => (
        <span className="ho-nums">
          {formatShortInstant(h.shift.start)} – {formatShortInstant(h.shift.end)}
        </span>
      ),
    },
    { title: t('handover.sign.outgoing'), dataIndex: 'submittedByName', width: 110 },
    {
      title: t('handover.sign.incoming'),
      key: 'incoming',
      width: 110,
      render: (_, h) => h.acceptedByName ?? <span className="ho-muted">{expectedSigner(h) || '—'}</span>,
    },
    {
      title: t('handover.archive.status'),
      dataIndex: 'status',
      width: 110,
      render: (status: Handover['status']) => <Tag color={statusColor[status]}>{t(statusLabel[status])}</Tag>,
    },
    {
      title: t('handover.archive.open'),
      key: 'open',
      width: 100,
      align: 'right',
      render: (_, h) => h.content.openIncidents.length,
    },
    {
      title: t('handover.archive.carried'),
      key: 'carried',
      width: 100,
      align: 'right',
      render: (_, h) => h.carried.length,
    },
    {
      title: t('handover.archive.amendments'),
      key: 'amendments',
      width: 90,
      align: 'right',
      render: (_, h) => h.amendments.length || '',
    },
    {
      title: t('handover.archive.notes'),
      dataIndex: 'notes',
      ellipsis: true,
    },
  ];

  return (
    <div className="ho-archive" data-testid="handover-archive">
      <div className="ho-filter">
        <span>{t('handover.archive.period')}</span>
        <DateRange
          from={typed.from}
          to={typed.to}
          onChange={apply}
          labels={[t('handover.archive.from'), t('handover.archive.to')]}
          testIds={['archive-from', 'archive-to']}
          className="ho-filter-date"
          bounded
        />
        <Input.Search
          allowClear
          value={typed.person}
          onChange={(e) => {
            setTyped({ ...typed, person: e.target.value });
            if (!e.target.value) apply({ person: '' });
          }}
          onSearch={(person) => apply({ person })}
          placeholder={t('handover.archive.person')}
          maxLength={60}
          className="ho-filter-person"
          data-testid="archive-person"
        />
        <Input.Search
          allowClear
          value={typed.q}
          onChange={(e) => {
            setTyped({ ...typed, q: e.target.value });
            if (!e.target.value) apply({ q: '' });
          }}
          onSearch={(q) => apply({ q })}
          placeholder={t('handover.archive.q')}
          maxLength={100}
          className="ho-filter-q"
          data-testid="archive-q"
        />
        <Button
          disabled={JSON.stringify(typed) === JSON.stringify(EMPTY)}
          onClick={() => {
            setTyped(EMPTY);
            setFilter(EMPTY);
          }}
        >
          {t('handover.archive.reset')}
        </Button>
      </div>
      <LoadError error={error} describe={describeHandoverError} className="ho-draft-alert" />
      <div data-testid="archive-table" data-count={data?.length ?? 0}>
        <Table<Handover>
          {...tableCards<Handover>(
            {
              rowKey: 'id',
              size: 'small',
              columns,
              dataSource: data ?? [],
              loading,
              onRow: (h) =>
                ({
                  'data-testid': `archive-row-${h.id}`,
                  onDoubleClick: () => navigate(`/handover/${h.id}`),
                }) as HTMLAttributes<HTMLElement>,
              pagination: { defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100] },
              scroll: { x: 1000 },
              locale: { emptyText: t('handover.archive.empty') },
            },
            phone,
          )}
        />
      </div>
    </div>
  );
}
