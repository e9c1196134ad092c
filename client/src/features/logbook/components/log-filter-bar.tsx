import { DateRange } from '@client/components/date-range';
import type { LogKind } from '@shared/schemas/logbook';
import { Button, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useWords } from '../i18n';
import { kindLabel, LOG_KINDS } from './log-labels';

export interface LogFilter {
  /** Bureau calendar dates, both inclusive. */
  from: string;
  to: string;
  kind: LogKind | '';
  q: string;
}

interface Props {
  value: LogFilter;
  onChange: (next: LogFilter) => void;
}

/** 检索: period (calendar days in the bureau zone), kind and text. */
export function LogFilterBar({ value, onChange }: Props) {
  const t = useWords();
  const [q, setQ] = useState(value.q);
  useEffect(() => setQ(value.q), [value.q]);
  const set = (patch: Partial<LogFilter>) => onChange({ ...value, ...patch });
  const empty = !value.from && !value.to && !value.kind && !value.q;

  return (
    <div className="logbook-filter" data-testid="logbook-filter">
      <span className="logbook-filter-label">{t('logbook.filter.period')}</span>
      <DateRange
        from={value.from}
        to={value.to}
        onChange={set}
        labels={[t('logbook.filter.from'), t('logbook.filter.to')]}
        testIds={['logbook-filter-from', 'logbook-filter-to']}
        className="logbook-filter-date"
        bounded
      />
      <Select<LogKind | ''>
        value={value.kind}
        onChange={(kind) => set({ kind })}
        options={[
          { value: '', label: t('logbook.filter.allKinds') },
          ...LOG_KINDS.map((k) => ({ value: k, label: t(kindLabel[k]) })),
        ]}
        className="logbook-filter-kind"
        data-testid="logbook-filter-kind"
      />
      <Input.Search
        allowClear
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          if (!e.target.value) set({ q: '' });
        }}
        onSearch={(text) => set({ q: text.trim() })}
        placeholder={t('logbook.filter.q')}
        maxLength={100}
        className="logbook-filter-q"
        data-testid="logbook-filter-q"
      />
      <Button disabled={empty} onClick={() => onChange({ from: '', to: '', kind: '', q: '' })}>
        {t('logbook.filter.reset')}
      </Button>
    </div>
  );
}
