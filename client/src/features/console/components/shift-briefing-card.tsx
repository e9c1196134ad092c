import { FileTextOutlined, ThunderboltFilled } from '@ant-design/icons';
import { WarningChips } from '@client/components/warning-chips';
import { pollEvery } from '@client/hooks/use-refetch-at';
import { activeResponsesQuery, activeWarningsQuery } from '@client/lib/api/active-warnings';
import { formatMinute } from '@client/lib/time';
import type { DutyNow } from '@shared/schemas/attendance';
import type { Handover } from '@shared/schemas/handover';
import type { User } from '@shared/schemas/users';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { latestHandoverQuery } from '../api/get-latest-handover';
import { openIncidentsQuery } from '../api/list-open-incidents';
import { BriefingIncidents } from './briefing-incidents';
import { describeDutyError } from './console-errors';
import './briefing.css';
import { useWords } from '../i18n';

/** Who the briefing is for: the officer on duty or coming on next, and the leaders. */
export function wantsBriefing(user: User, duty: DutyNow | null): boolean {
  if (user.roles.includes('leader')) return true;
  if (!user.roles.includes('officer') || !duty) return false;
  return [...duty.officers, ...duty.next].some((s) => s.userId === user.id && s.role === 'officer');
}

function LastHandover({ h }: { h: Handover }) {
  const t = useWords();
  const open = h.pending.filter((p) => !p.done);
  return (
    <div className="brief-last" data-testid="briefing-last" data-handover-id={h.id}>
      <div className="brief-last-head">
        <Link to={`/handover/${h.id}`}>
          <FileTextOutlined /> {t('handover.briefing.lastTitle', { id: h.id, day: h.shift.dutyDate })}
        </Link>
        <Tag color={h.status === 'sealed' ? 'green' : 'orange'} className="brief-tag">
          {h.status === 'sealed' ? t('handover.status.sealed') : t('handover.status.submitted')}
        </Tag>
      </div>
      <div className="brief-line">
        {t('handover.briefing.people', {
          from: h.submittedByName,
          to: h.acceptedByName ?? h.incoming?.name ?? '—',
        })}
        {h.acceptedAt && <span className="brief-muted"> · {formatMinute(h.acceptedAt)}</span>}
      </div>
      <div className="brief-line">
        {t('handover.briefing.carried', { count: h.carried.length, open: h.content.openIncidents.length })}
      </div>
      {open.length > 0 && (
        <ul className="brief-pending">
          {open.slice(0, 4).map((p) => (
            <li key={p.key}>{p.text}</li>
          ))}
        </ul>
      )}
      {h.notes.trim() && <div className="brief-notes">{h.notes}</div>}
    </div>
  );
}

/**
 * 接班简报: what the shift was handed (the last handover), the open incidents with their clocks,
 * today's leader and any strengthened duty. Opens the incoming officer's console.
 */
export function ShiftBriefingCard({ duty }: { duty: DutyNow | null }) {
  const t = useWords();
  const latest = useQuery({ ...latestHandoverQuery(), ...pollEvery(300_000) });
  const open = useQuery({ ...openIncidentsQuery(), ...pollEvery(60_000) });
  const warnings = useQuery(activeWarningsQuery()).data ?? [];
  const responses = useQuery(activeResponsesQuery()).data ?? [];
  const leaders = duty?.leaders ?? [];
  const error = latest.error ?? open.error;

  return (
    <Card
      size="small"
      className="brief-card"
      data-testid="shift-briefing"
      title={t('handover.briefing.title')}
      extra={<Link to="/handover">{t('nav.handover')}</Link>}
    >
      {error !== null && <Alert type="error" showIcon title={describeDutyError(t, error)} />}
      <div className="brief-grid">
        <section>
          <div className="brief-label">{t('handover.briefing.last')}</div>
          {latest.data?.handover ? (
            <LastHandover h={latest.data.handover} />
          ) : (
            latest.data && <div className="brief-empty">{t('handover.briefing.noLast')}</div>
          )}
        </section>
        <section>
          <div className="brief-label">{t('handover.briefing.open', { count: open.data?.length ?? 0 })}</div>
          {open.data && <BriefingIncidents incidents={open.data} />}
        </section>
        <section>
          <div className="brief-label">{t('handover.briefing.leader')}</div>
          {leaders.length ? (
            leaders.map((s) => (
              <div key={s.id} className="brief-leader" data-testid="briefing-leader">
                <span className="brief-leader-name">{s.userName}</span>
                {s.phone && <span className="brief-muted">{s.phone}</span>}
              </div>
            ))
          ) : (
            <div className="brief-empty">{t('handover.briefing.noLeader')}</div>
          )}
          <div className="brief-label brief-label-gap">{t('warnings.briefing')}</div>
          {warnings.length + responses.length > 0 ? (
            <div className="brief-warnings" data-testid="briefing-warnings">
              <WarningChips warnings={warnings} responses={responses} />
            </div>
          ) : (
            <div className="brief-empty">{t('warnings.none')}</div>
          )}
          <div className="brief-label brief-label-gap">{t('handover.briefing.strengthened')}</div>
          {duty?.strengthened ? (
            <Tag
              color="orange"
              icon={<ThunderboltFilled />}
              className="briefing-tag-wrap"
              data-testid="briefing-strengthened"
            >
              {duty.reasons.join('、') || t('handover.briefing.strengthenedOn')}
            </Tag>
          ) : (
            <div className="brief-empty">{t('handover.briefing.normal')}</div>
          )}
        </section>
      </div>
    </Card>
  );
}
