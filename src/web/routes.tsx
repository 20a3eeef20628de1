import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Spin } from 'antd';
import { canAccessPath, homePath } from './access';
import { useAuth } from './auth';
import { MainLayout } from './layouts/main-layout';
import { PortalLayout } from './layouts/portal-layout';
import { LoginPage } from './pages/login';
import { WorkspacePage } from './pages/workspace';
import { ForbiddenPage, NotFoundPage } from './pages/errors';
import { AuditPage } from './pages/admin/audit';
import { UsersPage } from './pages/admin/users';
import { ApiKeysPage } from './pages/admin/api-keys';
import { PortalHomePage } from './pages/portal';
import { PortalLoginPage } from './pages/portal/login';
import { CasesPage } from './pages/cases';
import { CaseIntakePage } from './pages/cases/new';
import { CaseDetailPage } from './pages/cases/detail';
import { CaseStatsPage } from './pages/case-stats';
import { MediationOrgsPage } from './pages/mediation-orgs';

function RequireAuth({ children, portal = false }: { children: ReactNode; portal?: boolean }) {
  const { me, loading } = useAuth();
  const location = useLocation();
  if (loading) return <Spin fullscreen />;
  if (!me) return <Navigate to={portal ? '/portal/login' : '/login'} replace state={{ from: location.pathname }} />;
  if (!canAccessPath(me, location.pathname)) return <ForbiddenPage />;
  return <>{children}</>;
}

function Home() {
  const { me, loading } = useAuth();
  if (loading) return <Spin fullscreen />;
  return <Navigate to={me ? homePath(me) : '/login'} replace />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<Home />} />
      <Route path="/login" element={<LoginPage />} />
      <Route path="/portal/login" element={<PortalLoginPage />} />
      <Route
        path="/portal"
        element={
          <RequireAuth portal>
            <PortalLayout />
          </RequireAuth>
        }
      >
        <Route index element={<PortalHomePage />} />
      </Route>
      <Route
        element={
          <RequireAuth>
            <MainLayout />
          </RequireAuth>
        }
      >
        <Route path="/workspace" element={<WorkspacePage />} />
        <Route path="/cases" element={<CasesPage />} />
        <Route path="/cases/new" element={<CaseIntakePage />} />
        <Route path="/cases/:id" element={<CaseDetailPage />} />
        <Route path="/case-stats" element={<CaseStatsPage />} />
        <Route path="/mediation-orgs" element={<MediationOrgsPage />} />
        <Route path="/admin/users" element={<UsersPage />} />
        <Route path="/admin/api-keys" element={<ApiKeysPage />} />
        <Route path="/admin/audit" element={<AuditPage />} />
        <Route path="/403" element={<ForbiddenPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
