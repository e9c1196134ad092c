import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  DashboardOutlined,
  FieldTimeOutlined,
  FireOutlined,
  FlagOutlined,
  FormOutlined,
  KeyOutlined,
  SettingOutlined,
  SwapOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { type MessageKey, useT } from '@client/lib/i18n';
import { DISTRICT_PATH, hasRole } from '@client/lib/session';
import { Menu, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useCurrentUser } from '../auth-guard';
import { useReportAlerts } from './alerts/use-report-alerts';

type Item = Required<MenuProps>['items'][number];

const pages: { path: string; label: MessageKey; icon: ReactNode }[] = [
  { path: '/', label: 'nav.console', icon: <DashboardOutlined /> },
  // The informant's own page first in their menu (the console above is the district's only).
  { path: '/report', label: 'nav.report', icon: <FormOutlined /> },
  { path: '/incidents', label: 'nav.incidents', icon: <AlertOutlined /> },
  { path: '/warnings', label: 'nav.warnings', icon: <FlagOutlined /> },
  { path: '/network', label: 'nav.network', icon: <ClusterOutlined /> },
  { path: '/disasters', label: 'nav.disasters', icon: <FireOutlined /> },
  { path: '/zero-reports', label: 'nav.zeroReports', icon: <CheckSquareOutlined /> },
  { path: '/roster', label: 'nav.roster', icon: <CalendarOutlined /> },
  { path: '/logbook', label: 'nav.logbook', icon: <BookOutlined /> },
  { path: '/handover', label: 'nav.handover', icon: <SwapOutlined /> },
  { path: '/stats', label: 'nav.stats', icon: <BarChartOutlined /> },
];

const UNIT_PAGES = new Set(['/network', '/disasters', '/zero-reports', '/incidents', '/warnings', '/stats']);
/** The informant's phone page (灾情上报): community informants only. */
const INFORMANT_PAGES = new Set(['/report']);
const INFORMANT_HIDES = new Set(['/disasters']);

const adminPages: { path: string; label: MessageKey; icon: ReactNode }[] = [
  { path: '/admin/users', label: 'nav.users', icon: <TeamOutlined /> },
  { path: '/admin/units', label: 'nav.units', icon: <ApartmentOutlined /> },
  { path: '/admin/tokens', label: 'nav.tokens', icon: <KeyOutlined /> },
  { path: '/admin/deadlines', label: 'nav.deadlines', icon: <FieldTimeOutlined /> },
  { path: '/admin/audit', label: 'nav.audit', icon: <AuditOutlined /> },
  { path: '/admin/calendar', label: 'nav.calendar', icon: <CalendarOutlined /> },
];

/** The menu entry a path belongs to: the longest page path that prefixes it. */
function selectedKey(pathname: string): string {
  const all = [...pages, ...adminPages].map((p) => p.path);
  const matches = all.filter((p) => pathname === p || (p !== '/' && pathname.startsWith(`${p}/`)));
  return matches.sort((a, b) => b.length - a.length)[0] ?? pathname;
}

/**
 * 事件's icon carries the count of reports overdue and due soon (red while any is overdue), so it
 * shows on the collapsed menu of a narrow screen too.
 */
function IncidentsIcon({ icon }: { icon: ReactNode }) {
  const t = useT();
  const { overdue, dueSoon } = useReportAlerts();
  const count = overdue.length + dueSoon.length;
  // A plain count rather than antd's Badge: the menu is in every page's first load.
  return (
    <span className="menu-incidents-icon">
      {icon}
      <span
        className={`menu-count${overdue.length > 0 ? ' menu-count-over' : ''}`}
        hidden={count === 0}
        title={t('alerts.menuBadge', { count })}
        data-testid="incidents-badge"
        data-count={count}
      >
        {count > 99 ? '99+' : count}
      </span>
    </span>
  );
}

export function SideMenu() {
  const t = useT();
  const user = useCurrentUser();
  const { pathname } = useLocation();

  // A township's or community's people: their post, their reports, the warnings, their figures.
  const informant = hasRole(user, 'informant');
  // An informant reports on 灾情上报 (/report); the disasters board beside it would only repeat it.
  const shown = pages.filter((p) =>
    INFORMANT_PAGES.has(p.path)
      ? informant
      : user.unitPath === DISTRICT_PATH ||
        (UNIT_PAGES.has(p.path) && !(informant && INFORMANT_HIDES.has(p.path))),
  );
  const items: Item[] = shown.map((p) => ({
    key: p.path,
    icon: p.path === '/incidents' ? <IncidentsIcon icon={p.icon} /> : p.icon,
    label: <Link to={p.path}>{t(p.label)}</Link>,
  }));
  if (hasRole(user, 'admin')) {
    items.push({
      key: '/admin',
      icon: <SettingOutlined />,
      label: t('nav.admin'),
      children: adminPages.map((p) => ({
        key: p.path,
        icon: p.icon,
        label: <Link to={p.path}>{t(p.label)}</Link>,
      })),
    });
  }

  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[selectedKey(pathname)]}
      defaultOpenKeys={['/admin']}
      style={{ borderInlineEnd: 0 }}
      data-testid="side-menu"
    />
  );
}
