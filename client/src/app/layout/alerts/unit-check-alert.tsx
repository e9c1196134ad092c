import { BellFilled } from '@ant-design/icons';
import { SpotCheckCountdown } from '@client/components/spot-check-countdown';
import { describeError } from '@client/lib/error-text';
import { type Translate, useT } from '@client/lib/i18n';
import { formatHourMinute } from '@client/lib/time';
import { DISTRICT_UNIT_ID as DISTRICT_ID } from '@shared/domain/district';
import type { UnitCheck } from '@shared/schemas/posts';
import type { User } from '@shared/schemas/users';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { Link } from 'react-router-dom';
import { answerUnitCheck, networkBoardQuery, openUnitChecksQuery } from '../../../features/network/api/posts';
import type { AlertItem } from './alert-row';
import type { Ring } from './use-alarm';

/** A township's or community's "请回复": the district's spot-checks its unit still owes. */
export function useUnitChecks(user: User): UnitCheck[] {
  const { data } = useQuery({ ...openUnitChecksQuery(), enabled: user.unitId !== DISTRICT_ID });
  return user.unitId === DISTRICT_ID ? [] : (data ?? []);
}

export function unitCheckRings(t: Translate, checks: UnitCheck[]): Ring[] {
  return checks.map((c) => ({ key: `unitcheck:${c.id}`, tone: 'spotcheck', title: t('alerts.flash.spot') }));
}

function ReplyButton({ check }: { check: UnitCheck }) {
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  return (
    <Button
      size="small"
      type="primary"
      danger
      data-testid="alert-unit-check-reply"
      onClick={async () => {
        try {
          await answerUnitCheck(check.id);
          message.success(t('network.replied'));
        } catch (caught) {
          message.error(describeError(t, caught));
        } finally {
          await client.invalidateQueries({ queryKey: ['posts'] });
        }
      }}
    >
      {t('network.reply')}
    </Button>
  );
}

/** On every page of a unit's console: the district's 查岗 waiting for a reply, one tap to answer. */
export function unitCheckAlert(t: Translate, checks: UnitCheck[]): AlertItem | null {
  const current = checks[0];
  if (!current) return null;
  return {
    key: 'unit-check',
    level: 'error',
    icon: <BellFilled />,
    testId: 'alert-unit-check',
    data: { unitCheck: current.id },
    title: t('network.replyTitle'),
    detail: (
      <>
        {t('network.replyFrom', { time: formatHourMinute(current.issuedAt) })} ·{' '}
        <SpotCheckCountdown dueAt={current.dueAt} />
      </>
    ),
    action: <ReplyButton check={current} />,
  };
}

/**
 * The district's leader on call: the units whose last spot-check went unanswered (查岗未应答), until
 * the next check of that unit; the way to the network board. Live: unitcheck.* events re-read it.
 */
export function useMissedUnitChecksAlert(user: User): AlertItem | null {
  const t = useT();
  const watches = user.unitId === DISTRICT_ID && user.roles.includes('leader');
  const { data } = useQuery({ ...networkBoardQuery(), enabled: watches });
  if (!watches) return null;
  const missed = (data?.units ?? []).filter((u) => u.lastCheck?.status === 'missed');
  if (missed.length === 0) return null;
  return {
    key: 'unit-missed',
    level: 'error',
    icon: <BellFilled />,
    testId: 'alert-unit-missed',
    data: { count: missed.length },
    title: t('network.missedAlert', { units: missed.map((u) => u.name).join(t('duty.listSep')) }),
    action: (
      <Link to="/network" data-testid="alert-unit-missed-open">
        {t('network.openBoard')}
      </Link>
    ),
  };
}
