import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Spin } from 'antd';
import { canAccessPath, homePath } from './access';
import { useAuth } from './auth';
import { MainLayout } from './layouts/main-layout';
import { PortalLayout } from './layouts/portal-layout';
import { LoginPage } from './pages/login';
import { ForbiddenPage, NotFoundPage } from './pages/errors';
import { PortalLoginPage } from './pages/portal/login';
import { PublicLayout } from './layouts/public-layout';

// Pages load on demand (one chunk each), so a worker's phone does not download the officials' modules.
const WorkspacePage = lazy(() => import('./pages/workspace').then((m) => ({ default: m.WorkspacePage })));
const AuditPage = lazy(() => import('./pages/admin/audit').then((m) => ({ default: m.AuditPage })));
const UsersPage = lazy(() => import('./pages/admin/users').then((m) => ({ default: m.UsersPage })));
const ApiKeysPage = lazy(() => import('./pages/admin/api-keys').then((m) => ({ default: m.ApiKeysPage })));
const PortalHomePage = lazy(() => import('./pages/portal').then((m) => ({ default: m.PortalHomePage })));
const RiskMapPage = lazy(() => import('./pages/risk').then((m) => ({ default: m.RiskMapPage })));
const AlertsPage = lazy(() => import('./pages/risk/alerts').then((m) => ({ default: m.AlertsPage })));
const AlertDetailPage = lazy(() => import('./pages/risk/alert-detail').then((m) => ({ default: m.AlertDetailPage })));
const SignalsPage = lazy(() => import('./pages/risk/signals').then((m) => ({ default: m.SignalsPage })));
const RiskRulesPage = lazy(() => import('./pages/risk/rules').then((m) => ({ default: m.RiskRulesPage })));
const PortalApplyPage = lazy(() => import('./pages/portal/apply').then((m) => ({ default: m.PortalApplyPage })));
const PortalCasesPage = lazy(() => import('./pages/portal/cases').then((m) => ({ default: m.PortalCasesPage })));
const PortalInboxPage = lazy(() => import('./pages/portal/cases').then((m) => ({ default: m.PortalInboxPage })));
const PortalCasePage = lazy(() => import('./pages/portal/case').then((m) => ({ default: m.PortalCasePage })));
const PortalAgreementPage = lazy(() => import('./pages/portal/agreement').then((m) => ({ default: m.PortalAgreementPage })));
const PortalProfilePage = lazy(() => import('./pages/portal/profile').then((m) => ({ default: m.PortalProfilePage })));
const PlansPage = lazy(() => import('./pages/plans').then((m) => ({ default: m.PlansPage })));
const PlanDetailPage = lazy(() => import('./pages/plans/detail').then((m) => ({ default: m.PlanDetailPage })));
const CockpitPage = lazy(() => import('./pages/cockpit').then((m) => ({ default: m.CockpitPage })));
const IndicatorsPage = lazy(() => import('./pages/indicators').then((m) => ({ default: m.IndicatorsPage })));
const EvaluationsPage = lazy(() => import('./pages/evaluations').then((m) => ({ default: m.EvaluationsPage })));
const EvaluationDetailPage = lazy(() => import('./pages/evaluations/detail').then((m) => ({ default: m.EvaluationDetailPage })));
const ContractsPage = lazy(() => import('./pages/contracts').then((m) => ({ default: m.ContractsPage })));
const ContractDetailPage = lazy(() => import('./pages/contracts/detail').then((m) => ({ default: m.ContractDetailPage })));
const NegotiationDetailPage = lazy(() =>
  import('./pages/contracts/negotiation-detail').then((m) => ({ default: m.NegotiationDetailPage })),
);
const UnionBuildingPage = lazy(() => import('./pages/union-building').then((m) => ({ default: m.UnionBuildingPage })));
const EnterprisesPage = lazy(() => import('./pages/enterprises').then((m) => ({ default: m.EnterprisesPage })));
const EnterpriseDetailPage = lazy(() => import('./pages/enterprises/detail').then((m) => ({ default: m.EnterpriseDetailPage })));
const EnterpriseImportPage = lazy(() => import('./pages/enterprises/import').then((m) => ({ default: m.EnterpriseImportPage })));
const DashboardPage = lazy(() => import('./pages/dashboard').then((m) => ({ default: m.DashboardPage })));
const DashboardScreenPage = lazy(() => import('./pages/dashboard/screen').then((m) => ({ default: m.DashboardScreenPage })));
const ConsultPage = lazy(() => import('./pages/consult').then((m) => ({ default: m.ConsultPage })));
const ArticlePage = lazy(() => import('./pages/consult/article').then((m) => ({ default: m.ArticlePage })));
const ConsultCaseDetailPage = lazy(() => import('./pages/consult/entries').then((m) => ({ default: m.CaseDetailPage })));
const LawListPage = lazy(() => import('./pages/consult/entries').then((m) => ({ default: m.LawListPage })));
const LawTextPage = lazy(() => import('./pages/consult/entries').then((m) => ({ default: m.LawTextPage })));
const QaDetailPage = lazy(() => import('./pages/consult/entries').then((m) => ({ default: m.QaDetailPage })));
const CalculatorsPage = lazy(() => import('./pages/calculators').then((m) => ({ default: m.CalculatorsPage })));
const CalculatorPage = lazy(() => import('./pages/calculators/calculator').then((m) => ({ default: m.CalculatorPage })));
const KnowledgeQaPage = lazy(() => import('./pages/knowledge-qa').then((m) => ({ default: m.KnowledgeQaPage })));
const KnowledgeCasesPage = lazy(() => import('./pages/knowledge-cases').then((m) => ({ default: m.KnowledgeCasesPage })));
const OutreachPage = lazy(() => import('./pages/services/outreach').then((m) => ({ default: m.OutreachPage })));
const RecruitmentPage = lazy(() => import('./pages/services/recruitment').then((m) => ({ default: m.RecruitmentPage })));
const PoliciesPage = lazy(() => import('./pages/services/policies').then((m) => ({ default: m.PoliciesPage })));
const PolicyInboxPage = lazy(() => import('./pages/services/inbox').then((m) => ({ default: m.PolicyInboxPage })));
const CultivationPage = lazy(() => import('./pages/services/cultivation').then((m) => ({ default: m.CultivationPage })));
const HarmonyPage = lazy(() => import('./pages/services/harmony').then((m) => ({ default: m.HarmonyPage })));
const HonoursPage = lazy(() => import('./pages/services/honours').then((m) => ({ default: m.HonoursPage })));
const SelfCheckPage = lazy(() => import('./pages/services/self-check').then((m) => ({ default: m.SelfCheckPage })));
const SelfCheckResultsPage = lazy(() => import('./pages/services/self-check-results').then((m) => ({ default: m.SelfCheckResultsPage })));
const SalarySurveyPage = lazy(() => import('./pages/services/salary-survey').then((m) => ({ default: m.SalarySurveyPage })));
const SalarySurveyReviewPage = lazy(() =>
  import('./pages/services/salary-survey-review').then((m) => ({ default: m.SalarySurveyReviewPage })),
);
const CasesPage = lazy(() => import('./pages/cases').then((m) => ({ default: m.CasesPage })));
const CaseIntakePage = lazy(() => import('./pages/cases/new').then((m) => ({ default: m.CaseIntakePage })));
const CaseDetailPage = lazy(() => import('./pages/cases/detail').then((m) => ({ default: m.CaseDetailPage })));
const CaseStatsPage = lazy(() => import('./pages/case-stats').then((m) => ({ default: m.CaseStatsPage })));
const MediationOrgsPage = lazy(() => import('./pages/mediation-orgs').then((m) => ({ default: m.MediationOrgsPage })));
const CoordinatorsPage = lazy(() => import('./pages/rosters').then((m) => ({ default: m.CoordinatorsPage })));
const CoordinatorDetailPage = lazy(() => import('./pages/rosters/detail').then((m) => ({ default: m.CoordinatorDetailPage })));
const CoveragePage = lazy(() => import('./pages/rosters/coverage').then((m) => ({ default: m.CoveragePage })));
const RecognitionPage = lazy(() => import('./pages/recognition').then((m) => ({ default: m.RecognitionPage })));
const RoundPage = lazy(() => import('./pages/recognition/round').then((m) => ({ default: m.RoundPage })));
const GoldHonoursPage = lazy(() => import('./pages/recognition/honours').then((m) => ({ default: m.GoldHonoursPage })));
const MediationAssessmentsPage = lazy(() =>
  import('./pages/rosters/mediation-assessments').then((m) => ({ default: m.MediationAssessmentsPage })),
);
const MediationOrgPublicPage = lazy(() =>
  import('./pages/rosters/mediation-org-public').then((m) => ({ default: m.MediationOrgPublicPage })),
);
const MediatorRosterPage = lazy(() => import('./pages/mediator-dev').then((m) => ({ default: m.MediatorRosterPage })));
const MediatorDetailPage = lazy(() => import('./pages/mediator-dev/detail').then((m) => ({ default: m.MediatorDetailPage })));
const DevelopmentPage = lazy(() => import('./pages/mediator-dev/development').then((m) => ({ default: m.DevelopmentPage })));
const SocialOrgsPage = lazy(() => import('./pages/mediator-dev/social-orgs').then((m) => ({ default: m.SocialOrgsPage })));
const SocialOrgDetailPage = lazy(() => import('./pages/mediator-dev/social-org-detail').then((m) => ({ default: m.SocialOrgDetailPage })));
const ServiceProjectPage = lazy(() => import('./pages/mediator-dev/service-project').then((m) => ({ default: m.ServiceProjectPage })));
const ExpertsPage = lazy(() => import('./pages/mediator-dev/experts').then((m) => ({ default: m.ExpertsPage })));
const TrainingEventsPage = lazy(() => import('./pages/mediator-dev/training').then((m) => ({ default: m.TrainingEventsPage })));
const TrainingEventPage = lazy(() => import('./pages/mediator-dev/training-detail').then((m) => ({ default: m.TrainingEventPage })));
const CreditPage = lazy(() => import('./pages/credit').then((m) => ({ default: m.CreditPage })));
const ComplaintsPage = lazy(() => import('./pages/complaints').then((m) => ({ default: m.ComplaintsPage })));
const ComplaintDetailPage = lazy(() => import('./pages/complaints/detail').then((m) => ({ default: m.ComplaintDetailPage })));
const PublicComplaintPage = lazy(() => import('./pages/public-complaint').then((m) => ({ default: m.PublicComplaintPage })));
const CreditListsPage = lazy(() => import('./pages/credit-lists').then((m) => ({ default: m.CreditListsPage })));
const InspectionsPage = lazy(() => import('./pages/inspections').then((m) => ({ default: m.InspectionsPage })));
const InspectionPlanPage = lazy(() => import('./pages/inspections/detail').then((m) => ({ default: m.InspectionPlanPage })));
const WagePage = lazy(() => import('./pages/wage').then((m) => ({ default: m.WagePage })));
const PublicCreditPage = lazy(() => import('./pages/public-credit').then((m) => ({ default: m.PublicCreditPage })));
const SessionRoomPage = lazy(() => import('./pages/sessions/room').then((m) => ({ default: m.SessionRoomPage })));
const MySessionsPage = lazy(() => import('./pages/sessions/my-sessions').then((m) => ({ default: m.MySessionsPage })));

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
    <Suspense fallback={<Spin fullscreen />}>
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
    </Suspense>
  );
}
