import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { PageQuery } from '../../lib/pagination';
import { actorOf, requirePermission } from '../../plugins/auth';
import { IdParams, YearParam } from './common';
import * as X from './experts';
import * as M from './mediators';
import * as P from './mentoring';
import * as S from './social-orgs';
import * as T from './training';

const tags = ['调解员队伍与社会力量'];

export const mediatorDevRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // --- mediators: roster, appointment, training, rewards, evaluation -----------------------------
    app.get('/api/mediator-roster', { schema: { tags, summary: '调解员名册（聘期、当年培训学时、当年办案数据）', querystring: M.RosterQuery.extend(PageQuery.shape) } }, async (req) => {
      requirePermission(req, 'mediatorRoster.read');
      return M.roster(ctx, actorOf(req), req.query);
    });
    app.get('/api/mediators/:id/profile', { schema: { tags, summary: '调解员档案（聘任、培训、考评、奖惩、师徒、竞赛、办案）', params: IdParams } }, async (req) => {
      requirePermission(req, 'mediatorRoster.read');
      return M.profile(ctx, actorOf(req), req.params.id);
    });
    app.post('/api/mediators/:id/terms', { schema: { tags, summary: '聘任或续聘（聘期至少1年）', params: IdParams, body: M.TermCreate } }, async (req, reply) => {
      requirePermission(req, 'mediatorRoster.manage');
      reply.status(201);
      return M.appoint(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/mediators/:id/terms/:termId/dismiss', { schema: { tags, summary: '解聘（退出）', params: IdParams.extend({ termId: z.string().min(1) }), body: M.TermDismiss } }, async (req) => {
      requirePermission(req, 'mediatorRoster.manage');
      return M.dismiss(ctx, actorOf(req), req.params.id, req.params.termId, req.body);
    });
    app.post('/api/mediators/:id/trainings', { schema: { tags, summary: '登记培训记录', params: IdParams, body: M.MediatorTrainingCreate } }, async (req, reply) => {
      requirePermission(req, 'mediatorRoster.manage');
      reply.status(201);
      return M.addTraining(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/mediators/:id/rewards', { schema: { tags, summary: '登记奖励或惩戒', params: IdParams, body: M.RewardCreate } }, async (req, reply) => {
      requirePermission(req, 'mediatorRoster.manage');
      reply.status(201);
      return M.addReward(ctx, actorOf(req), req.params.id, req.body);
    });
    app.put('/api/mediators/:id/evaluations/:year', { schema: { tags, summary: '年度考评（办案数据取自案件模块，附建议等次）', params: IdParams.extend({ year: YearParam }), body: M.MediatorEvaluationPut } }, async (req) => {
      requirePermission(req, 'mediatorRoster.manage');
      return M.evaluate(ctx, actorOf(req), req.params.id, req.params.year, req.body);
    });
    app.get('/api/cases/:id/mediator', { schema: { tags, summary: '案件承办调解员及可指定的调解员', params: IdParams } }, async (req) => {
      requirePermission(req, 'caseMediator.assign');
      return M.caseMediator(ctx, actorOf(req), req.params.id);
    });
    app.put('/api/cases/:id/mediator', { schema: { tags, summary: '指定案件承办调解员', params: IdParams, body: M.CaseMediatorPut } }, async (req) => {
      requirePermission(req, 'caseMediator.assign');
      return M.designate(ctx, actorOf(req), req.params.id, req.body);
    });

    // --- mentoring pairs and skills competitions ---------------------------------------------------
    app.get('/api/mentoring-pairs', { schema: { tags, summary: '师徒结对列表', querystring: z.object({ status: z.enum(['active', 'ended']).optional() }) } }, async (req) => {
      requirePermission(req, 'mediatorRoster.read');
      return P.listPairs(ctx, actorOf(req), req.query);
    });
    app.post('/api/mentoring-pairs', { schema: { tags, summary: '师徒结对（师傅满5年，徒弟不满3年）', body: P.PairCreate } }, async (req, reply) => {
      requirePermission(req, 'mediatorRoster.manage');
      reply.status(201);
      return P.createPair(ctx, actorOf(req), req.body);
    });
    app.post('/api/mentoring-pairs/:id/end', { schema: { tags, summary: '结对期满（带教成效）', params: IdParams, body: P.PairEnd } }, async (req) => {
      requirePermission(req, 'mediatorRoster.manage');
      return P.endPair(ctx, actorOf(req), req.params.id, req.body);
    });
    app.get('/api/competitions', { schema: { tags, summary: '调解员技能竞赛' } }, async (req) => {
      requirePermission(req, 'competition.read');
      return P.listCompetitions(ctx, actorOf(req));
    });
    app.post('/api/competitions', { schema: { tags, summary: '举办技能竞赛', body: P.CompetitionCreate } }, async (req, reply) => {
      requirePermission(req, 'competition.manage');
      reply.status(201);
      return P.createCompetition(ctx, actorOf(req), req.body);
    });
    app.get('/api/competitions/:id', { schema: { tags, summary: '竞赛成绩与名次', params: IdParams } }, async (req) => {
      requirePermission(req, 'competition.read');
      return P.getCompetition(ctx, actorOf(req), req.params.id);
    });
    app.put('/api/competitions/:id/results', { schema: { tags, summary: '录入成绩（自动排名、并列同名次、评定奖项）', params: IdParams, body: P.ResultsPut } }, async (req) => {
      requirePermission(req, 'competition.manage');
      return P.putResults(ctx, actorOf(req), req.params.id, req.body);
    });

    // --- social organisations and purchased services ----------------------------------------------
    app.get('/api/social-orgs', { schema: { tags, summary: '社会组织台账', querystring: S.SocialOrgQuery.extend(PageQuery.shape) } }, async (req) => {
      requirePermission(req, 'socialOrg.read');
      return S.listSocialOrgs(ctx, actorOf(req), req.query);
    });
    app.post('/api/social-orgs', { schema: { tags, summary: '登记社会组织（类型、规模、人员、服务行业、服务项目）', body: S.SocialOrgCreate } }, async (req, reply) => {
      requirePermission(req, 'socialOrg.manage');
      reply.status(201);
      return S.createSocialOrg(ctx, actorOf(req), req.body);
    });
    app.get('/api/social-orgs/:id', { schema: { tags, summary: '社会组织详情（购买服务项目）', params: IdParams } }, async (req) => {
      requirePermission(req, 'socialOrg.read');
      return S.getSocialOrg(ctx, actorOf(req), req.params.id);
    });
    app.patch('/api/social-orgs/:id', { schema: { tags, summary: '修改社会组织', params: IdParams, body: S.SocialOrgUpdate } }, async (req) => {
      requirePermission(req, 'socialOrg.manage');
      return S.updateSocialOrg(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/social-orgs/:id/projects', { schema: { tags, summary: '签订政府购买服务项目（约定交付成果）', params: IdParams, body: S.ProjectCreate } }, async (req, reply) => {
      requirePermission(req, 'socialOrg.manage');
      reply.status(201);
      return S.createProject(ctx, actorOf(req), req.params.id, req.body);
    });
    app.get('/api/service-projects', { schema: { tags, summary: '政府购买服务项目', querystring: S.ProjectQuery } }, async (req) => {
      requirePermission(req, 'socialOrg.read');
      return S.listProjects(ctx, actorOf(req), req.query);
    });
    app.get('/api/service-projects/:id', { schema: { tags, summary: '购买服务项目详情（交付成果、验收评价）', params: IdParams } }, async (req) => {
      requirePermission(req, 'socialOrg.read');
      return S.getProject(ctx, actorOf(req), req.params.id);
    });
    app.post('/api/service-projects/:id/deliverables/:deliverableId/deliver', { schema: { tags, summary: '登记成果交付', params: IdParams.extend({ deliverableId: z.string().min(1) }), body: S.DeliverablePut } }, async (req) => {
      requirePermission(req, 'socialOrg.manage');
      return S.deliver(ctx, actorOf(req), req.params.id, req.params.deliverableId, req.body);
    });
    app.post('/api/service-projects/:id/acceptance', { schema: { tags, summary: '验收与绩效评价', params: IdParams, body: S.AcceptancePut } }, async (req) => {
      requirePermission(req, 'socialOrg.manage');
      return S.accept(ctx, actorOf(req), req.params.id, req.body);
    });

    // --- expert service team ----------------------------------------------------------------------
    app.get('/api/experts', { schema: { tags, summary: '专家服务团队', querystring: X.ExpertQuery } }, async (req) => {
      requirePermission(req, 'expert.read');
      return X.listExperts(ctx, actorOf(req), req.query);
    });
    app.post('/api/experts', { schema: { tags, summary: '专家入库', body: X.ExpertCreate } }, async (req, reply) => {
      requirePermission(req, 'expert.manage');
      reply.status(201);
      return X.createExpert(ctx, actorOf(req), req.body);
    });
    app.get('/api/experts/:id', { schema: { tags, summary: '专家详情（服务记录）', params: IdParams } }, async (req) => {
      requirePermission(req, 'expert.read');
      return X.getExpert(ctx, actorOf(req), req.params.id);
    });
    app.patch('/api/experts/:id', { schema: { tags, summary: '修改专家信息或停用', params: IdParams, body: X.ExpertUpdate } }, async (req) => {
      requirePermission(req, 'expert.manage');
      return X.updateExpert(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/experts/:id/assignments', { schema: { tags, summary: '指派专家服务企业或案件', params: IdParams, body: X.ExpertAssign } }, async (req, reply) => {
      requirePermission(req, 'expert.manage');
      reply.status(201);
      return X.assignExpert(ctx, actorOf(req), req.params.id, req.body);
    });

    // --- training and exchange events ---------------------------------------------------------------
    app.get('/api/training-events', { schema: { tags, summary: '培训与学习交流活动' } }, async (req) => {
      requirePermission(req, 'trainingEvent.read');
      return T.listEvents(ctx, actorOf(req));
    });
    app.post('/api/training-events', { schema: { tags, summary: '发布培训或交流活动', body: T.EventCreate } }, async (req, reply) => {
      requirePermission(req, 'trainingEvent.manage');
      reply.status(201);
      return T.createEvent(ctx, actorOf(req), req.body);
    });
    app.get('/api/training-events/:id', { schema: { tags, summary: '活动详情（报名、考勤、资料）', params: IdParams } }, async (req) => {
      requirePermission(req, 'trainingEvent.read');
      return T.getEvent(ctx, actorOf(req), req.params.id);
    });
    app.patch('/api/training-events/:id', { schema: { tags, summary: '修改地点、名额或学习资料', params: IdParams, body: T.EventUpdate } }, async (req) => {
      requirePermission(req, 'trainingEvent.manage');
      return T.updateEvent(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/training-events/:id/enrolments', { schema: { tags, summary: '报名（本人，或管理人员代报）', params: IdParams, body: T.EnrolmentCreate } }, async (req, reply) => {
      requirePermission(req, 'trainingEvent.enrol');
      reply.status(201);
      return T.enrol(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/training-events/:id/attendance', { schema: { tags, summary: '登记考勤（出勤者计入培训学时）', params: IdParams, body: T.AttendancePut } }, async (req) => {
      requirePermission(req, 'trainingEvent.manage');
      return T.recordAttendance(ctx, actorOf(req), req.params.id, req.body);
    });
  };
