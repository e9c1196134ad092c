import { LogoutOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { useT } from '@client/lib/i18n';
import { disconnectLive } from '@client/lib/live-store';
import { roleColor, roleLabel } from '@client/lib/roles';
import { endSession } from '@client/lib/session';
import { Avatar, Button, Layout, Space, Tag } from 'antd';
import { useState } from 'react';
import { logout } from '../../features/auth/api/logout';
import { useCurrentUser } from '../auth-guard';
import { LangSwitch } from '../lang-switch';
import { BureauClock } from './bureau-clock';
import { ConnectionBadge } from './connection-badge';

function CurrentUser() {
  const t = useT();
  const user = useCurrentUser();
  return (
    <span className="app-user" data-testid="current-user">
      <Avatar size="small" icon={<UserOutlined />} className="app-user-avatar" />
      <span className="app-user-name">{user.displayName || user.username}</span>
      <span className="app-user-roles">
        {user.roles.map((role) => (
          <Tag key={role} color={roleColor[role]} variant="filled">
            {t(roleLabel[role])}
          </Tag>
        ))}
      </span>
    </span>
  );
}

function SignOutButton() {
  const t = useT();
  const [busy, setBusy] = useState(false);
  async function signOut() {
    setBusy(true);
    disconnectLive();
    try {
      await logout();
    } catch {
      // The session ends on this side regardless; the server's copy expires on its own.
    }
    endSession('signed_out');
  }
  return (
    <Button
      type="text"
      icon={<LogoutOutlined />}
      loading={busy}
      onClick={signOut}
      className="app-header-button"
      data-testid="sign-out"
    >
      {t('header.signOut')}
    </Button>
  );
}

export function AppHeader() {
  const t = useT();
  return (
    <Layout.Header className="app-header">
      <div className="app-brand">
        <SafetyCertificateOutlined className="app-brand-logo" />
        <span className="app-brand-name">{t('app.name')}</span>
      </div>
      <Space size={16} className="app-header-right">
        <BureauClock />
        <ConnectionBadge />
        <CurrentUser />
        <LangSwitch />
        <SignOutButton />
      </Space>
    </Layout.Header>
  );
}
