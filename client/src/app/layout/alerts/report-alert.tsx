import { ClockCircleFilled } from '@ant-design/icons';
import { useNow } from '@client/hooks/use-now';
import { type MessageKey, type Translate, useT } from '@client/lib/i18n';
import { formatCountdown } from '@client/lib/time';
import type { CategoryCode } from '@shared/domain/incident-types';
import type { BoardIncident } from '@shared/schemas/incidents';
import { Button } from 'antd';
import { Link } from 'react-router-dom';
import type { AlertItem } from './alert-row';
import type { Ring } from './use-alarm';
import type { ReportAlerts } from './use-report-alerts';

const obligationKey: Record<NonNullable<BoardIncident['nextKind']>, MessageKey> = {
  initial_phone: 'incidents.ob.initial_phone',
  initial_written: 'incidents.ob.initial_written',
  followup_daily: 'incidents.ob.followup_daily',
  followup_change: 'incidents.ob.followup_change',
  final: 'incidents.ob.final',
  direct_entry: 'incidents.ob.direct_entry',
  direct_notified: 'incidents.ob.direct_notified',
  notification: 'incidents.ob.notification',
  hop: 'incidents.ob.hop',
};

function ReportClock({ dueAt }: { dueAt: string }) {
  const t = useT();
  const left = Date.parse(dueAt) - useNow();
  return (
    <span className={`alert-clock${left <= 0 ? ' alert-clock-over' : ''}`} data-testid="alert-report-clock">
      {left <= 0
        ? t('incidents.overdueBy', { minutes: Math.max(1, Math.ceil(-left / 60_000)) })
        : t('alerts.reports.dueIn', { time: formatCountdown(left) })}
    </span>
  );
}

/** The banner of reports overdue and due soon: the counts, the most urgent, the way to it. */
export function reportAlert(
  t: Translate,
  category: (code: CategoryCode) => string,
  reports: ReportAlerts,
  ack: React.ReactNode,
): AlertItem | null {
  const { overdue, dueSoon, mostUrgent: top } = reports;
  if (!top) return null;
  const kind = top.nextKind ? t(obligationKey[top.nextKind]) : '';
  return {
    key: 'reports',
    level: overdue.length > 0 ? 'error' : 'warning',
    icon: <ClockCircleFilled />,
    testId: 'alert-reports',
    data: { overdue: overdue.length, soon: dueSoon.length, incident: top.id },
    title: t('alerts.reports.title', { overdue: overdue.length, soon: dueSoon.length }),
    detail: (
      <>
        {t('alerts.reports.urgent', { id: top.id, category: category(top.category), kind })}
        {top.drill && ` (${t('alerts.reports.drill')})`}{' '}
        {top.nextDueAt && <ReportClock dueAt={top.nextDueAt} />}
      </>
    ),
    action: (
      <>
        {ack}
        <Link to={`/incidents/${top.id}`} data-testid="alert-reports-open">
          <Button size="small" type="primary" danger={overdue.length > 0}>
            {t('alerts.reports.open', { id: top.id })}
          </Button>
        </Link>
      </>
    ),
  };
}

/** Each overdue report rings once per deadline: a later deadline of the same incident rings again. */
export function reportRings(t: Translate, reports: ReportAlerts): Ring[] {
  const title = t('alerts.flash.overdue', { count: reports.overdue.length });
  return reports.overdue.map((i) => ({
    key: `overdue:${i.id}:${i.nextDueAt ?? ''}`,
    tone: 'overdue',
    title,
  }));
}
