import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { PageQuery } from '../../lib/pagination';
import { actorOf, requirePermission } from '../../plugins/auth';
import * as C from './coordinators';
import { coverageView, CoverageQuery } from './coverage';
import * as R from './recognition';
import * as F from './recognition-flow';
import * as S from './standardization';
import { mediatorEvaluation } from './mediator-evaluation';

const IdParams = z.object({ id: z.string().min(1) });
const tags = ['名册与评选'];

export const rosterRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // --- labour-relations coordinators ---------------------------------------------------------
    app.get('/api/coordinators', { schema: { tags, summary: '劳动关系协调员名册', querystring: C.CoordinatorQuery.extend(PageQuery.shape) } }, async (req) => {
      requirePermission(req, 'coordinator.read');
      return C.listCoordinators(ctx, actorOf(req), req.query);
    });
    app.post('/api/coordinators', { schema: { tags, summary: '登记协调员（所在单位、技能等级证书）', body: C.CoordinatorCreate } }, async (req, reply) => {
      requirePermission(req, 'coordinator.manage');
      reply.status(201);
      return C.createCoordinator(ctx, actorOf(req), req.body);
    });
    app.get('/api/coordinators/coverage', { schema: { tags, summary: '大中型企业协调员覆盖（按街道、行业，对照目标）', querystring: CoverageQuery } }, async (req) => {
      requirePermission(req, 'coordinator.coverage');
      return coverageView(ctx, actorOf(req), req.query);
    });
    app.get('/api/coordinators/:id', { schema: { tags, summary: '协调员档案（培训、服务企业、工作日志、年度考评）', params: IdParams } }, async (req) => {
      requirePermission(req, 'coordinator.read');
      return C.getCoordinator(ctx, actorOf(req), req.params.id);
    });
    app.patch('/api/coordinators/:id', { schema: { tags, summary: '修改协调员档案或退出', params: IdParams, body: C.CoordinatorUpdate } }, async (req) => {
      requirePermission(req, 'coordinator.manage');
      return C.updateCoordinator(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/coordinators/:id/trainings', { schema: { tags, summary: '登记培训记录', params: IdParams, body: C.TrainingCreate } }, async (req, reply) => {
      requirePermission(req, 'coordinator.manage');
      reply.status(201);
      return C.addTraining(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/coordinators/:id/assignments', { schema: { tags, summary: '分配服务企业（记入企业时间轴）', params: IdParams, body: C.AssignmentCreate } }, async (req, reply) => {
      requirePermission(req, 'coordinator.manage');
      reply.status(201);
      return C.assignEnterprise(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/coordinators/:id/assignments/:assignmentId/end', { schema: { tags, summary: '结束服务企业', params: IdParams.extend({ assignmentId: z.string().min(1) }) } }, async (req) => {
      requirePermission(req, 'coordinator.manage');
      return C.endAssignment(ctx, actorOf(req), req.params.id, req.params.assignmentId);
    });
    app.post('/api/coordinators/:id/visits', { schema: { tags, summary: '登记走访（政策服务、监测、化解），记入企业时间轴', params: IdParams, body: C.VisitCreate } }, async (req, reply) => {
      requirePermission(req, 'coordinator.visit');
      reply.status(201);
      return C.logVisit(ctx, actorOf(req), req.params.id, req.body);
    });
    app.put('/api/coordinators/:id/evaluations/:year', { schema: { tags, summary: '年度考评（附当年走访与培训统计）', params: IdParams.extend({ year: z.coerce.number().int().min(2000).max(2100) }), body: C.EvaluationPut } }, async (req) => {
      requirePermission(req, 'coordinator.manage');
      return C.putEvaluation(ctx, actorOf(req), req.params.id, req.params.year, req.body);
    });

    // --- yearly recognition (金牌 selection) ----------------------------------------------------
    app.get('/api/award-rounds', { schema: { tags, summary: '年度评选列表', querystring: R.RoundQuery } }, async (req) => {
      requirePermission(req, 'award.read');
      return R.listRounds(ctx, actorOf(req), req.query);
    });
    app.post('/api/award-rounds', { schema: { tags, summary: '发布评选（条件、指标体系权重合计100、名额、公示天数）', body: R.RoundCreate } }, async (req, reply) => {
      requirePermission(req, 'award.manage');
      reply.status(201);
      return R.createRound(ctx, actorOf(req), req.body);
    });
    app.get('/api/award-rounds/:id', { schema: { tags, summary: '评选详情（推荐对象、排名、异议）', params: IdParams } }, async (req) => {
      requirePermission(req, 'award.read');
      return R.getRound(ctx, actorOf(req), req.params.id);
    });
    app.patch('/api/award-rounds/:id', { schema: { tags, summary: '修改评选条件或指标（仅征集阶段）', params: IdParams, body: R.RoundUpdate } }, async (req) => {
      requirePermission(req, 'award.manage');
      return R.updateRound(ctx, actorOf(req), req.params.id, req.body);
    });
    app.get('/api/award-rounds/:id/subjects', { schema: { tags, summary: '可推荐对象（本评选类别、本辖区）', params: IdParams } }, async (req) => {
      requirePermission(req, 'award.nominate');
      return R.roundSubjects(ctx, actorOf(req), req.params.id);
    });
    app.post('/api/award-rounds/:id/nominations', { schema: { tags, summary: '推荐（附事迹材料）', params: IdParams, body: R.NominationCreate } }, async (req, reply) => {
      requirePermission(req, 'award.nominate');
      reply.status(201);
      return R.nominate(ctx, actorOf(req), req.params.id, req.body);
    });
    app.put('/api/award-rounds/:id/nominations/:nominationId/scores', { schema: { tags, summary: '评审打分（每项0–100）', params: IdParams.extend({ nominationId: z.string().min(1) }), body: R.ScoreSheet } }, async (req) => {
      requirePermission(req, 'award.score');
      return R.score(ctx, actorOf(req), req.params.id, req.params.nominationId, req.body);
    });
    app.post('/api/award-rounds/:id/advance', { schema: { tags, summary: '进入下一阶段（评审→公示→公布）', params: IdParams, body: R.Advance } }, async (req) => {
      requirePermission(req, 'award.manage');
      return F.advanceRound(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/award-rounds/:id/objections', { schema: { tags, summary: '登记公示期异议', params: IdParams, body: R.ObjectionCreate } }, async (req, reply) => {
      requirePermission(req, 'award.manage');
      reply.status(201);
      return F.recordObjection(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/award-rounds/:id/objections/:objectionId/resolve', { schema: { tags, summary: '异议核查结论', params: IdParams.extend({ objectionId: z.string().min(1) }), body: R.ObjectionResolve } }, async (req) => {
      requirePermission(req, 'award.manage');
      return F.resolveObjection(ctx, actorOf(req), req.params.id, req.params.objectionId, req.body);
    });

    // --- mediation organisation standardization and public page --------------------------------
    app.get('/api/mediation-assessments', { schema: { tags, summary: '调解组织规范化评估列表', querystring: S.AssessmentQuery } }, async (req) => {
      requirePermission(req, 'mediationAssessment.read');
      return S.listAssessments(ctx, actorOf(req), req.query);
    });
    app.post('/api/mediation-assessments', { schema: { tags, summary: '启动年度规范化评估', body: S.AssessmentCreate } }, async (req, reply) => {
      requirePermission(req, 'mediationAssessment.manage');
      reply.status(201);
      return S.createAssessment(ctx, actorOf(req), req.body);
    });
    app.get('/api/mediation-assessments/:id', { schema: { tags, summary: '规范化评估详情（四类指标得分）', params: IdParams } }, async (req) => {
      requirePermission(req, 'mediationAssessment.read');
      return S.getAssessment(ctx, actorOf(req), req.params.id);
    });
    app.put('/api/mediation-assessments/:id/scores', { schema: { tags, summary: '评审打分（工作基础、制度机制、办案能力、服务水平，各0–100）', params: IdParams, body: S.AssessmentScore } }, async (req) => {
      requirePermission(req, 'mediationAssessment.score');
      return S.scoreAssessment(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/mediation-assessments/:id/decide', { schema: { tags, summary: '年度认定（设置 standardized_on）', params: IdParams, body: S.AssessmentDecide } }, async (req) => {
      requirePermission(req, 'mediationAssessment.manage');
      return S.decideAssessment(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/mediation-assessments/:id/recommend-national', { schema: { tags, summary: '推荐参评全国金牌调解组织（限已认定的规范化调解组织）', params: IdParams, body: S.NationalRecommendation } }, async (req) => {
      requirePermission(req, 'mediationAssessment.manage');
      return S.recommendNational(ctx, actorOf(req), req.params.id, req.body);
    });
    app.put('/api/mediation-orgs/:id/publication', { schema: { tags, summary: '更新上墙公布内容（工作制度、调解程序）', params: IdParams, body: S.PublicationPut } }, async (req) => {
      requirePermission(req, 'mediationOrg.publish');
      return S.putPublication(ctx, actorOf(req), req.params.id, req.body);
    });
    app.get('/api/public/mediation-orgs/:id', { schema: { tags, summary: '调解组织公开页（制度、程序、调解员名单）', params: IdParams } }, async (req) => S.publicOrgPage(ctx, req.params.id));
    app.get('/api/mediators/:id/evaluation/:year', { schema: { tags, summary: '调解员年度考评的办案数据（来自案件模块；未接入时为空）', params: IdParams.extend({ year: z.coerce.number().int().min(2000).max(2100) }) } }, async (req) => {
      requirePermission(req, 'mediatorRoster.read');
      return mediatorEvaluation(ctx, actorOf(req), req.params.id, req.params.year);
    });
    app.get('/api/public/gold-honours', { schema: { tags, summary: '金牌荣誉榜（公开）', querystring: F.HonoursQuery } }, async (req) => F.goldHonours(ctx, req.query));
  };
