import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router-dom';
import { SignInPage } from '../features/auth/components/sign-in-page';
import { ConsoleHome } from '../features/console/components/console-home';
import { GuestOnly, RequireAdmin, RequireAuth, useCurrentUser } from './auth-guard';
import { LangSwitch } from './lang-switch';
import { AppLayout } from './layout/app-layout';
import { NotFound } from './not-found';
import { UnderConstruction } from './under-construction';

// Admin pages are for a few people in office hours; keep them out of the duty post's first load.
const UsersPage = lazy(() =>
  import('../features/admin/components/users-page').then((m) => ({ default: m.UsersPage })),
);
const TokensPage = lazy(() =>
  import('../features/admin/components/tokens-page').then((m) => ({ default: m.TokensPage })),
);
const AuditPage = lazy(() =>
  import('../features/admin/components/audit-page').then((m) => ({ default: m.AuditPage })),
);

function ConsoleRoute() {
  return <ConsoleHome user={useCurrentUser()} />;
}

function CurrentUsersPage() {
  return <UsersPage currentUserId={useCurrentUser().id} />;
}

export const router = createBrowserRouter([
  {
    path: '/login',
    element: (
      <GuestOnly>
        <SignInPage extra={<LangSwitch ghost />} />
      </GuestOnly>
    ),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <ConsoleRoute /> },
      { path: 'incidents', element: <UnderConstruction titleKey="nav.incidents" /> },
      { path: 'roster', element: <UnderConstruction titleKey="nav.roster" /> },
      { path: 'logbook', element: <UnderConstruction titleKey="nav.logbook" /> },
      { path: 'handover', element: <UnderConstruction titleKey="nav.handover" /> },
      { path: 'stats', element: <UnderConstruction titleKey="nav.stats" /> },
      {
        path: 'admin',
        element: <RequireAdmin />,
        children: [
          { index: true, element: <Navigate to="/admin/users" replace /> },
          { path: 'users', element: <CurrentUsersPage /> },
          { path: 'tokens', element: <TokensPage /> },
          { path: 'audit', element: <AuditPage /> },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
