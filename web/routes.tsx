import { lazy, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, type RouteObject } from 'react-router';
import { Layout } from './components/Layout';
import { Page } from './components/page';
// Eager: leaving a page on logout must land at once, before the page's guard sees the session end.
import { HomePage } from './features/programmes/HomePage';

// Pages load on demand (all but the home page), so the app's start carries little more than the frame.
const named = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));
const LoginPage = named(() => import('./features/accounts/LoginPage'), 'LoginPage');
const RegionsPage = named(() => import('./features/regions/RegionsPage'), 'RegionsPage');
const RoundPage = named(() => import('./features/rounds/RoundPage'), 'RoundPage');
const AccountPage = named(() => import('./features/accounts/AccountPage'), 'AccountPage');
const AuditPage = named(() => import('./features/audit/AuditPage'), 'AuditPage');
const UsersPage = named(() => import('./features/accounts/UsersPage'), 'UsersPage');
const ProgrammeEditPage = named(() => import('./features/programmes/ProgrammeEditPage'), 'ProgrammeEditPage');
const RoundCreatePage = named(() => import('./features/rounds/RoundFormPages'), 'RoundCreatePage');
const RoundEditPage = named(() => import('./features/rounds/RoundFormPages'), 'RoundEditPage');
const ApplicationPage = named(() => import('./features/applications/ApplicationPage'), 'ApplicationPage');
const VersionPage = named(() => import('./features/applications/VersionPage'), 'VersionPage');
const OrganisationPage = named(() => import('./features/organisations/OrganisationPage'), 'OrganisationPage');
const InvitationPage = named(() => import('./features/organisations/InvitationPage'), 'InvitationPage');
const RoundApplicationsPage = named(() => import('./features/office/RoundApplicationsPage'), 'RoundApplicationsPage');
const reviewPages = () => import('./features/review/pages');
const ReviewerProfilePage = named(reviewPages, 'ProfilePage');
const MyAssignmentsPage = named(reviewPages, 'MyAssignmentsPage');
const AssignmentPage = named(reviewPages, 'AssignmentPage');
const OtherReviewsPage = named(reviewPages, 'OtherReviewsPage');
const RoundReviewPage = named(reviewPages, 'RoundReviewPage');
const ReviewResultsPage = named(reviewPages, 'ReviewResultsPage');
const CatalogueSearchPage = named(() => import('./features/catalogue/CatalogueSearchPage'), 'CatalogueSearchPage');
const SolutionPage = named(() => import('./features/catalogue/SolutionPage'), 'SolutionPage');
const RegisterSolutionPage = named(() => import('./features/catalogue/RegisterSolutionPage'), 'RegisterSolutionPage');
const ReuseNetworkPage = named(() => import('./features/catalogue/ReuseNetworkPage'), 'ReuseNetworkPage');
const KnowledgePage = named(() => import('./features/catalogue/KnowledgePage'), 'KnowledgePage');
const KnowledgeItemPage = named(() => import('./features/catalogue/KnowledgePage'), 'KnowledgeItemPage');
const ObligationsPage = named(() => import('./features/catalogue/ObligationsPage'), 'ObligationsPage');
const JuryRoundPage = named(() => import('./features/jury/JuryRoundPage'), 'JuryRoundPage');
const resultsPages = () => import('./features/results/pages');
const ResultsPage = named(resultsPages, 'ResultsPage');
const DecisionSupportPage = named(resultsPages, 'DecisionSupportPage');
const JuryRoomPage = named(() => import('./features/jury/JuryRoomPage'), 'JuryRoomPage');
const JuryApplicationPage = named(() => import('./features/jury/JuryApplicationPage'), 'JuryApplicationPage');
const JuryOfficePage = named(() => import('./features/jury/office/JuryOfficePage'), 'JuryOfficePage');
const fundingPages = () => import('./features/funding/pages');
const ProjectPage = named(fundingPages, 'ProjectPage');
const DisbursementQueuePage = named(fundingPages, 'DisbursementQueuePage');
const BudgetPage = named(fundingPages, 'BudgetPage');
const RoundGrantsPage = named(fundingPages, 'RoundGrantsPage');
const portalPages = () => import('./features/portal/pages');
const PortalHomePage = named(portalPages, 'PortalHomePage');
const PortalProjectsPage = named(portalPages, 'ProjectsPage');
const PublicProjectPage = named(portalPages, 'PublicProjectPage');
const PortalStatisticsPage = named(portalPages, 'StatisticsPage');
const PortalSearchPage = named(portalPages, 'SearchPage');
const OpenDataPage = named(portalPages, 'OpenDataPage');
const startPages = () => import('./features/start/StartPages');
const AdminStartPage = named(startPages, 'AdminStartPage');
const OfficeStartPage = named(startPages, 'OfficeStartPage');
const ReviewStartPage = named(startPages, 'ReviewStartPage');
const JuryStartPage = named(startPages, 'JuryStartPage');
const ApplyStartPage = named(startPages, 'ApplyStartPage');
const ProjectsStartPage = named(startPages, 'ProjectsStartPage');

