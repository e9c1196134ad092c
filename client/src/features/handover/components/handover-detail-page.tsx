import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { LoadError, NotLoaded } from '@client/components/load-error';
import { ApiError } from '@client/lib/api-client';
import { hasRole } from '@client/lib/session';
import type { User } from '@shared/schemas/users';
import { Alert, Button, Card, Result, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { AcceptPanel } from './accept-panel';
import { AlarmList } from './alarm-list';
import { AmendmentsCard } from './amendments-card';
import { CarriedList, carriedRows } from './carried-list';
import { describeHandoverError } from './handover-errors';
import { HandoverExports } from './handover-exports';
import { isIncomingOf, mayAmend, statusColor, statusLabel } from './handover-labels';
import { HandoverMeta } from './handover-meta';
import { HandoverSections } from './handover-sections';
import { HandoverSignatures } from './handover-signatures';
import { useHandover } from './use-handover-data';
import './handover.css';
import { useWords } from '../i18n';

/** One handover: the record as handed over, the signatures, what was carried, the amendments. */
export function HandoverDetailPage({ user }: { user: User }) {
  const t = useWords();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const { data: h, error, set } = useHandover(valid ? id : 0);

  if (!valid || (error instanceof ApiError && error.status === 404)) {
    return (
      <Result
        status="404"
        title={t('handover.detail.notFound')}
        extra={
          <Link to="/handover?tab=archive">
            <Button type="primary">{t('handover.tab.archive')}</Button>
          </Link>
        }
      />
    );
  }
  if (!h) {
    return <NotLoaded error={error} describe={describeHandoverError} spinClassName="ho-spin" />;
  }

  const submitted = h.status === 'submitted';
  const incoming = submitted && hasRole(user, 'officer') && isIncomingOf(h, user.id);
  const mine = submitted && h.submittedBy === user.username;
  const canAmend = mayAmend(h, user);
  const confirmed = new Set(h.carried.filter((c) => c.confirmed).map((c) => c.key));

  return (
    <div className="ho-detail" data-testid="handover-detail" data-status={h.status} data-handover-id={h.id}>
      <Card size="small" className="ho-detail-head">
        <div className="ho-detail-head-row">
          <div>
            <Link to="/handover?tab=archive" className="ho-back">
              <ArrowLeftOutlined /> {t('nav.handover')}
            </Link>
            <div className="ho-detail-title">
              <Typography.Title level={4}>{t('handover.detail.title', { id: h.id })}</Typography.Title>
              <Tag color={statusColor[h.status]} data-testid="handover-status">
                {t(statusLabel[h.status])}
              </Tag>
            </div>
            <HandoverMeta shift={h.shift} anchor={h.anchor} />
          </div>
          <HandoverExports id={h.id} />
        </div>
      </Card>
      <LoadError error={error} describe={describeHandoverError} type="warning" />
      {mine && (
        <Alert
          type="info"
          showIcon
          title={t('handover.detail.mineWaiting')}
          action={
            <Link to="/handover?tab=draft">
              <Button size="small" icon={<EditOutlined />}>
                {t('handover.detail.revise')}
              </Button>
            </Link>
          }
        />
      )}
      {incoming && (
        <Card size="small" className="ho-accept-card" title={t('handover.accept.title')}>
          <AcceptPanel handover={h} onAccepted={set} />
        </Card>
      )}
      <div className="ho-detail-grid">
        <div className="ho-detail-main">
          <Card size="small" title={t('handover.detail.content')}>
            <HandoverSections sections={h.content.sections} notes={h.notes} />
          </Card>
          {h.alarms !== null && (
            <Card size="small" title={t('handover.alarms.recordTitle', { count: h.alarms.length })}>
              <AlarmList alarms={h.alarms} />
            </Card>
          )}
          {(h.earlyReason !== null || h.acceptedEarlyReason !== null) && (
            <Card size="small" title={t('handover.early.title')} data-testid="handover-early">
              {h.earlyReason !== null && (
                <Typography.Paragraph>
                  {t('handover.early.submittedBecause', { reason: h.earlyReason })}
                </Typography.Paragraph>
              )}
              {h.acceptedEarlyReason !== null && (
                <Typography.Paragraph>
                  {t('handover.early.acceptedBecause', { reason: h.acceptedEarlyReason })}
                </Typography.Paragraph>
              )}
            </Card>
          )}
        </div>
        <div className="ho-detail-side">
          <Card size="small" title={t('handover.sign.title')}>
            <HandoverSignatures handover={h} />
          </Card>
          {!incoming && (
            <Card size="small" title={t('handover.carried.title', { count: h.carried.length })}>
              <CarriedList
                rows={carriedRows(h.carried, h.content.openIncidents)}
                confirmedKeys={confirmed}
                live={submitted}
              />
            </Card>
          )}
          <AmendmentsCard handover={h} canAmend={canAmend} onAmended={set} />
        </div>
      </div>
    </div>
  );
}
