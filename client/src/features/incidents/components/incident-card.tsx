import { EnvironmentOutlined, PhoneOutlined } from '@ant-design/icons';
import { useDomainLabels } from '@client/lib/domain-labels';
import { formatShortInstant } from '@client/lib/time';
import type { BoardIncident } from '@shared/schemas/incidents';
import { Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useWords } from '../i18n';
import { GradeBadge } from './grade-badge';
import { IncidentCountdown } from './incident-countdown';
import { IncidentFlags } from './incident-flags';
import { gradeColor, gradeLook, obligationLabel } from './incident-labels';

function Figure({ label, value }: { label: string; value: number | undefined }) {
  const n = value ?? 0;
  return (
    <span className={n > 0 ? 'inc-figure inc-figure-hot' : 'inc-figure'}>
      {label} <b>{n}</b>
    </span>
  );
}

export function IncidentCard({ incident, fresh = false }: { incident: BoardIncident; fresh?: boolean }) {
  const t = useWords();
  const labels = useDomainLabels();
  const look = gradeLook(incident.grade);
  const c = incident.casualties;
  const classes = ['inc-card'];
  if (incident.overdue) classes.push('inc-card-overdue');
  if (fresh) classes.push('inc-card-fresh');
  if (incident.stage === 'closed') classes.push('inc-card-closed');
  return (
    <Link
      to={`/incidents/${incident.id}`}
      className={classes.join(' ')}
      style={{ borderInlineStartColor: gradeColor[look] }}
      data-testid={`incident-card-${incident.id}`}
      data-grade={look}
      data-overdue={String(incident.overdue)}
      data-stage={incident.stage}
    >
      <div className="inc-card-head">
        <GradeBadge grade={incident.grade} />
        <span className="inc-card-category">{labels.category(incident.category)}</span>
        <span className="inc-card-id">#{incident.id}</span>
      </div>
      <div className="inc-card-tags">
        <IncidentFlags incident={incident} />
        {!incident.acknowledgedAt && incident.stage !== 'closed' && (
          <Tag color="gold">{t('incidents.tag.unacknowledged')}</Tag>
        )}
      </div>
      <div className="inc-card-address" title={incident.location.address}>
        <EnvironmentOutlined /> {incident.location.address}
      </div>
      <div className="inc-card-summary" title={incident.summary}>
        {incident.summary}
      </div>
      <div className="inc-card-figures">
        <Figure label={t('incidents.cas.deaths')} value={c.deaths} />
        <Figure label={t('incidents.cas.missingShort')} value={c.missing} />
        <Figure label={t('incidents.cas.seriousShort')} value={c.seriousInjuries} />
      </div>
      <div className="inc-card-foot">
        <span className="inc-card-received">
          <PhoneOutlined />{' '}
          {t('incidents.receivedAtShort', { time: formatShortInstant(incident.receivedAt) })}
        </span>
        {incident.stage === 'closed' ? (
          <span className="inc-card-next">
            {t('incidents.closedAtShort', { time: formatShortInstant(incident.closedAt) })}
          </span>
        ) : (
          <span className="inc-card-next">
            {incident.nextKind && (
              <span className="inc-card-next-kind">{t(obligationLabel[incident.nextKind])}</span>
            )}
            <IncidentCountdown
              dueAt={incident.nextDueAt}
              testId={`countdown-${incident.id}`}
              none={t('incidents.noDeadline')}
            />
          </span>
        )}
      </div>
    </Link>
  );
}
