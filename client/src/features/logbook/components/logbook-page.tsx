import { BookOutlined, ReloadOutlined } from '@ant-design/icons';
import { LoadError } from '@client/components/load-error';
import { hasRole } from '@client/lib/session';
import { bureauWallToIso } from '@client/lib/time';
import { addDays } from '@shared/domain/duty-day';
import type { LogEntry, LogKind, LogQuery } from '@shared/schemas/logbook';
import type { User } from '@shared/schemas/users';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { logEntriesQuery } from '../api/list-log-entries';
import { LogEditModal } from './log-edit-modal';
import { LogEntryForm } from './log-entry-form';
import { type LogFilter, LogFilterBar } from './log-filter-bar';
import { LOG_KINDS } from './log-labels';
import { LogTable } from './log-table';
import { describeLogError } from './logbook-errors';
import { LogbookWarnings } from './logbook-warnings';
import { ToIncidentModal } from './to-incident-modal';
import { useFreshEntries } from './use-fresh-entries';
import './logbook.css';
import { useWords } from '../i18n';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const LIMIT = 500;

function filterOf(params: URLSearchParams): LogFilter {
  const day = (key: string) => (DAY.test(params.get(key) ?? '') ? params.get(key)! : '');
  const kind = params.get('kind') ?? '';
  return {
    from: day('from'),
    to: day('to'),
    kind: (LOG_KINDS as string[]).includes(kind) ? (kind as LogKind) : '',
    q: params.get('q') ?? '',
  };
}

/** Calendar days in the bureau zone → the instants the server filters by (`to` is inclusive). */
function queryOf(filter: LogFilter): LogQuery {
  const query: LogQuery = { limit: LIMIT };
  const from = filter.from ? bureauWallToIso(`${filter.from}T00:00`) : null;
  const to = filter.to ? bureauWallToIso(`${addDays(filter.to, 1)}T00:00`) : null;
  if (from) query.from = from;
  if (to) query.to = to;
  if (filter.kind) query.kind = filter.kind;
  if (filter.q) query.q = filter.q;
  return query;
}

/** 值班日志: quick entry on top, the searchable, live log below. */
export function LogbookPage({ user }: { user: User }) {
  const t = useWords();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params);
  const query = queryOf(filter);
  const { data: entries = [], isFetching, error, refetch } = useQuery(logEntriesQuery(query));
  const reload = () => void refetch();
  const fresh = useFreshEntries();
  const [editing, setEditing] = useState<LogEntry | null>(null);
  const [converting, setConverting] = useState<LogEntry | null>(null);
  const canWrite = hasRole(user, 'officer') || hasRole(user, 'leader');
  const canConvert = hasRole(user, 'officer');

  function setFilter(next: LogFilter) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value) search.set(key, value);
    setParams(search, { replace: true });
  }

  return (
    <div className="logbook-page" data-testid="logbook-page">
      {canWrite && (
        <Card size="small" className="logbook-entry-card" title={t('logbook.form.title')}>
          <LogEntryForm onAdded={reload} />
        </Card>
      )}
      <LogbookWarnings from={query.from} to={query.to} />
      <Card size="small" className="logbook-list-card">
        <div className="logbook-toolbar">
          <Typography.Title level={4} className="logbook-title">
            <BookOutlined /> {t('logbook.title')}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="logbook-count">
            {entries.length >= LIMIT
              ? t('logbook.countCapped', { count: entries.length })
              : t('logbook.count', { count: entries.length })}
          </Typography.Text>
          <span className="logbook-spacer" />
          <Tooltip title={t('common.refresh')}>
            <Button icon={<ReloadOutlined />} onClick={reload} aria-label={t('common.refresh')} />
          </Tooltip>
        </div>
        <LogFilterBar value={filter} onChange={setFilter} />
        <LoadError error={error} describe={describeLogError} className="logbook-form-alert" />
        <LogTable
          entries={entries}
          loading={isFetching}
          fresh={fresh}
          canEdit={(entry) => canWrite && entry.recordedBy === user.username && entry.sealedIn === null}
          canConvert={canConvert}
          onEdit={setEditing}
          onConvert={setConverting}
        />
      </Card>
      <LogEditModal entry={editing} onClose={() => setEditing(null)} onSaved={reload} />
      <ToIncidentModal
        entry={converting}
        onClose={() => setConverting(null)}
        onCreated={(incident) => {
          setConverting(null);
          navigate(`/incidents/${incident.id}`);
        }}
      />
    </div>
  );
}
