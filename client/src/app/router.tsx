import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router-dom';
import { SignInPage } from '../features/auth/components/sign-in-page';
import { ConsoleHome } from '../features/console/components/console-home';
import { loadIncidentsBoard } from '../features/incidents/board-preload';
import { IncidentsWatch } from '../features/incidents/components/incidents-watch';
import { FullPageSpin, GuestOnly, RequireAdmin, RequireAuth, useCurrentUser } from './auth-guard';
import { LangSwitch } from './lang-switch';
import { AppLayout } from './layout/app-layout';
import { NotFound } from './not-found';

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
// The roster is planned in office hours; the duty post's first screen is the console.
const RosterPage = lazy(() =>
  import('../features/roster/components/roster-page').then((m) => ({ default: m.RosterPage })),
);
const RosterPrintPage = lazy(() =>
  import('../features/roster/components/roster-print-page').then((m) => ({ default: m.RosterPrintPage })),
);

// Incidents pages load on first visit; the shortcut and alerts (IncidentsWatch) are always on.
const IncidentsBoard = lazy(loadIncidentsBoard);
const IncidentDetailPage = lazy(() =>
  import('../features/incidents/components/incident-detail-page').then((m) => ({
    default: m.IncidentDetailPage,
  })),
);

// The duty log and the handover load on first visit; the console's handover notice is always on.
const LogbookPage = lazy(() =>
  import('../features/logbook/components/logbook-page').then((m) => ({ default: m.LogbookPage })),
);
const HandoverPage = lazy(() =>
  import('../features/handover/components/handover-page').then((m) => ({ default: m.HandoverPage })),
);
const HandoverDetailPage = lazy(() =>
  import('../features/handover/components/handover-detail-page').then((m) => ({
    default: m.HandoverDetailPage,
  })),
);
const HandoverPrintPage = lazy(() =>
  import('../features/handover/components/handover-print-page').then((m) => ({
    default: m.HandoverPrintPage,
  })),
);

// Statistics are read in office hours; ECharts loads with this page only, never on the duty post's first screen.
const StatsPage = lazy(() =>
  import('../features/stats/components/stats-page').then((m) => ({ default: m.StatsPage })),
);
const StatsPrintPage = lazy(() =>
  import('../features/stats/components/stats-print-page').then((m) => ({ default: m.StatsPrintPage })),
);

function LogbookRoute() {
  return <LogbookPage user={useCurrentUser()} />;
}

function HandoverRoute() {
  return <HandoverPage user={useCurrentUser()} />;
}

function HandoverDetailRoute() {
  return <HandoverDetailPage user={useCurrentUser()} />;
}

function IncidentsRoute() {
  return <IncidentsBoard user={useCurrentUser()} />;
}

function IncidentDetailRoute() {
  return <IncidentDetailPage user={useCurrentUser()} />;
}

function ConsoleRoute() {
  return <ConsoleHome user={useCurrentUser()} />;
}

function RosterRoute() {
  return <RosterPage user={useCurrentUser()} />;
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
    // Outside the layout: the printed sheet carries no console chrome.
    path: '/roster/print',
    element: (
      <RequireAuth>
        <Suspense fallback={<FullPageSpin />}>
          <RosterPrintPage />
        </Suspense>
      </RequireAuth>
    ),
  },
  {
    // Outside the layout too: one A4 portrait sheet with the signatures block.
    path: '/handover/:id/print',
    element: (
      <RequireAuth>
        <Suspense fallback={<FullPageSpin />}>
          <HandoverPrintPage />
        </Suspense>
      </RequireAuth>
    ),
  },
  {
    // Outside the layout: the monthly summary on A4 portrait, no charts, no chrome.
    path: '/stats/print',
    element: (
      <RequireAuth>
        <Suspense fallback={<FullPageSpin />}>
          <StatsPrintPage />
        </Suspense>
      </RequireAuth>
    ),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <IncidentsWatch />
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <ConsoleRoute /> },
      { path: 'incidents', element: <IncidentsRoute /> },
      { path: 'incidents/:id', element: <IncidentDetailRoute /> },
      { path: 'roster', element: <RosterRoute /> },
      { path: 'logbook', element: <LogbookRoute /> },
      { path: 'handover', element: <HandoverRoute /> },
      { path: 'handover/:id', element: <HandoverDetailRoute /> },
      { path: 'stats', element: <StatsPage /> },
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
