import { FileDoneOutlined } from '@ant-design/icons';
import { myZeroAsksQuery } from '@client/lib/api/zero-asks';
import { useT } from '@client/lib/i18n';
import { formatHourMinute } from '@client/lib/time';
import { DISTRICT_UNIT_ID as DISTRICT_ID } from '@shared/domain/district';
import type { User } from '@shared/schemas/users';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router-dom';
import { activeZeroRequestsQuery } from '../../../features/zero-reports/api/zero-reports';
import type { AlertItem } from './alert-row';

const openLink = (to: string, label: string) => (
  <Link to={to} data-testid="alert-zero-open">
    {label}
  </Link>
);

/** Where a unit files: an informant on the phone page, an officer on the zero-report page. */
const filingPage = (user: User) => (user.roles.includes('informant') ? '/report' : '/zero-reports');

/**
 * The zero reports not filed (零报告): on a unit's console, what its unit still owes today (a
 * warning until the cut-off, an error once it has passed), except on the page where it files them;
 * on the district's, for its officers and leaders, the units past the cut-off with nothing filed.
 * Live: zero_report.* events re-read both, the cut-off's own (zero_report.missed) included.
 */
export function useZeroReportAlert(user: User): AlertItem | null {
  const t = useT();
  const { pathname } = useLocation();
  const district = user.unitId === DISTRICT_ID;
  const watchesUnits = district && (user.roles.includes('officer') || user.roles.includes('leader'));
  const mine = useQuery({ ...myZeroAsksQuery(), enabled: !district });
  const requests = useQuery({ ...activeZeroRequestsQuery(), enabled: watchesUnits });

  if (!district) {
    if (pathname === filingPage(user)) return null;
    const owed = (mine.data ?? []).filter((ask) => ask.state === 'pending' || ask.state === 'missing');
    const first = owed[0];
    if (!first) return null;
    const late = owed.some((ask) => ask.state === 'missing');
    return {
      key: 'zero-owed',
      level: late ? 'error' : 'warning',
      icon: <FileDoneOutlined />,
      testId: 'alert-zero-owed',
      data: { count: owed.length, late: late ? 'yes' : 'no' },
      title: t(late ? 'alerts.zero.late' : 'alerts.zero.owed', {
        titles: owed.map((ask) => ask.title).join(t('duty.listSep')),
      }),
      detail: t('alerts.zero.cutoff', { time: formatHourMinute(first.cutoffAt) }),
      action: openLink(filingPage(user), t('alerts.zero.file')),
    };
  }
  if (!watchesUnits) return null;
  const missing = (requests.data ?? [])
    .filter((request) => request.today.asked)
    .flatMap((request) => request.today.units.filter((unit) => unit.state === 'missing'));
  if (missing.length === 0) return null;
  const names = [...new Set(missing.map((unit) => unit.name))];
  return {
    key: 'zero-missing',
    level: 'error',
    icon: <FileDoneOutlined />,
    testId: 'alert-zero-missing',
    data: { count: names.length },
    title: t('alerts.zero.missing', { count: names.length }),
    detail: names.join(t('duty.listSep')),
    action: openLink('/zero-reports', t('alerts.zero.open')),
  };
}
