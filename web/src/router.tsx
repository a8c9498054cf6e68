import type { ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { navItem } from './auth/access';
import { RequireSession } from './auth/RequireSession';
import { AppShell } from './components/AppShell';
import { RequirePermission } from './components/RequirePermission';
import { AssistantPage } from './pages/AssistantPage';
import { AuditPage } from './pages/audit/AuditPage';
import { CheckPage } from './pages/CheckPage';
import { BrandPage } from './pages/guard/BrandPage';
import { CatalogPage } from './pages/guard/CatalogPage';
import { FactsPage } from './pages/guard/FactsPage';
import { KnownValuesPage } from './pages/guard/KnownValuesPage';
import { PolicyPage } from './pages/guard/PolicyPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OverviewPage } from './pages/OverviewPage';
import { ShieldPage } from './pages/ShieldPage';
import { StudioPage } from './pages/StudioPage';
import { KeysPage } from './pages/settings/KeysPage';
import { SettingsIndex, SettingsLayout, settingsPermission } from './pages/settings/SettingsLayout';
import { TokensPage } from './pages/settings/TokensPage';
import { UsersPage } from './pages/settings/UsersPage';

// Route guards reuse the navigation's permission table, so a hidden entry and a forbidden page agree.
const guarded = (anyOf: readonly string[], page: ReactNode) => (
  <RequirePermission anyOf={anyOf}>{page}</RequirePermission>
);

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
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
