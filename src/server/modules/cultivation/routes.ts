import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { PageQuery } from '../../lib/pagination';
import { actorOf, requirePermission } from '../../plugins/auth';
import * as H from './harmony';
import { CandidateQuery, cultivationCandidates, ActivityCreate, addActivity, assess, AssessmentCreate, CultivationCreate, CultivationQuery, CultivationUpdate, createCultivation, getCultivation, listCultivations, updateCultivation } from './service';

const IdParams = z.object({ id: z.string().min(1) });
const tags = ['企业服务·培育与和谐创建'];

export const cultivationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/cultivations', { schema: { tags, summary: '一对一培育企业', querystring: CultivationQuery.extend(PageQuery.shape) } }, async (req) => {
      requirePermission(req, 'cultivation.read');
      return listCultivations(ctx, actorOf(req), req.query);
    });
    app.post('/api/cultivations', { schema: { tags, summary: '结对培育（附用工诊断）', body: CultivationCreate } }, async (req, reply) => {
      requirePermission(req, 'cultivation.manage');
      reply.status(201);
      return createCultivation(ctx, actorOf(req), req.body);
    });
    app.get('/api/cultivations/candidates', { schema: { tags, summary: '可结对的企业（按名称查找）', querystring: CandidateQuery } }, async (req) => {
      requirePermission(req, 'cultivation.manage');
      return cultivationCandidates(ctx, actorOf(req), req.query);
    });
    app.get('/api/cultivations/:id', { schema: { tags, summary: '培育详情（诊断、方案、走访培训、评估）', params: IdParams } }, async (req) => {
      requirePermission(req, 'cultivation.read');
      return getCultivation(ctx, actorOf(req), req.params.id);
    });
    app.patch('/api/cultivations/:id', { schema: { tags, summary: '修改诊断或培育方案', params: IdParams, body: CultivationUpdate } }, async (req) => {
      requirePermission(req, 'cultivation.manage');
      return updateCultivation(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/cultivations/:id/activities', { schema: { tags, summary: '登记走访或培训', params: IdParams, body: ActivityCreate } }, async (req, reply) => {
      requirePermission(req, 'cultivation.manage');
      reply.status(201);
      return addActivity(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/cultivations/:id/assessment', { schema: { tags, summary: '培育评估', params: IdParams, body: AssessmentCreate } }, async (req) => {
      requirePermission(req, 'cultivation.manage');
      return assess(ctx, actorOf(req), req.params.id, req.body);
    });

    app.get('/api/harmony/indicator-sets', { schema: { tags, summary: '和谐创建指标体系' } }, async (req) => {
      requirePermission(req, 'harmony.read');
      return H.listIndicatorSets(ctx, actorOf(req));
    });
    app.post('/api/harmony/indicator-sets', { schema: { tags, summary: '新建指标体系（可配置）', body: H.IndicatorSetCreate } }, async (req, reply) => {
      requirePermission(req, 'harmony.configure');
      reply.status(201);
      return H.createIndicatorSet(ctx, actorOf(req), req.body);
    });
    app.patch('/api/harmony/indicator-sets/:id', { schema: { tags, summary: '修改或停用指标体系', params: IdParams, body: H.IndicatorSetUpdate } }, async (req) => {
      requirePermission(req, 'harmony.configure');
      return H.updateIndicatorSet(ctx, actorOf(req), req.params.id, req.body);
    });
    app.get('/api/harmony/applications', { schema: { tags, summary: '和谐创建申报', querystring: H.ApplicationQuery.extend(PageQuery.shape) } }, async (req) => {
      requirePermission(req, 'harmony.read');
      return H.listApplications(ctx, actorOf(req), req.query);
    });
    app.post('/api/harmony/applications', { schema: { tags, summary: '申报（企业、园区、乡镇街道）', body: H.ApplicationCreate } }, async (req, reply) => {
      requirePermission(req, 'harmony.selfAssess');
      reply.status(201);
      return H.createApplication(ctx, actorOf(req), req.body);
    });
    app.get('/api/harmony/applications/:id', { schema: { tags, summary: '申报详情', params: IdParams } }, async (req) => {
      requirePermission(req, 'harmony.read');
      return H.getApplication(ctx, actorOf(req), req.params.id);
    });
    app.put('/api/harmony/applications/:id/self-assessment', { schema: { tags, summary: '自评（submit=true 提交评审）', params: IdParams, body: H.SelfAssessment } }, async (req) => {
      requirePermission(req, 'harmony.selfAssess');
      return H.saveSelfAssessment(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/harmony/applications/:id/review', { schema: { tags, summary: '评审打分', params: IdParams, body: H.Review } }, async (req) => {
      requirePermission(req, 'harmony.review');
      return H.review(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/harmony/applications/:id/recognise', { schema: { tags, summary: '命名（等级、年度）', params: IdParams, body: H.Recognise } }, async (req) => {
      requirePermission(req, 'harmony.review');
      return H.recognise(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/harmony/applications/:id/reject', { schema: { tags, summary: '不予命名', params: IdParams, body: H.Reject } }, async (req) => {
      requirePermission(req, 'harmony.review');
      return H.reject(ctx, actorOf(req), req.params.id, req.body);
    });
    app.get('/api/public/honours', { schema: { tags, summary: '公开荣誉榜（无需登录）', querystring: H.HonoursQuery } }, async (req) => {
      return H.listHonours(ctx, req.query);
    });
  };
