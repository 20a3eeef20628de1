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
import { RiskMapPage } from './pages/risk';
import { AlertsPage } from './pages/risk/alerts';
import { AlertDetailPage } from './pages/risk/alert-detail';
import { SignalsPage } from './pages/risk/signals';
import { RiskRulesPage } from './pages/risk/rules';
import { PortalLoginPage } from './pages/portal/login';
import { PortalApplyPage } from './pages/portal/apply';
import { PortalCasesPage, PortalInboxPage } from './pages/portal/cases';
import { PortalCasePage } from './pages/portal/case';
import { PortalAgreementPage } from './pages/portal/agreement';
import { PortalProfilePage } from './pages/portal/profile';
import { PlansPage } from './pages/plans';
import { PlanDetailPage } from './pages/plans/detail';
import { CockpitPage } from './pages/cockpit';
import { IndicatorsPage } from './pages/indicators';
import { EvaluationsPage } from './pages/evaluations';
import { EvaluationDetailPage } from './pages/evaluations/detail';
import { ContractsPage } from './pages/contracts';
import { ContractDetailPage } from './pages/contracts/detail';
import { NegotiationDetailPage } from './pages/contracts/negotiation-detail';
import { UnionBuildingPage } from './pages/union-building';
import { EnterprisesPage } from './pages/enterprises';
import { EnterpriseDetailPage } from './pages/enterprises/detail';
import { EnterpriseImportPage } from './pages/enterprises/import';
import { DashboardPage } from './pages/dashboard';
import { DashboardScreenPage } from './pages/dashboard/screen';
import { PublicLayout } from './layouts/public-layout';
import { ConsultPage } from './pages/consult';
import { ArticlePage } from './pages/consult/article';
import { CaseDetailPage as ConsultCaseDetailPage, LawListPage, LawTextPage, QaDetailPage } from './pages/consult/entries';
import { CalculatorsPage } from './pages/calculators';
import { CalculatorPage } from './pages/calculators/calculator';
import { KnowledgeQaPage } from './pages/knowledge-qa';
import { KnowledgeCasesPage } from './pages/knowledge-cases';
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
import { CasesPage } from './pages/cases';
import { CaseIntakePage } from './pages/cases/new';
import { CaseDetailPage } from './pages/cases/detail';
import { CaseStatsPage } from './pages/case-stats';
import { MediationOrgsPage } from './pages/mediation-orgs';
import { CoordinatorsPage } from './pages/rosters';
import { CoordinatorDetailPage } from './pages/rosters/detail';
import { CoveragePage } from './pages/rosters/coverage';
import { RecognitionPage } from './pages/recognition';
import { RoundPage } from './pages/recognition/round';
import { GoldHonoursPage } from './pages/recognition/honours';
import { MediationAssessmentsPage } from './pages/rosters/mediation-assessments';
import { MediationOrgPublicPage } from './pages/rosters/mediation-org-public';
import { MediatorRosterPage } from './pages/mediator-dev';
import { MediatorDetailPage } from './pages/mediator-dev/detail';
import { DevelopmentPage } from './pages/mediator-dev/development';
import { SocialOrgsPage } from './pages/mediator-dev/social-orgs';
import { SocialOrgDetailPage } from './pages/mediator-dev/social-org-detail';
import { ServiceProjectPage } from './pages/mediator-dev/service-project';
import { ExpertsPage } from './pages/mediator-dev/experts';
import { TrainingEventsPage } from './pages/mediator-dev/training';
import { TrainingEventPage } from './pages/mediator-dev/training-detail';
import { CreditPage } from './pages/credit';
import { ComplaintsPage } from './pages/complaints';
import { ComplaintDetailPage } from './pages/complaints/detail';
import { PublicComplaintPage } from './pages/public-complaint';
import { CreditListsPage } from './pages/credit-lists';
import { InspectionsPage } from './pages/inspections';
import { InspectionPlanPage } from './pages/inspections/detail';
import { WagePage } from './pages/wage';
import { PublicCreditPage } from './pages/public-credit';
import { SessionRoomPage } from './pages/sessions/room';
import { MySessionsPage } from './pages/sessions/my-sessions';

