import { useNow } from '@client/hooks/use-now';
import { useDomainLabels } from '@client/lib/domain-labels';
import { formatCountdown, formatShortInstant } from '@client/lib/time';
import type { Incident } from '@shared/schemas/incidents';
import { Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useWords } from '../i18n';

const SHOWN = 6;

const obligationKey = {
  initial_phone: 'incidents.ob.initial_phone',
  initial_written: 'incidents.ob.initial_written',
  followup_daily: 'incidents.ob.followup_daily',
  followup_change: 'incidents.ob.followup_change',
  final: 'incidents.ob.final',
  direct_entry: 'incidents.ob.direct_entry',
  direct_notified: 'incidents.ob.direct_notified',
  notification: 'incidents.ob.notification',
  hop: 'incidents.ob.hop',
} as const;

const stageKey = {
  received: 'incidents.stage.received',
  verified: 'incidents.stage.verified',
  reported: 'incidents.stage.reported',
  handling: 'incidents.stage.handling',
  closed: 'incidents.stage.closed',
} as const;

const byDue = (a: Incident, b: Incident) =>
  (a.nextDueAt ? Date.parse(a.nextDueAt) : Number.POSITIVE_INFINITY) -
    (b.nextDueAt ? Date.parse(b.nextDueAt) : Number.POSITIVE_INFINITY) || a.id - b.id;

function Clock({ incident, now }: { incident: Incident; now: number }) {
  const t = useWords();
  if (!incident.nextDueAt) return <span className="brief-clock brief-clock-none">—</span>;
  const left = Date.parse(incident.nextDueAt) - now;
  if (left <= 0) {
    return (
      <span className="brief-clock brief-clock-over">
        {t('incidents.overdueBy', { minutes: Math.max(1, Math.ceil(-left / 60_000)) })}
      </span>
    );
  }
  return (
    <span className={`brief-clock${left < 10 * 60_000 ? ' brief-clock-soon' : ''}`}>
      {formatCountdown(left)}
    </span>
  );
}

/** The open incidents, soonest deadline first, each with its next report and its clock. */
export function BriefingIncidents({ incidents }: { incidents: Incident[] }) {
  const t = useWords();
  const labels = useDomainLabels();
  const now = useNow();
  if (incidents.length === 0) {
    return <div className="brief-empty">{t('handover.briefing.noOpen')}</div>;
  }
  const sorted = [...incidents].sort(byDue);
  return (
    <>
      <ul className="brief-incidents" data-testid="briefing-incidents" data-count={incidents.length}>
        {sorted.slice(0, SHOWN).map((incident) => {
          const next = incident.obligations.find(
            (o) => !o.doneAt && o.dueAt !== null && o.dueAt === incident.nextDueAt,
          );
          return (
            <li key={incident.id} className={incident.overdue ? 'brief-incident-over' : undefined}>
              <div className="brief-incident-main">
                <Link to={`/incidents/${incident.id}`} className="brief-incident-title">
                  #{incident.id} {labels.category(incident.category)}：{incident.location.address}
                </Link>
                <div className="brief-incident-sub">
                  {incident.grade && <Tag className="brief-tag">{labels.grade(incident.grade)}</Tag>}
                  <Tag color="processing" className="brief-tag">
                    {t(stageKey[incident.stage])}
                  </Tag>
                  {next && (
                    <span>
                      {t(obligationKey[next.kind])} {formatShortInstant(next.dueAt)}
                    </span>
                  )}
                </div>
              </div>
              <Clock incident={incident} now={now} />
            </li>
          );
        })}
      </ul>
      {incidents.length > SHOWN && (
        <Link to="/incidents" className="brief-more">
          {t('handover.briefing.moreOpen', { count: incidents.length - SHOWN })}
        </Link>
      )}
    </>
  );
}
