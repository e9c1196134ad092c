import {
  DownOutlined,
  GlobalOutlined,
  KeyOutlined,
  LogoutOutlined,
  SafetyCertificateOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { setLang, useLang, useT } from '@client/lib/i18n';
import { disconnectLive } from '@client/lib/live-store';
import { roleColor, roleLabel } from '@client/lib/roles';
import { endSession } from '@client/lib/session';
import { Avatar, Button, Dropdown, Layout, Space, Tag } from 'antd';
import { useState } from 'react';
import { logout } from '../../features/auth/api/logout';
import { ChangePasswordModal } from '../../features/auth/components/change-password-modal';
import { useCurrentUser } from '../auth-guard';
import { LangSwitch } from '../lang-switch';
import { SoundControl } from './alerts/sound-control';
import { BureauClock } from './bureau-clock';
import { ConnectionBadge } from './connection-badge';
import './app-header.css';

async function signOut() {
  disconnectLive();
  try {
    await logout();
  } catch {
    // The session ends on this side regardless; the server's copy expires on its own.
  }
  endSession('signed_out');
}

/**
 * Who is signed in; a click opens their menu: change password, language, sign out. On a phone the
 * header keeps only this menu, so sign-out and the language stay one tap away.
 */
function CurrentUser() {
  const t = useT();
  const lang = useLang();
  const user = useCurrentUser();
  const [changing, setChanging] = useState(false);
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            {
              key: 'change-password',
              icon: <KeyOutlined />,
              label: <span data-testid="change-password">{t('header.changePassword')}</span>,
            },
            {
              key: 'language',
              icon: <GlobalOutlined />,
              label: (
                <span data-testid="menu-lang-switch" lang={lang === 'zh' ? 'en' : 'zh-CN'}>
                  {t('header.switchLang')}
                </span>
              ),
            },
            { type: 'divider' },
            {
              key: 'sign-out',
              icon: <LogoutOutlined />,
              label: <span data-testid="menu-sign-out">{t('header.signOut')}</span>,
            },
          ],
          onClick: ({ key }) => {
            if (key === 'change-password') setChanging(true);
            else if (key === 'language') setLang(lang === 'zh' ? 'en' : 'zh');
            else if (key === 'sign-out') void signOut();
          },
        }}
      >
        <button
          type="button"
          className="app-user"
          data-testid="current-user"
          aria-label={t('header.userMenu')}
        >
          <Avatar size="small" icon={<UserOutlined />} className="app-user-avatar" />
          <span className="app-user-name">{user.displayName || user.username}</span>
          <span className="app-user-roles">
            {user.roles.map((role) => (
              <Tag key={role} color={roleColor[role]} variant="filled">
                {t(roleLabel[role])}
              </Tag>
            ))}
          </span>
          <DownOutlined className="app-user-caret" />
        </button>
      </Dropdown>
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
    </>
  );
}

function SignOutButton() {
  const t = useT();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      type="text"
      icon={<LogoutOutlined />}
      loading={busy}
      onClick={() => {
        setBusy(true);
        void signOut();
      }}
      className="app-header-button app-header-wide"
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
        <span className="app-header-wide">
          <BureauClock />
        </span>
        <ConnectionBadge />
        <SoundControl />
        <CurrentUser />
        <span className="app-header-wide">
          <LangSwitch />
        </span>
        <SignOutButton />
      </Space>
    </Layout.Header>
  );
}
