import { useT } from '@client/lib/i18n';
import { hasRole, useSession } from '@client/lib/session';
import type { User } from '@shared/schemas/users';
import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';

interface FromState {
  from?: string;
}

export function FullPageSpin() {
  const t = useT();
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
      <Spin size="large" description={t('app.loading')} />
    </div>
  );
}

/** Signed-in routes: waits for the session check, then sends strangers to the sign-in page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'unknown') return <FullPageSpin />;
  if (session.status === 'anonymous') {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={{ from } satisfies FromState} />;
  }
  return children;
}

/** The sign-in page: once signed in, go back to where the user was headed. */
export function GuestOnly({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'unknown') return <FullPageSpin />;
  if (session.status === 'authenticated') {
    const from = (location.state as FromState | null)?.from;
    const target = from?.startsWith('/') && !from.startsWith('/login') ? from : '/';
    return <Navigate to={target} replace />;
  }
  return children;
}

export function useCurrentUser(): User {
  const session = useSession();
  if (session.status !== 'authenticated') throw new Error('useCurrentUser outside RequireAuth');
  return session.user;
}

export function RequireAdmin() {
  const t = useT();
  const user = useCurrentUser();
  const navigate = useNavigate();
  if (hasRole(user, 'admin')) return <Outlet />;
  return (
    <Result
      status="403"
      title={t('common.forbidden')}
      subTitle={t('common.forbiddenSub')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
