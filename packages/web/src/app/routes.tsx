/**
 * @module app/routes
 * The route table. Every page but the first is loaded when first visited, so the initial script stays small.
 */
import { createBrowserRouter } from 'react-router';
import { prefetchOverview } from '../api/prefetch';
import { queryClient } from '../api/query-client';
import { Layout } from './Layout';
import { RouteError } from './RouteError';

/** A page module's default export, loaded on first visit. */
const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({
  Component: (await load()).default,
});

export const router = createBrowserRouter([
  {
    path: '/',
    Component: Layout,
    ErrorBoundary: RouteError,
    children: [
      { index: true, lazy: page(() => import('../pages/HomePage')) },
      {
        path: 'organisations/:ref',
        loader: ({ params, request }) => {
          prefetchOverview(queryClient, params.ref ?? '', new URL(request.url).searchParams);
          return null;
        },
        lazy: page(() => import('../pages/OverviewPage')),
      },
      { path: 'organisations/:ref/units/:unitId', lazy: page(() => import('../pages/UnitPage')) },
      { path: 'organisations/:ref/audit', lazy: page(() => import('../pages/AuditPage')) },
      { path: 'series/:seriesId', lazy: page(() => import('../pages/MeasurePage')) },
      { path: 'measures', lazy: page(() => import('../pages/CataloguePage')) },
      { path: 'measures/:measureId/compare', lazy: page(() => import('../pages/ComparePage')) },
      { path: 'measures/:measureId/funnel', lazy: page(() => import('../pages/FunnelPage')) },
      { path: 'imports/new', lazy: page(() => import('../pages/ImportPage')) },
      { path: 'sign-in', lazy: page(() => import('../pages/SignInPage')) },
      {
        path: 'organisations/:ref/identity-providers',
        lazy: page(() => import('../pages/IdentityProvidersPage')),
      },
      { path: 'setup', lazy: page(() => import('../pages/SetupPage')) },
      { path: 'account/tokens', lazy: page(() => import('../pages/TokensPage')) },
      { path: 'organisations/:ref/members', lazy: page(() => import('../pages/MembersPage')) },
      { path: 'organisations/:ref/grants', lazy: page(() => import('../pages/GrantsPage')) },
      { path: 'organisations/:ref/goals', lazy: page(() => import('../pages/GoalsPage')) },
      {
        path: 'organisations/:ref/requirements',
        lazy: page(() => import('../pages/RequirementsPage')),
      },
      { path: 'invitations/:token', lazy: page(() => import('../pages/InvitationPage')) },
      { path: 'organisations/:ref/projects', lazy: page(() => import('../pages/ProjectsPage')) },
      { path: 'organisations/:ref/projects/new', lazy: page(() => import('../pages/NewProjectPage')) },
      { path: 'projects/:id', lazy: page(() => import('../pages/ProjectPage')) },
      { path: 'library', lazy: page(() => import('../pages/LibraryPage')) },
      { path: 'organisations/:ref/reports', lazy: page(() => import('../pages/ReportsPage')) },
      { path: 'reports/:id', lazy: page(() => import('../pages/ReportPage')) },
      { path: 'issued-reports/:id', lazy: page(() => import('../pages/IssuedReportPage')) },
      { path: 'organisations/:ref/ideas', lazy: page(() => import('../pages/IdeasPage')) },
      { path: 'organisations/:ref/ideas/new', lazy: page(() => import('../pages/NewIdeaPage')) },
      { path: 'ideas/:id', lazy: page(() => import('../pages/IdeaPage')) },
      { path: 'organisations/:ref/capability', lazy: page(() => import('../pages/CapabilityPage')) },
      { path: 'notifications', lazy: page(() => import('../pages/NotificationsPage')) },
      {
        path: 'organisations/:ref/public-profile',
        lazy: page(() => import('../pages/PublicProfilePage')),
      },
      { path: 'organisations/:ref/surveys', lazy: page(() => import('../pages/SurveysPage')) },
      { path: 'surveys/:id', lazy: page(() => import('../pages/SurveyPage')) },
      { path: 'organisations/:ref/mail-settings', lazy: page(() => import('../pages/MailSettingsPage')) },
      { path: '*', lazy: page(() => import('../pages/NotFoundPage')) },
    ],
  },
  // Answering a survey from its link: outside the signed-in app (no header navigation, no sign-in).
  { path: '/s/:token', ErrorBoundary: RouteError, lazy: page(() => import('../pages/SurveyResponsePage')) },
]);
