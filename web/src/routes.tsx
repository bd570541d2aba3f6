import { lazy, Suspense, type ComponentType } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { SessionExpiryRedirect } from './auth/session-expiry-redirect';
import { HubPickerPage } from './hubs/hub-picker.page';
import { PageLoadBoundary } from './layout/page-load-boundary';
import { NotFoundPage, PageLoading } from './layout/page-states';
import { PublicLayout } from './layout/public-layout';

// Hub pages load on demand, so the sign-in page does not wait for ECharts and the big forms.
const OrganizationsListPage = lazy(() => import('./organizations/organizations-list.page').then((module) => ({ default: module.OrganizationsListPage })));
const OrganizationDetailPage = lazy(() => import('./organizations/organization-detail.page').then((module) => ({ default: module.OrganizationDetailPage })));
const OrganizationRegisterPage = lazy(() =>
  import('./organizations/organization-register.page').then((module) => ({ default: module.OrganizationRegisterPage })),
);
const lazyPage = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) => lazy(() => load().then((module) => ({ default: module[name] })));
// Only the landing page is in the first download: sign-in, sign-up and the hub frame load on demand.
const SignInPage = lazyPage(() => import('./auth/sign-in.page'), 'SignInPage');
const SignUpPage = lazyPage(() => import('./auth/sign-up.page'), 'SignUpPage');
const HubLayout = lazyPage(() => import('./hubs/hub-layout'), 'HubLayout');
const PeoplePage = lazyPage(() => import('./ecosystem/people.page'), 'PeoplePage');
const TalentPipelinePage = lazyPage(() => import('./ecosystem/talent-pipeline.page'), 'TalentPipelinePage');
const CompareHubsPage = lazyPage(() => import('./ecosystem/compare-hubs.page'), 'CompareHubsPage');
const SearchPage = lazyPage(() => import('./ecosystem/search.page'), 'SearchPage');
const ImportPage = lazyPage(() => import('./ecosystem/import.page'), 'ImportPage');
const BudgetPage = lazyPage(() => import('./budget/budget.page'), 'BudgetPage');
const ProgramsCatalogPage = lazyPage(() => import('./programs/programs-catalog.page'), 'ProgramsCatalogPage');
const ProgramPage = lazyPage(() => import('./programs/program.page'), 'ProgramPage');
const ProgramEditorPage = lazyPage(() => import('./programs/program-editor.page'), 'ProgramEditorPage');
const ApplyPage = lazyPage(() => import('./programs/apply.page'), 'ApplyPage');
const ApplicationResultPage = lazyPage(() => import('./programs/application-result.page'), 'ApplicationResultPage');
const MyApplicationsPage = lazyPage(() => import('./programs/my-applications.page'), 'MyApplicationsPage');
const ReviewQueuePage = lazyPage(() => import('./reviews/review-queue.page'), 'ReviewQueuePage');
const FindingsPage = lazyPage(() => import('./obligations/findings.page'), 'FindingsPage');
const ReviewFormPage = lazyPage(() => import('./reviews/review-form.page'), 'ReviewFormPage');
const StaysPage = lazyPage(() => import('./stays/stays.page'), 'StaysPage');
const StationDeskPage = lazyPage(() => import('./stays/station-desk.page'), 'StationDeskPage');
const SpacesPage = lazyPage(() => import('./spaces/spaces.page'), 'SpacesPage');
const SpaceDeskPage = lazyPage(() => import('./spaces/space-desk.page'), 'SpaceDeskPage');
const ComputeDeskPage = lazyPage(() => import('./compute/compute-desk.page'), 'ComputeDeskPage');
const ComputePage = lazyPage(() => import('./compute/compute.page'), 'ComputePage');
const StaffPage = lazyPage(() => import('./staff/staff.page'), 'StaffPage');
const HubSettingsPage = lazyPage(() => import('./staff/hub-settings.page'), 'HubSettingsPage');
const OperatorHubsPage = lazyPage(() => import('./staff/operator-hubs.page'), 'OperatorHubsPage');
const AcceptInvitationPage = lazyPage(() => import('./staff/accept-invitation.page'), 'AcceptInvitationPage');
const ForgotPasswordPage = lazyPage(() => import('./account/forgot-password.page'), 'ForgotPasswordPage');
const ResetPasswordPage = lazyPage(() => import('./account/reset-password.page'), 'ResetPasswordPage');
const TwoFactorPage = lazyPage(() => import('./two-factor/two-factor.page'), 'TwoFactorPage');
const HubSecurityPage = lazyPage(() => import('./two-factor/hub-security.page'), 'HubSecurityPage');
const ProfilePage = lazyPage(() => import('./account/profile.page'), 'ProfilePage');
const TalentCardPage = lazyPage(() => import('./talent/talent-card.page'), 'TalentCardPage');
const VerifyCardPage = lazyPage(() => import('./talent/verify-card.page'), 'VerifyCardPage');
const IdentityClaimsPage = lazyPage(() => import('./talent/identity-claims.page'), 'IdentityClaimsPage');
const ApiTokensPage = lazyPage(() => import('./admin/api-tokens.page'), 'ApiTokensPage');
const AuditLogPage = lazyPage(() => import('./audit/audit-log.page'), 'AuditLogPage');
const HubDashboardPage = lazyPage(() => import('./dashboard/hub-dashboard.page'), 'HubDashboardPage');
const OpenPage = lazyPage(() => import('./open/open.page'), 'OpenPage');

