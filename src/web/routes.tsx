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
import { OutreachPage } from './pages/services/outreach';
import { RecruitmentPage } from './pages/services/recruitment';
import { PoliciesPage } from './pages/services/policies';
import { PolicyInboxPage } from './pages/services/inbox';
import { CultivationPage } from './pages/services/cultivation';
import { HarmonyPage } from './pages/services/harmony';
import { HonoursPage } from './pages/services/honours';
import { SelfCheckPage } from './pages/services/self-check';
import { SelfCheckResultsPage } from './pages/services/self-check-results';
import { SalarySurveyPage } from './pages/services/salary-survey';
import { SalarySurveyReviewPage } from './pages/services/salary-survey-review';

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
      <Route path="/honours" element={<HonoursPage />} />
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
        <Route path="/admin/users" element={<UsersPage />} />
        <Route path="/services/outreach" element={<OutreachPage />} />
        <Route path="/services/recruitment" element={<RecruitmentPage />} />
        <Route path="/services/policies" element={<PoliciesPage />} />
        <Route path="/services/inbox" element={<PolicyInboxPage />} />
        <Route path="/services/cultivation" element={<CultivationPage />} />
        <Route path="/services/harmony" element={<HarmonyPage />} />
        <Route path="/services/self-check" element={<SelfCheckPage />} />
        <Route path="/services/self-check-results" element={<SelfCheckResultsPage />} />
        <Route path="/services/salary-survey" element={<SalarySurveyPage />} />
        <Route path="/services/salary-survey-review" element={<SalarySurveyReviewPage />} />
        <Route path="/admin/api-keys" element={<ApiKeysPage />} />
        <Route path="/admin/audit" element={<AuditPage />} />
        <Route path="/403" element={<ForbiddenPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
