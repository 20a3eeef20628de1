import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { PageQuery } from '../../lib/pagination';
import { actorOf, requirePermission } from '../../plugins/auth';
import { createRecruitment, listRecruitment, RecruitmentCreate, RecruitmentQuery, recruitmentStats, setTargets, TargetsUpdate } from './recruitment';
import { assignOfficer, getVisits, listOfficers, listOutreach, OutreachAssign, OutreachQuery, recordVisit, VisitCreate } from './service';

const Params = z.object({ enterpriseId: z.string().min(1) });
const tags = ['企业服务·新注册企业走访'];

export const outreachRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/outreach', { schema: { tags, summary: '新注册企业走访名单（用工10人以上自动纳入）', querystring: OutreachQuery.extend(PageQuery.shape) } }, async (req) => {
      requirePermission(req, 'outreach.read');
      return listOutreach(ctx, actorOf(req), req.query);
    });
    app.get('/api/outreach/officers', { schema: { tags, summary: '可分派的服务专员' } }, async (req) => {
      requirePermission(req, 'outreach.assign');
      return listOfficers(ctx, actorOf(req));
    });
    app.post('/api/outreach/:enterpriseId/assign', { schema: { tags, summary: '分派服务专员', params: Params, body: OutreachAssign } }, async (req) => {
      requirePermission(req, 'outreach.assign');
      return assignOfficer(ctx, actorOf(req), req.params.enterpriseId, req.body);
    });
    app.get('/api/outreach/:enterpriseId/visits', { schema: { tags, summary: '走访记录', params: Params } }, async (req) => {
      requirePermission(req, 'outreach.read');
      return getVisits(ctx, actorOf(req), req.params.enterpriseId);
    });
    app.post('/api/outreach/:enterpriseId/visits', { schema: { tags, summary: '登记走访', params: Params, body: VisitCreate } }, async (req, reply) => {
      requirePermission(req, 'outreach.visit');
      reply.status(201);
      return recordVisit(ctx, actorOf(req), req.params.enterpriseId, req.body);
    });
    const rtags = ['企业服务·招聘活动'];
    const YearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
    app.get('/api/recruitment-events', { schema: { tags: rtags, summary: '招聘活动', querystring: RecruitmentQuery.extend(PageQuery.shape) } }, async (req) => {
      requirePermission(req, 'recruitment.read');
      return listRecruitment(ctx, actorOf(req), req.query);
    });
    app.post('/api/recruitment-events', { schema: { tags: rtags, summary: '登记招聘活动（线上/线下）', body: RecruitmentCreate } }, async (req, reply) => {
      requirePermission(req, 'recruitment.manage');
      reply.status(201);
      return createRecruitment(ctx, actorOf(req), req.body);
    });
    app.get('/api/recruitment-events/progress', { schema: { tags: rtags, summary: '年度目标完成情况（默认线上30场、线下80场）', querystring: YearParams } }, async (req) => {
      requirePermission(req, 'recruitment.read');
      return recruitmentStats(ctx, actorOf(req), req.query.year);
    });
    app.put('/api/recruitment-targets/:year', { schema: { tags: rtags, summary: '设置年度招聘场次目标', params: YearParams, body: TargetsUpdate } }, async (req) => {
      requirePermission(req, 'recruitment.manage');
      return setTargets(ctx, actorOf(req), req.params.year, req.body);
    });
  };
