import type { ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { navItem } from './auth/access';
import { RequireSession } from './auth/RequireSession';
import { AppShell } from './components/AppShell';
import { RequirePermission } from './components/RequirePermission';
import { AssistantPage } from './pages/AssistantPage';
import { AuditPage } from './pages/audit/AuditPage';
import { CheckPage } from './pages/CheckPage';
import { CustomersPage } from './pages/customers/CustomersPage';
import { BrandPage } from './pages/guard/BrandPage';
import { CatalogPage } from './pages/guard/CatalogPage';
import { FactsPage } from './pages/guard/FactsPage';
import { KnownValuesPage } from './pages/guard/KnownValuesPage';
import { PolicyPage } from './pages/guard/PolicyPage';
import { FairnessPage } from './pages/insights/FairnessPage';
import { RecommendationsPage } from './pages/insights/RecommendationsPage';
import { SegmentsPage } from './pages/insights/SegmentsPage';
import { IntegrityPage } from './pages/integrity/IntegrityPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OverviewPage } from './pages/OverviewPage';
import { ShieldPage } from './pages/ShieldPage';
import { StudioPage } from './pages/StudioPage';
import { KeysPage } from './pages/settings/KeysPage';
import { SettingsIndex, SettingsLayout, settingsPermission } from './pages/settings/SettingsLayout';
import { TokensPage } from './pages/settings/TokensPage';
import { UsersPage } from './pages/settings/UsersPage';
import { VerifyPage } from './pages/studio/VerifyPage';

// Route guards reuse the navigation's permission table, so a hidden entry and a forbidden page agree.
const guarded = (anyOf: readonly string[], page: ReactNode) => (
  <RequirePermission anyOf={anyOf}>{page}</RequirePermission>
);

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  // Public: anyone checks a published text's provenance, signed in or not.
  { path: '/verify', element: <VerifyPage /> },
  {
    element: <RequireSession />,
    children: [
      {
        element: <AppShell />,
        children: [
          { index: true, element: <OverviewPage /> },
          { path: 'check', element: guarded(navItem('check').anyOf, <CheckPage />) },
          { path: 'studio', element: guarded(navItem('studio').anyOf, <StudioPage />) },
          { path: 'assistant', element: guarded(navItem('assistant').anyOf, <AssistantPage />) },
          { path: 'customers', element: guarded(navItem('customers').anyOf, <CustomersPage />) },
          { path: 'segments', element: guarded(navItem('segments').anyOf, <SegmentsPage />) },
          {
            path: 'recommendations',
            element: guarded(navItem('recommendations').anyOf, <RecommendationsPage />),
          },
          { path: 'fairness', element: guarded(navItem('fairness').anyOf, <FairnessPage />) },
          { path: 'integrity', element: guarded(navItem('integrity').anyOf, <IntegrityPage />) },
          { path: 'shield', element: guarded(navItem('shield').anyOf, <ShieldPage />) },
          { path: 'audit', element: guarded(navItem('audit').anyOf, <AuditPage />) },
          {
            path: 'settings',
            element: <SettingsLayout />,
            children: [
              { index: true, element: <SettingsIndex /> },
              { path: 'users', element: guarded([settingsPermission('users')], <UsersPage />) },
              { path: 'tokens', element: guarded([settingsPermission('tokens')], <TokensPage />) },
              { path: 'keys', element: guarded([settingsPermission('keys')], <KeysPage />) },
              { path: 'policy', element: guarded([settingsPermission('policy')], <PolicyPage />) },
              { path: 'brand', element: guarded([settingsPermission('brand')], <BrandPage />) },
              { path: 'facts', element: guarded([settingsPermission('facts')], <FactsPage />) },
              {
                path: 'known-values',
                element: guarded([settingsPermission('knownValues')], <KnownValuesPage />),
              },
              { path: 'catalog', element: guarded([settingsPermission('catalog')], <CatalogPage />) },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
