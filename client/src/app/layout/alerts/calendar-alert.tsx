import { CalendarOutlined } from '@ant-design/icons';
import { pollEvery } from '@client/hooks/use-refetch-at';
import { calendarStatusQuery } from '@client/lib/api/calendar';
import { useT } from '@client/lib/i18n';
import { hasRole } from '@client/lib/session';
import type { User } from '@shared/schemas/users';
import { useQuery } from '@tanstack/react-query';
import type { AlertItem } from './alert-row';

/** The date turns with no event to say so (November 1, New Year): an hourly read catches it. */
const POLL_MS = 3_600_000;

/**
 * 缺少次年节假日安排: for administrators, from November 1 (the bureau's date, computed by the server)
 * while next year's official schedule is neither shipped nor entered.
 */
export function useCalendarMissingAlert(user: User): AlertItem | null {
  const t = useT();
  const admin = hasRole(user, 'admin');
  const { data } = useQuery({ ...calendarStatusQuery(), enabled: admin, ...pollEvery(POLL_MS) });
  if (!admin || !data || data.missingYear === null) return null;
  return {
    key: 'calendar-missing',
    level: 'warning',
    icon: <CalendarOutlined />,
    testId: 'alert-calendar-missing',
    data: { year: data.missingYear },
    title: t('calendar.missing.title', { year: data.missingYear }),
    detail: t('calendar.missing.detail'),
  };
}
