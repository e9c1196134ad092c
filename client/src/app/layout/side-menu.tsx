import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  DashboardOutlined,
  KeyOutlined,
  SettingOutlined,
  SwapOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { type MessageKey, useT } from '@client/lib/i18n';
import { hasRole } from '@client/lib/session';
import { Menu, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useCurrentUser } from '../auth-guard';

type Item = Required<MenuProps>['items'][number];

const pages: { path: string; label: MessageKey; icon: ReactNode }[] = [
  { path: '/', label: 'nav.console', icon: <DashboardOutlined /> },
  { path: '/incidents', label: 'nav.incidents', icon: <AlertOutlined /> },
  { path: '/roster', label: 'nav.roster', icon: <CalendarOutlined /> },
  { path: '/logbook', label: 'nav.logbook', icon: <BookOutlined /> },
  { path: '/handover', label: 'nav.handover', icon: <SwapOutlined /> },
  { path: '/stats', label: 'nav.stats', icon: <BarChartOutlined /> },
];

const adminPages: { path: string; label: MessageKey; icon: ReactNode }[] = [
  { path: '/admin/users', label: 'nav.users', icon: <TeamOutlined /> },
  { path: '/admin/tokens', label: 'nav.tokens', icon: <KeyOutlined /> },
  { path: '/admin/audit', label: 'nav.audit', icon: <AuditOutlined /> },
];

/** The menu entry a path belongs to: the longest page path that prefixes it. */
function selectedKey(pathname: string): string {
  const all = [...pages, ...adminPages].map((p) => p.path);
  const matches = all.filter((p) => pathname === p || (p !== '/' && pathname.startsWith(`${p}/`)));
  return matches.sort((a, b) => b.length - a.length)[0] ?? pathname;
}

export function SideMenu() {
  const t = useT();
  const user = useCurrentUser();
  const { pathname } = useLocation();

  const items: Item[] = pages.map((p) => ({
    key: p.path,
    icon: p.icon,
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
