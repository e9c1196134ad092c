import { DISTRICT_PATH, hasRole } from '@client/lib/session';
import type { User } from '@shared/schemas/users';
import { type ComponentType, type LazyExoticComponent, lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router-dom';
import { SignInPage } from '../features/auth/components/sign-in-page';
import { loadConsoleHome } from '../features/console/console-preload';
import { loadIncidentsBoard } from '../features/incidents/board-preload';
import { IncidentsWatch } from '../features/incidents/components/incidents-watch';
import { FullPageSpin, GuestOnly, RequireAdmin, RequireAuth, useCurrentUser } from './auth-guard';
import { LangSwitch } from './lang-switch';
import { AppLayout } from './layout/app-layout';
import { NotFound } from './not-found';

/** A page's code loaded on first visit, by its named export. */
function lazyNamed<P, K extends string>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

function WithUser({ page: Page }: { page: ComponentType<{ user: User }> }) {
  return <Page user={useCurrentUser()} />;
}

/** A signed-in page outside the console's layout: a printed sheet. */
function Bare({ page: Page }: { page: ComponentType }) {
  return (
    <RequireAuth>
      <Suspense fallback={<FullPageSpin />}>
        <Page />
      </Suspense>
    </RequireAuth>
  );
}

// Admin pages are for a few people in office hours; keep them out of the duty post's first load.
const UsersPage = lazyNamed(() => import('../features/admin/components/users-page'), 'UsersPage');
const UnitsPage = lazyNamed(() => import('../features/admin/components/units-page'), 'UnitsPage');
const TokensPage = lazyNamed(() => import('../features/admin/components/tokens-page'), 'TokensPage');
const AuditPage = lazyNamed(() => import('../features/admin/components/audit-page'), 'AuditPage');
const PolicyProfilesPage = lazyNamed(
  () => import('../features/admin/components/policy-profiles-page'),
  'PolicyProfilesPage',
);
const CalendarPage = lazyNamed(() => import('../features/admin/components/calendar-page'), 'CalendarPage');
// The roster is planned in office hours; the duty post's first screen is the console.
const RosterPage = lazyNamed(() => import('../features/roster/components/roster-page'), 'RosterPage');
const RosterPrintPage = lazyNamed(
  () => import('../features/roster/components/roster-print-page'),
  'RosterPrintPage',
);

// The console home and the board: split out, yet asked for with the page when the console opens on them.
const ConsoleHome = lazy(loadConsoleHome);
// Incidents pages load on first visit; the shortcut and alerts (IncidentsWatch) are always on.
const IncidentsBoard = lazy(loadIncidentsBoard);
const IncidentDetailPage = lazyNamed(
  () => import('../features/incidents/components/incident-detail-page'),
  'IncidentDetailPage',
);

// The duty log and the handover load on first visit; the console's handover notice is always on.
const LogbookPage = lazyNamed(() => import('../features/logbook/components/logbook-page'), 'LogbookPage');
const HandoverPage = lazyNamed(() => import('../features/handover/components/handover-page'), 'HandoverPage');
const HandoverDetailPage = lazyNamed(
  () => import('../features/handover/components/handover-detail-page'),
  'HandoverDetailPage',
);
const HandoverPrintPage = lazyNamed(
  () => import('../features/handover/components/handover-print-page'),
  'HandoverPrintPage',
);

// The duty network's board: the district's watch over the unit posts, a unit's own post on a phone.
const NetworkPage = lazyNamed(() => import('../features/network/components/network-page'), 'NetworkPage');
// The community informant's phone page: 灾情上报 and the one-tap zero report; loaded only by those who open it.
const ReportPage = lazyNamed(() => import('../features/informant/components/report-page'), 'ReportPage');

// 灾情报送: the disaster processes, their figures by township, clocks and reports.
const DisastersPage = lazyNamed(
  () => import('../features/disasters/components/disasters-page'),
  'DisastersPage',
);
const DisasterDetailPage = lazyNamed(
  () => import('../features/disasters/components/disaster-detail-page'),
  'DisasterDetailPage',
);

// Zero reports (零报告): the district's asks and who has not filed; a unit's one-tap filing.
const ZeroReportsPage = lazyNamed(
  () => import('../features/zero-reports/components/zero-reports-page'),
  'ZeroReportsPage',
);

// Statistics are read in office hours; ECharts loads with this page only, never on the duty post's first screen.
// Warnings, responses and consultations: the wall is in the shell; this page holds the forms and history.
const WarningsPage = lazyNamed(() => import('../features/warnings/components/warnings-page'), 'WarningsPage');
const StatsPage = lazyNamed(() => import('../features/stats/components/stats-page'), 'StatsPage');
const StatsPrintPage = lazyNamed(
  () => import('../features/stats/components/stats-print-page'),
  'StatsPrintPage',
);

function CurrentUsersPage() {
  return <UsersPage currentUserId={useCurrentUser().id} />;
}

/**
 * The district room's console; a community's informant starts on the report page, the other
 * people of a township or community on their own post.
 */
function Home({ user }: { user: User }) {
  if (user.unitPath === DISTRICT_PATH) return <ConsoleHome user={user} />;
  return <Navigate to={hasRole(user, 'informant') ? '/report' : '/network'} replace />;
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
    element: <Bare page={RosterPrintPage} />,
  },
  {
    // Outside the layout too: one A4 portrait sheet with the signatures block.
    path: '/handover/:id/print',
    element: <Bare page={HandoverPrintPage} />,
  },
  {
    // Outside the layout: the monthly summary on A4 portrait, no charts, no chrome.
    path: '/stats/print',
    element: <Bare page={StatsPrintPage} />,
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
      { index: true, element: <WithUser page={Home} /> },
      { path: 'incidents', element: <WithUser page={IncidentsBoard} /> },
      { path: 'incidents/:id', element: <WithUser page={IncidentDetailPage} /> },
      { path: 'warnings', element: <WithUser page={WarningsPage} /> },
      { path: 'network', element: <WithUser page={NetworkPage} /> },
      { path: 'disasters', element: <WithUser page={DisastersPage} /> },
      { path: 'disasters/:id', element: <WithUser page={DisasterDetailPage} /> },
      { path: 'report', element: <WithUser page={ReportPage} /> },
      { path: 'zero-reports', element: <WithUser page={ZeroReportsPage} /> },
      { path: 'roster', element: <WithUser page={RosterPage} /> },
      { path: 'logbook', element: <WithUser page={LogbookPage} /> },
      { path: 'handover', element: <WithUser page={HandoverPage} /> },
      { path: 'handover/:id', element: <WithUser page={HandoverDetailPage} /> },
      { path: 'stats', element: <StatsPage /> },
      {
        path: 'admin',
        element: <RequireAdmin />,
        children: [
          { index: true, element: <Navigate to="/admin/users" replace /> },
          { path: 'users', element: <CurrentUsersPage /> },
          { path: 'units', element: <UnitsPage /> },
          { path: 'tokens', element: <TokensPage /> },
          { path: 'deadlines', element: <PolicyProfilesPage /> },
          { path: 'audit', element: <AuditPage /> },
          { path: 'calendar', element: <CalendarPage /> },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