function RequireAuth({ children, portal = false }: { children: ReactNode; portal?: boolean }) {
  const { me, loading } = useAuth();
  const location = useLocation();
  if (loading) return <Spin fullscreen />;
  if (!me) return <Navigate to={portal ? '/portal/login' : '/login'} replace state={{ from: location.pathname + location.search }} />;
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
      <Route element={<PublicLayout />}>
        <Route path="/consult" element={<ConsultPage />} />
        <Route path="/consult/articles/:lawId/:no" element={<ArticlePage />} />
        <Route path="/consult/qa/:id" element={<QaDetailPage />} />
        <Route path="/consult/cases/:id" element={<ConsultCaseDetailPage />} />
        <Route path="/consult/laws" element={<LawListPage />} />
        <Route path="/consult/laws/:lawId" element={<LawTextPage />} />
        <Route path="/calculators" element={<CalculatorsPage />} />
        <Route path="/calculators/:kind" element={<CalculatorPage />} />
        <Route path="/public/complaint" element={<PublicComplaintPage />} />
        <Route path="/public/credit" element={<PublicCreditPage />} />
      </Route>
      <Route path="/honours" element={<HonoursPage />} />
      <Route path="/gold-honours" element={<GoldHonoursPage />} />
      <Route path="/mediation-orgs/:id" element={<MediationOrgPublicPage />} />
      <Route
        path="/portal"
        element={
          <RequireAuth portal>
            <PortalLayout />
          </RequireAuth>
        }
      >
        <Route index element={<PortalHomePage />} />
        <Route path="apply" element={<PortalApplyPage />} />
        <Route path="cases" element={<PortalCasesPage />} />
        <Route path="cases/:id" element={<PortalCasePage />} />
        <Route path="cases/:id/agreements/:agreementId" element={<PortalAgreementPage />} />
        <Route path="inbox" element={<PortalInboxPage />} />
        <Route path="profile" element={<PortalProfilePage />} />
        <Route path="sessions" element={<MySessionsPage />} />
      </Route>
      <Route
        path="/sessions/:id"
        element={
          <RequireAuth>
            <SessionRoomPage />
          </RequireAuth>
        }
      />
      <Route
        path="/dashboard/screen"
        element={
          <RequireAuth>
            <DashboardScreenPage />
          </RequireAuth>
        }
      />
      <Route
        element={
          <RequireAuth>
            <MainLayout />
          </RequireAuth>
        }
      >
        <Route path="/workspace" element={<WorkspacePage />} />
        <Route path="/enterprises" element={<EnterprisesPage />} />
        <Route path="/enterprises/import" element={<EnterpriseImportPage />} />
        <Route path="/enterprises/:id" element={<EnterpriseDetailPage />} />
        <Route path="/dashboard" element={<DashboardPage />} />
        <Route path="/cases" element={<CasesPage />} />
        <Route path="/cases/new" element={<CaseIntakePage />} />
        <Route path="/cases/:id" element={<CaseDetailPage />} />
        <Route path="/case-stats" element={<CaseStatsPage />} />
        <Route path="/mediation-orgs" element={<MediationOrgsPage />} />
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
        <Route path="/credit" element={<CreditPage />} />
        <Route path="/complaints" element={<ComplaintsPage />} />
        <Route path="/complaints/:id" element={<ComplaintDetailPage />} />
        <Route path="/credit-lists" element={<CreditListsPage />} />
        <Route path="/inspections" element={<InspectionsPage />} />
        <Route path="/inspections/:id" element={<InspectionPlanPage />} />
        <Route path="/wage" element={<WagePage />} />
        <Route path="/admin/api-keys" element={<ApiKeysPage />} />
        <Route path="/admin/audit" element={<AuditPage />} />
        <Route path="/plans" element={<PlansPage />} />
        <Route path="/plans/:id" element={<PlanDetailPage />} />
        <Route path="/cockpit" element={<CockpitPage />} />
        <Route path="/indicators" element={<IndicatorsPage />} />
        <Route path="/evaluations" element={<EvaluationsPage />} />
        <Route path="/evaluations/:id" element={<EvaluationDetailPage />} />
        <Route path="/contracts" element={<ContractsPage />} />
        <Route path="/contracts/negotiations/:id" element={<NegotiationDetailPage />} />
        <Route path="/contracts/:id" element={<ContractDetailPage />} />
        <Route path="/union-building" element={<UnionBuildingPage />} />
        <Route path="/knowledge/qa" element={<KnowledgeQaPage />} />
        <Route path="/knowledge/cases" element={<KnowledgeCasesPage />} />
        <Route path="/risk/map" element={<RiskMapPage />} />
        <Route path="/risk/alerts" element={<AlertsPage />} />
        <Route path="/risk/alerts/:id" element={<AlertDetailPage />} />
        <Route path="/risk/signals" element={<SignalsPage />} />
        <Route path="/risk/rules" element={<RiskRulesPage />} />
        <Route path="/rosters/coordinators" element={<CoordinatorsPage />} />
        <Route path="/rosters/coordinators/:id" element={<CoordinatorDetailPage />} />
        <Route path="/rosters/coverage" element={<CoveragePage />} />
        <Route path="/rosters/mediation-assessments" element={<MediationAssessmentsPage />} />
        <Route path="/recognition" element={<RecognitionPage />} />
        <Route path="/recognition/:id" element={<RoundPage />} />
        <Route path="/rosters/mediators" element={<MediatorRosterPage />} />
        <Route path="/rosters/mediators/:id" element={<MediatorDetailPage />} />
        <Route path="/rosters/development" element={<DevelopmentPage />} />
        <Route path="/rosters/social-orgs" element={<SocialOrgsPage />} />
        <Route path="/rosters/social-orgs/:id" element={<SocialOrgDetailPage />} />
        <Route path="/rosters/service-projects/:id" element={<ServiceProjectPage />} />
        <Route path="/rosters/experts" element={<ExpertsPage />} />
        <Route path="/rosters/training" element={<TrainingEventsPage />} />
        <Route path="/rosters/training/:id" element={<TrainingEventPage />} />
        <Route path="/403" element={<ForbiddenPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
