import { NotLoaded } from '@client/components/load-error';
import { hasRole } from '@client/lib/session';
import { formatMinute } from '@client/lib/time';
import type { Handover } from '@shared/schemas/handover';
import type { User } from '@shared/schemas/users';
import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Card, Collapse, Empty, Tag } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useWords } from '../i18n';
import { AcceptPanel } from './accept-panel';
import { CarriedList, carriedRows } from './carried-list';
import { describeHandoverError } from './handover-errors';
import { expectedSigner, isIncomingOf } from './handover-labels';
import { HandoverMeta } from './handover-meta';
import { HandoverSections } from './handover-sections';

function AwaitingCard({ handover: h, user }: { handover: Handover; user: User }) {
  const t = useWords();
  const navigate = useNavigate();
  const canSign = hasRole(user, 'officer') && isIncomingOf(h, user.id);
  return (
    <Card
      size="small"
      className={canSign ? 'ho-awaiting ho-awaiting-mine' : 'ho-awaiting'}
      data-testid={`awaiting-${h.id}`}
      title={
        <span className="ho-awaiting-title">
          <Link to={`/handover/${h.id}`}>{t('handover.detail.title', { id: h.id })}</Link>
          <HandoverMeta shift={h.shift} />
        </span>
      }
      extra={
        <Tag color="orange">
          {t('handover.awaiting.from', {
            from: h.submittedByName,
            to: expectedSigner(h) || t('handover.sign.nobody'),
            time: formatMinute(h.submittedAt),
          })}
        </Tag>
      }
    >
      <div className={canSign ? 'ho-awaiting-body' : undefined}>
        <Collapse
          size="small"
          defaultActiveKey={canSign ? ['content'] : []}
          items={[
            {
              key: 'content',
              label: t('handover.awaiting.review'),
              children: <HandoverSections sections={h.content.sections} notes={h.notes} />,
            },
          ]}
          className="ho-awaiting-content"
        />
        {canSign ? (
          <div className="ho-awaiting-sign">
            <div className="ho-awaiting-carried-title">{t('handover.accept.title')}</div>
            <AcceptPanel handover={h} onAccepted={(sealed) => navigate(`/handover/${sealed.id}`)} />
          </div>
        ) : (
          <>
            <div className="ho-awaiting-carried-title">
              {t('handover.carried.title', { count: h.carried.length })}
            </div>
            <CarriedList rows={carriedRows(h.carried, h.content.openIncidents)} />
            <div className="ho-muted ho-awaiting-note">
              {t('handover.awaiting.notYours', { name: expectedSigner(h) || t('handover.sign.nobody') })}
            </div>
          </>
        )}
      </div>
    </Card>
  );
}

/** 待接班: handovers submitted and not signed; the incoming officer confirms and signs here. */
export function AwaitingTab({ user, pending }: { user: User; pending: UseQueryResult<Handover[]> }) {
  const t = useWords();
  const { data, error, refetch } = pending;
  if (!data) {
    return <NotLoaded error={error} describe={describeHandoverError} spinClassName="ho-spin" />;
  }
  if (data.length === 0) {
    return (
      <Empty description={t('handover.awaiting.none')} data-testid="awaiting-none">
        <Button onClick={() => void refetch()}>{t('common.refresh')}</Button>
      </Empty>
    );
  }
  // Those the signed-in officer signs come first.
  const sorted = [...data].sort(
    (a, b) => Number(isIncomingOf(b, user.id)) - Number(isIncomingOf(a, user.id)) || b.id - a.id,
  );
  return (
    <div className="ho-awaiting-list" data-testid="awaiting-list">
      {sorted.map((h) => (
        <AwaitingCard key={h.id} handover={h} user={user} />
      ))}
    </div>
  );
}
