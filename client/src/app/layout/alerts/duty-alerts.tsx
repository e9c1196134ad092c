import { LoginOutlined, SwapOutlined } from '@ant-design/icons';
import { useMyShifts } from '@client/hooks/use-duty-data';
import { useNow } from '@client/hooks/use-now';
import { pollEvery } from '@client/hooks/use-refetch-at';
import { awaitingHandoversQuery } from '@client/lib/api/awaiting-handovers';
import { useT } from '@client/lib/i18n';
import { hasRole, useInDistrictRoom } from '@client/lib/session';
import { formatHourMinute, formatMinute } from '@client/lib/time';
import type { Handover } from '@shared/schemas/handover';
import type { User } from '@shared/schemas/users';
import { useQuery } from '@tanstack/react-query';
import { Button } from 'antd';
import { Link } from 'react-router-dom';
import type { AlertItem } from './alert-row';

/** 未签到: my shift has begun its duty, the check-in deadline has passed, and I have not checked in. */
export function useMissedCheckInAlert(): AlertItem | null {
  const t = useT();
  const { data: mine } = useMyShifts();
  const now = useNow(5000);
  const current = mine?.current;
  const due = mine?.checkInDueAt;
  if (!current || current.checkInAt || !due || now <= Date.parse(due)) return null;
  return {
    key: 'check-in',
    level: 'error',
    icon: <LoginOutlined />,
    testId: 'alert-check-in',
    data: { shift: current.id },
    title: t('alerts.checkIn.title', { time: formatHourMinute(due) }),
    action: (
      <Link to="/">
        <Button size="small" type="primary" danger>
          {t('alerts.checkIn.go')}
        </Button>
      </Link>
    ),
  };
}

function isIncoming(h: Handover, userId: number): boolean {
  if (h.outgoing?.userId === userId) return false;
  return h.incoming?.userId === userId || h.content.people.incoming.some((p) => p.userId === userId);
}

/** 待我签收: a handover submitted to me, the incoming officer, not signed yet. */
export function useHandoverToSignAlert(user: User): AlertItem | null {
  const t = useT();
  // Read again on every handover event and every few minutes.
  const { data } = useQuery({
    ...awaitingHandoversQuery(),
    ...pollEvery(120_000),
    enabled: useInDistrictRoom(),
  });
  if (!hasRole(user, 'officer')) return null;
  const mine = (data ?? []).filter((h) => isIncoming(h, user.id));
  const first = mine[0];
  if (!first) return null;
  return {
    key: 'handover',
    level: 'warning',
    icon: <SwapOutlined />,
    testId: 'alert-handover',
    data: { count: mine.length, handover: first.id },
    title: t('alerts.handover.title'),
    detail: t('alerts.handover.text', { from: first.submittedByName, time: formatMinute(first.submittedAt) }),
    action: (
      <Link to="/handover?tab=awaiting">
        <Button size="small" type="primary">
          {t('handover.notice.sign')}
        </Button>
      </Link>
    ),
  };
}
