import { useLang } from '@client/lib/i18n';
import { formatShortInstant } from '@client/lib/time';
import { DISASTER_TYPE_LABELS } from '@shared/domain/disasters';
import type { User } from '@shared/schemas/users';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Spin } from 'antd';
import { useState } from 'react';
import { activeDisastersQuery } from '../api/active-disasters';
import { unitFilingsQuery } from '../api/my-filings';
import { myUnitQuery } from '../api/my-unit';
import { useWords } from '../i18n';
import { loadReportDraft } from './report-draft';
import { ReportForm } from './report-form';
import { ZeroAsks } from './zero-asks';
import './report.css';

/**
 * The community informant's phone page (DESIGN 2.7): today's zero reports, then one screen for the
 * disaster touching their township — a few figures, a photo, a note — kept on the phone until sent.
 */
export function ReportPage({ user }: { user: User }) {
  const w = useWords();
  const lang = useLang();
  const unit = useQuery(myUnitQuery(user.unitId));
  const disasters = useQuery(activeDisastersQuery());
  const [chosen, setChosen] = useState<number | null>(() => loadReportDraft(user.id)?.disasterId ?? null);
  const list = disasters.data ?? [];
  const current = list.find((d) => d.id === chosen) ?? list[0];
  const filings = useQuery({
    ...unitFilingsQuery(current?.id ?? 0, user.unitId),
    enabled: current !== undefined,
  });

  return (
    <div className="inf-page" data-testid="report-page">
      <header className="inf-head">
        <h1 className="inf-title">{w('title')}</h1>
        <span className="inf-muted">{w('who', { name: unit.data?.name ?? user.displayName })}</span>
      </header>
      <ZeroAsks userId={user.id} />
      {disasters.isPending && (
        <div className="inf-card inf-center">
          <Spin /> {w('loading')}
        </div>
      )}
      {disasters.isError && (
        <Alert
          type="error"
          showIcon
          title={w('loadFailed')}
          action={
            <Button onClick={() => disasters.refetch()} className="inf-big">
              {w('reload')}
            </Button>
          }
        />
      )}
      {disasters.isSuccess && list.length === 0 && (
        <div className="inf-card inf-muted" data-testid="report-none">
          {w('noDisaster')}
        </div>
      )}
      {list.length > 1 && (
        <nav className="inf-choose" aria-label={w('pickDisaster')}>
          {list.map((d) => (
            <Button
              key={d.id}
              size="large"
              type={d.id === current?.id ? 'primary' : 'default'}
              className="inf-big"
              onClick={() => setChosen(d.id)}
              data-testid={`report-disaster-${d.id}`}
            >
              {d.title}
            </Button>
          ))}
        </nav>
      )}
      {current && (
        <>
          <div className="inf-disaster" data-testid="report-disaster" data-id={current.id}>
            <strong>{current.title}</strong>
            <span className="inf-muted">
              {DISASTER_TYPE_LABELS[current.type][lang]} ·{' '}
              {w('began', { time: formatShortInstant(current.beganAt) })}
            </span>
          </div>
          {filings.isSuccess ? (
            <ReportForm
              key={current.id}
              userId={user.id}
              username={user.username}
              unitId={user.unitId}
              disasterId={current.id}
              filings={filings.data}
            />
          ) : filings.isError ? (
            <ReportForm
              key={current.id}
              userId={user.id}
              username={user.username}
              unitId={user.unitId}
              disasterId={current.id}
              filings={undefined}
            />
          ) : (
            <div className="inf-card inf-center">
              <Spin />
            </div>
          )}
        </>
      )}
    </div>
  );
}
