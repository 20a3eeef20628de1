import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreditGrade } from '../../../domain/credit';
import type { AppContext } from '../../context';
import { PageQuery } from '../../lib/pagination';
import { actorOf, requirePermission } from '../../plugins/auth';
import {
  closeRound,
  CloseRoundInput,
  createRound,
  enterpriseCredit,
  EvaluationQuery,
  getRound,
  gradeOverview,
  listObjections,
  listRoundEvaluations,
  listRounds,
  objectEvaluation,
  ObjectionInput,
  recordViolation,
  reviewObjection,
  ReviewInput,
  RoundInput,
  ViolationInput,
} from './service';

const IdParams = z.object({ id: z.string().min(1) });
const tags = ['劳动保障监察·守法诚信等级'];

export const creditRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/credit/overview', { schema: { tags, summary: '辖区企业当前等级分布与名单', querystring: z.object({ grade: CreditGrade.optional() }).extend(PageQuery.shape) } }, async (req) => {
      requirePermission(req, 'credit.manage');
      return gradeOverview(ctx, actorOf(req), req.query);
    });
    app.get('/api/enterprises/:id/credit', { schema: { tags, summary: '企业的守法诚信等级、评价历史和违法记录', params: IdParams } }, async (req) => {
      requirePermission(req, 'credit.read');
      return enterpriseCredit(ctx, actorOf(req), req.params.id);
    });
    app.post('/api/enterprises/:id/violations', { schema: { tags, summary: '记录查处的违法行为（触发等级动态调整）', params: IdParams, body: ViolationInput } }, async (req, reply) => {
      requirePermission(req, 'violation.record');
      reply.status(201);
      return recordViolation(ctx, actorOf(req), req.params.id, req.body);
    });
    app.get('/api/credit/rounds', { schema: { tags, summary: '年度评价批次' } }, async (req) => {
      requirePermission(req, 'credit.manage');
      return listRounds(ctx, actorOf(req));
    });
    app.post('/api/credit/rounds', { schema: { tags, summary: '启动年度评价（按规则生成拟评等级并告知企业）', body: RoundInput } }, async (req, reply) => {
      requirePermission(req, 'credit.manage');
      reply.status(201);
      return createRound(ctx, actorOf(req), req.body);
    });
    app.get('/api/credit/rounds/:id', { schema: { tags, summary: '评价批次详情', params: IdParams } }, async (req) => {
      requirePermission(req, 'credit.manage');
      return getRound(ctx, actorOf(req), req.params.id);
    });
    app.get('/api/credit/rounds/:id/evaluations', { schema: { tags, summary: '批次内各企业的拟评/确定等级', params: IdParams, querystring: EvaluationQuery.extend(PageQuery.shape) } }, async (req) => {
      requirePermission(req, 'credit.manage');
      return listRoundEvaluations(ctx, actorOf(req), req.params.id, req.query);
    });
    app.post('/api/credit/rounds/:id/close', { schema: { tags, summary: '异议期满后召开评价会议、记录纪要并确定等级', params: IdParams, body: CloseRoundInput } }, async (req) => {
      requirePermission(req, 'credit.manage');
      return closeRound(ctx, actorOf(req), req.params.id, req.body);
    });
    app.get('/api/credit/objections', { schema: { tags, summary: '待复核的企业异议' } }, async (req) => {
      requirePermission(req, 'credit.manage');
      return listObjections(ctx, actorOf(req));
    });
    app.post('/api/credit/evaluations/:id/objection', { schema: { tags, summary: '企业对评价等级提出异议', params: IdParams, body: ObjectionInput } }, async (req) => {
      requirePermission(req, 'credit.object');
      return objectEvaluation(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/credit/evaluations/:id/review', { schema: { tags, summary: '复核企业异议', params: IdParams, body: ReviewInput } }, async (req) => {
      requirePermission(req, 'credit.manage');
      return reviewObjection(ctx, actorOf(req), req.params.id, req.body);
    });
  };