export function AppRoutes() {
  const { pathname } = useLocation();
  return (
    <PageLoadBoundary page={pathname}>
      <Suspense fallback={<PageLoading />}>
        <SessionExpiryRedirect />
        <Routes>
          <Route element={<PublicLayout />}>
            <Route index element={<HubPickerPage />} />
            <Route path="sign-in" element={<SignInPage />} />
            <Route path="sign-up" element={<SignUpPage />} />
            <Route path="forgot-password" element={<ForgotPasswordPage />} />
            <Route path="reset-password" element={<ResetPasswordPage />} />
            <Route path="profile" element={<ProfilePage />} />
            <Route path="two-factor" element={<TwoFactorPage />} />
            <Route path="operator/hubs" element={<OperatorHubsPage />} />
            <Route path="invitations/:kind" element={<AcceptInvitationPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
          <Route path="hubs/:hub" element={<HubLayout />}>
            <Route index element={<Navigate to="organizations" replace />} />
            <Route path="organizations" element={<OrganizationsListPage />} />
            <Route path="organizations/new" element={<OrganizationRegisterPage />} />
            <Route path="organizations/:id" element={<OrganizationDetailPage />} />
            <Route path="people" element={<PeoplePage />} />
            <Route path="identity-claims" element={<IdentityClaimsPage />} />
            <Route path="talent-pipeline" element={<TalentPipelinePage />} />
            <Route path="compare" element={<CompareHubsPage />} />
            <Route path="search" element={<SearchPage />} />
            <Route path="import" element={<ImportPage />} />
            <Route path="budget" element={<BudgetPage />} />
            <Route path="programs" element={<ProgramsCatalogPage />} />
            <Route path="programs/new" element={<ProgramEditorPage />} />
            <Route path="programs/:id" element={<ProgramPage />} />
            <Route path="programs/:id/edit" element={<ProgramEditorPage />} />
            <Route path="programs/:id/apply" element={<ApplyPage />} />
            <Route path="applications" element={<MyApplicationsPage />} />
            <Route path="applications/:id" element={<ApplicationResultPage />} />
            <Route path="reviews" element={<ReviewQueuePage />} />
            <Route path="obligations" element={<FindingsPage />} />
            <Route path="reviews/:id" element={<ReviewFormPage />} />
            <Route path="stays" element={<StaysPage />} />
            <Route path="station-desk" element={<StationDeskPage />} />
            <Route path="spaces" element={<SpacesPage />} />
            <Route path="space-desk" element={<SpaceDeskPage />} />
            <Route path="compute" element={<ComputePage />} />
            <Route path="compute-desk" element={<ComputeDeskPage />} />
            <Route path="staff" element={<StaffPage />} />
            <Route path="settings" element={<HubSettingsPage />} />
            <Route path="security" element={<HubSecurityPage />} />
            <Route path="talent-card" element={<TalentCardPage />} />
            <Route path="talent/verify" element={<VerifyCardPage />} />
            <Route path="api-tokens" element={<ApiTokensPage />} />
            <Route path="audit" element={<AuditLogPage />} />
            <Route path="open" element={<OpenPage />} />
            <Route path="dashboard" element={<HubDashboardPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </Suspense>
    </PageLoadBoundary>
  );
}
