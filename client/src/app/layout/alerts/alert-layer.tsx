import { BellFilled, SoundOutlined } from '@ant-design/icons';
import { SpotCheckCountdown } from '@client/components/spot-check-countdown';
import { useDisplayName } from '@client/hooks/use-display-name';
import { useDutyNow, useOpenSpotChecks } from '@client/hooks/use-duty-data';
import { useDomainLabels } from '@client/lib/domain-labels';
import { type Translate, useT } from '@client/lib/i18n';
import { hasRole } from '@client/lib/session';
import type { SpotCheck } from '@shared/schemas/spot-checks';
import type { User } from '@shared/schemas/users';
import { Button } from 'antd';
import { useState } from 'react';
import { useCurrentUser } from '../../auth-guard';
import { acknowledge, useAcknowledged } from './acknowledged';
import { type AlertItem, AlertRow } from './alert-row';
import { useCalendarMissingAlert } from './calendar-alert';
import { useHandoverToSignAlert, useMissedCheckInAlert } from './duty-alerts';
import { useOutboxBacklogAlert } from './outbox-backlog-alert';
import { reportAlert, reportRings } from './report-alert';
import { useShortfallAlert } from './shortfall-alert';
import { SpotCheckDialog, spotCheckFrom } from './spot-check-dialog';
import { unitCheckAlert, unitCheckRings, useMissedUnitChecksAlert, useUnitChecks } from './unit-check-alert';
import { type Ring, useAlarm, useUnlockOnGesture } from './use-alarm';
import { useReportAlerts } from './use-report-alerts';
import { WarningWall } from './warning-wall';
import { useZeroReportAlert } from './zero-report-alert';
import './alerts.css';

function AckButton({ keys, testId }: { keys: string[]; testId: string }) {
  const t = useT();
  if (keys.length === 0) return null;
  return (
    <Button size="small" icon={<SoundOutlined />} onClick={() => acknowledge(keys)} data-testid={testId}>
      {t('alerts.ack')}
    </Button>
  );
}

/** The spot-checks waiting for me: only someone standing the post now answers one. */
function useMySpotChecks(user: User) {
  const duty = useDutyNow();
  const spot = useOpenSpotChecks();
  const standing = duty.data ? [...duty.data.officers, ...duty.data.backups] : [];
  const onDuty = standing.some((s) => s.userId === user.id);
  return onDuty ? (spot.data ?? []).filter((s) => !s.answeredAt) : [];
}

/** Acknowledged by this person: another signing in on the same tab hears it again. */
const unacked = (user: User, rings: Ring[], done: ReadonlySet<string>) =>
  rings.map((r) => ({ ...r, key: `${user.id}:${r.key}` })).filter((r) => !done.has(r.key));

function spotRings(t: Translate, spotChecks: SpotCheck[]): Ring[] {
  return spotChecks.map((s) => ({ key: `spot:${s.id}`, tone: 'spotcheck', title: t('alerts.flash.spot') }));
}

/**
 * The console's one alert layer, in the shell of every page: a strip under the header (above any
 * drawer or modal: alerts.css) with the reports overdue and due soon, a spot-check put off for a
 * moment, a missed check-in, a handover to sign, zero reports not filed, the upstream backlog; the
 * spot-check answer dialog over everything; the repeating tone and the flashing title until
 * acknowledged.
 */
export function AlertLayer() {
  const t = useT();
  const labels = useDomainLabels();
  const person = useDisplayName();
  const user = useCurrentUser();
  useUnlockOnGesture();
  const done = useAcknowledged();
  const [later, setLater] = useState<number | null>(null);

  const spotChecks = useMySpotChecks(user);
  const current = spotChecks[0];
  const reports = useReportAlerts();
  const checkIn = useMissedCheckInAlert();
  const handover = useHandoverToSignAlert(user);
  const outbox = useOutboxBacklogAlert(user);
  const shortfall = useShortfallAlert();
  const calendar = useCalendarMissingAlert(user);
  const unitChecks = useUnitChecks(user);
  const unitMissed = useMissedUnitChecksAlert(user);
  const zero = useZeroReportAlert(user);
  const watchesReports = hasRole(user, 'officer') || hasRole(user, 'leader');

  const spotRinging = unacked(user, spotRings(t, spotChecks), done);
  const reportRinging = watchesReports ? unacked(user, reportRings(t, reports), done) : [];
  const unitRinging = unacked(user, unitCheckRings(t, unitChecks), done);
  useAlarm([...spotRinging, ...reportRinging, ...unitRinging]);

  const items: AlertItem[] = [];
  if (current && later === current.id) {
    items.push({
      key: 'spot-check',
      level: 'error',
      icon: <BellFilled />,
      testId: 'alert-spot-check',
      data: { spotCheck: current.id },
      title: t('spot.pending'),
      detail: (
        <>
          {spotCheckFrom(t, current, person)} · <SpotCheckCountdown dueAt={current.dueAt} />
        </>
      ),
      action: (
        <>
          <AckButton keys={spotRinging.map((r) => r.key)} testId="acknowledge-spot-check" />
          <Button
            size="small"
            type="primary"
            danger
            onClick={() => setLater(null)}
            data-testid="spot-check-open"
          >
            {t('spot.open')}
          </Button>
        </>
      ),
    });
  }
  const report = reportAlert(
    t,
    labels.category,
    reports,
    <AckButton keys={reportRinging.map((r) => r.key)} testId="acknowledge-reports" />,
  );
  for (const item of [
    unitCheckAlert(t, unitChecks),
    unitMissed,
    report,
    shortfall,
    checkIn,
    handover,
    zero,
    outbox,
    calendar,
  ]) {
    if (item) items.push(item);
  }

  return (
    <>
      {/* Warnings and responses in force (预警, 应急响应): always their own line, first. */}
      <WarningWall />
      {items.length > 0 && (
        <div className="alert-layer" data-testid="alert-layer" data-count={items.length}>
          {items.map((item) => (
            <AlertRow key={item.key} item={item} />
          ))}
        </div>
      )}
      {current && later !== current.id && (
        <SpotCheckDialog current={current} waiting={spotChecks.length} onLater={() => setLater(current.id)} />
      )}
    </>
  );
}
