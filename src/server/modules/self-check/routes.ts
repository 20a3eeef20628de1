import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { PageQuery } from '../../lib/pagination';
import { actorOf, requirePermission, requireUser } from '../../plugins/auth';
import { AnonymousQuery, anonymousList, getMine, listMine, offerVisit, questionnaire, respondVisit, SelfCheckSubmit, selfCheckStats, submitSelfCheck, VisitOffer, VisitResponse } from './service';

const IdParams = z.object({ id: z.string().min(1) });
const tags = ['企业服务·劳动用工体检'];

export const selfCheckRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/self-check/questionnaire', { schema: { tags, summary: '体检问卷' } }, async (req) => {
      requireUser(req);
      return questionnaire(ctx, actorOf(req));
    });
    app.post('/api/self-check/submissions', { schema: { tags, summary: '提交问卷，生成体检报告（风险、条文、整改建议）', body: SelfCheckSubmit } }, async (req, reply) => {
      requirePermission(req, 'selfCheck.answer');
      reply.status(201);
      return submitSelfCheck(ctx, actorOf(req), req.body);
    });
    app.get('/api/self-check/submissions', { schema: { tags, summary: '本企业的体检记录', querystring: PageQuery } }, async (req) => {
      requirePermission(req, 'selfCheck.answer');
      return listMine(ctx, actorOf(req), req.query);
    });
    app.get('/api/self-check/submissions/:id', { schema: { tags, summary: '体检报告（仅本企业）', params: IdParams } }, async (req) => {
      requirePermission(req, 'selfCheck.answer');
      return getMine(ctx, actorOf(req), req.params.id);
    });
    app.post('/api/self-check/submissions/:id/visit-response', { schema: { tags, summary: '答复上门指导邀请', params: IdParams, body: VisitResponse } }, async (req) => {
      requirePermission(req, 'selfCheck.answer');
      return respondVisit(ctx, actorOf(req), req.params.id, req.body);
    });
    app.get('/api/self-check/results', { schema: { tags, summary: '匿名体检结果（各企业最近一次）', querystring: AnonymousQuery.extend(PageQuery.shape) } }, async (req) => {
      requirePermission(req, 'selfCheck.stats');
      return anonymousList(ctx, actorOf(req), req.query);
    });
    app.get('/api/self-check/stats', { schema: { tags, summary: '按街道、行业、规则汇总（匿名，少于3家不显示）', querystring: AnonymousQuery } }, async (req) => {
      requirePermission(req, 'selfCheck.stats');
      return selfCheckStats(ctx, actorOf(req), req.query);
    });
    app.post('/api/self-check/results/:id/visit-offer', { schema: { tags, summary: '提供上门指导', params: IdParams, body: VisitOffer } }, async (req) => {
      requirePermission(req, 'selfCheck.offerVisit');
      return offerVisit(ctx, actorOf(req), req.params.id, req.body);
    });
  };
