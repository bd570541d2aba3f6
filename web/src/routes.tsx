import { lazy, Suspense, type ComponentType } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { SignInPage } from './auth/sign-in.page';
import { SignUpPage } from './auth/sign-up.page';
import { HubLayout } from './hubs/hub-layout';
import { HubPickerPage } from './hubs/hub-picker.page';
import { NotFoundPage, PageLoading } from './layout/page-states';
import { PublicLayout } from './layout/public-layout';

// Hub pages load on demand, so the sign-in page does not wait for ECharts and the big forms.
const OrganizationsListPage = lazy(() =>
  import('./organizations/organizations-list.page').then((module) => ({ default: module.OrganizationsListPage })),
);
const OrganizationDetailPage = lazy(() =>
  import('./organizations/organization-detail.page').then((module) => ({ default: module.OrganizationDetailPage })),
);
const OrganizationRegisterPage = lazy(() =>
  import('./organizations/organization-register.page').then((module) => ({ default: module.OrganizationRegisterPage })),
);
const lazyPage = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((module) => ({ default: module[name] })));
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
const ReviewFormPage = lazyPage(() => import('./reviews/review-form.page'), 'ReviewFormPage');
const StaysPage = lazyPage(() => import('./stays/stays.page'), 'StaysPage');
const StationDeskPage = lazyPage(() => import('./stays/station-desk.page'), 'StationDeskPage');
const TalentCardPage = lazyPage(() => import('./talent/talent-card.page'), 'TalentCardPage');
const VerifyCardPage = lazyPage(() => import('./talent/verify-card.page'), 'VerifyCardPage');

export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route element={<PublicLayout />}>
          <Route index element={<HubPickerPage />} />
          <Route path="sign-in" element={<SignInPage />} />
          <Route path="sign-up" element={<SignUpPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
        <Route path="hubs/:hub" element={<HubLayout />}>
          <Route index element={<Navigate to="organizations" replace />} />
          <Route path="organizations" element={<OrganizationsListPage />} />
          <Route path="organizations/new" element={<OrganizationRegisterPage />} />
          <Route path="organizations/:id" element={<OrganizationDetailPage />} />
          <Route path="people" element={<PeoplePage />} />
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
          <Route path="reviews/:id" element={<ReviewFormPage />} />
          <Route path="stays" element={<StaysPage />} />
          <Route path="station-desk" element={<StationDeskPage />} />
          <Route path="talent-card" element={<TalentCardPage />} />
          <Route path="talent/verify" element={<VerifyCardPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