function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('errors.notFoundTitle')} lead={t('errors.notFoundText')}>
      <p className="kern-body">
        <Link className="kern-link" to="/">
          {t('errors.backHome')}
        </Link>
      </p>
    </Page>
  );
}

/** Shared by the browser's router and the server's prerender of the public pages. */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'login', element: <LoginPage /> },
      { path: 'account', element: <AccountPage /> },
      { path: 'regions', element: <RegionsPage /> },
      { path: 'rounds/:id', element: <RoundPage /> },
      { path: 'rounds/:id/edit', element: <RoundEditPage /> },
      { path: 'programmes/:slug/edit', element: <ProgrammeEditPage /> },
      { path: 'programmes/:slug/rounds/new', element: <RoundCreatePage /> },
      { path: 'admin', element: <AdminStartPage /> },
      { path: 'admin/users', element: <UsersPage /> },
      { path: 'admin/audit', element: <AuditPage /> },
      { path: 'office', element: <OfficeStartPage /> },
      { path: 'review', element: <ReviewStartPage /> },
      { path: 'jury', element: <JuryStartPage /> },
      { path: 'jury/rounds/:roundId', element: <JuryRoundPage /> },
      { path: 'jury/rounds/:roundId/applications/:applicationId', element: <JuryApplicationPage /> },
      { path: 'jury/sessions/:sessionId', element: <JuryRoomPage /> },
      { path: 'apply', element: <ApplyStartPage /> },
      { path: 'projects', element: <ProjectsStartPage /> },
      { path: 'projects/:id', element: <ProjectPage /> },
      { path: 'office/disbursements', element: <DisbursementQueuePage /> },
      { path: 'office/programmes/:programmeId/budget', element: <BudgetPage /> },
      { path: 'office/rounds/:roundId/grants', element: <RoundGrantsPage /> },
      { path: 'applications/:id', element: <ApplicationPage /> },
      { path: 'applications/:id/versions/:version', element: <VersionPage /> },
      { path: 'organisations/:id', element: <OrganisationPage /> },
      { path: 'invitations/accept', element: <InvitationPage /> },
      { path: 'office/rounds/:roundId/applications', element: <RoundApplicationsPage /> },
      { path: 'office/rounds/:roundId/review', element: <RoundReviewPage /> },
      { path: 'office/rounds/:roundId/jury', element: <JuryOfficePage /> },
      { path: 'rounds/:roundId/review-results', element: <ReviewResultsPage /> },
      { path: 'rounds/:roundId/results', element: <ResultsPage /> },
      { path: 'rounds/:roundId/decision-support', element: <DecisionSupportPage /> },
      { path: 'review/profile', element: <ReviewerProfilePage /> },
      { path: 'review/assignments', element: <MyAssignmentsPage /> },
      { path: 'review/assignments/:id', element: <AssignmentPage /> },
      { path: 'review/assignments/:id/other-reviews', element: <OtherReviewsPage /> },
      { path: 'catalogue', element: <CatalogueSearchPage /> },
      { path: 'catalogue/new', element: <RegisterSolutionPage /> },
      { path: 'catalogue/network', element: <ReuseNetworkPage /> },
      { path: 'catalogue/knowledge', element: <KnowledgePage /> },
      { path: 'catalogue/knowledge/:id', element: <KnowledgeItemPage /> },
      { path: 'catalogue/solutions/:idOrSlug', element: <SolutionPage /> },
      { path: 'office/programmes/:programme/obligations', element: <ObligationsPage /> },
      { path: 'portal', element: <PortalHomePage /> },
      { path: 'portal/projects', element: <PortalProjectsPage /> },
      { path: 'portal/projects/:id', element: <PublicProjectPage /> },
      { path: 'portal/statistics', element: <PortalStatisticsPage /> },
      { path: 'portal/search', element: <PortalSearchPage /> },
      { path: 'portal/open-data', element: <OpenDataPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
