import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { actorOf, requirePermission } from '../../plugins/auth';
import { scopeFilter } from '../../policy/scope';
import { createInspector, createItem, InspectorInput, InspectorPatch, ItemInput, listInspectors, listItems, targetSummary, updateInspector } from './directory';
import { createPlan, drawPlan, DrawInputBody, enterResult, getPlan, listPlans, PlanInput, publicPlans, publishPlan, ResultInput, verifyPlan } from './plans';

const IdParams = z.object({ id: z.string().min(1) });
const tags = ['劳动保障监察·双随机一公开'];

export const inspectionRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const publicRead = { csrf: false, rateLimit: { max: ctx.config.env === 'test' ? 10_000 : 60, timeWindow: '1 minute' } };
    app.get('/api/public/inspections', { config: publicRead, schema: { tags, summary: '公开：双随机抽查计划与检查结果（不含执法人员和个人信息）' } }, async (req) => {
      scopeFilter(req.principal, 'inspection.public');
      return publicPlans(ctx);
    });
    app.get('/api/inspections/items', { schema: { tags, summary: '随机抽查事项清单' } }, async (req) => {
      requirePermission(req, 'inspection.manage');
      return listItems(ctx, actorOf(req));
    });
    app.post('/api/inspections/items', { schema: { tags, summary: '新增抽查事项', body: ItemInput } }, async (req, reply) => {
      requirePermission(req, 'inspection.manage');
      reply.status(201);
      return createItem(ctx, actorOf(req), req.body);
    });
    app.get('/api/inspections/inspectors', { schema: { tags, summary: '执法人员名录库（含回避企业）' } }, async (req) => {
      requirePermission(req, 'inspection.manage');
      return listInspectors(ctx, actorOf(req));
    });
    app.post('/api/inspections/inspectors', { schema: { tags, summary: '执法人员入库', body: InspectorInput } }, async (req, reply) => {
      requirePermission(req, 'inspection.manage');
      reply.status(201);
      return createInspector(ctx, actorOf(req), req.body);
    });
    app.patch('/api/inspections/inspectors/:id', { schema: { tags, summary: '登记回避关系或调整在库状态', params: IdParams, body: InspectorPatch } }, async (req) => {
      requirePermission(req, 'inspection.manage');
      return updateInspector(ctx, actorOf(req), req.params.id, req.body);
    });
    app.get('/api/inspections/targets', { schema: { tags, summary: '监管对象名录库（按街道×行业分层）' } }, async (req) => {
      requirePermission(req, 'inspection.manage');
      return targetSummary(ctx, actorOf(req));
    });
    app.get('/api/inspections/plans', { schema: { tags, summary: '抽查计划' } }, async (req) => {
      requirePermission(req, 'inspection.manage');
      return listPlans(ctx, actorOf(req));
    });
    app.post('/api/inspections/plans', { schema: { tags, summary: '新建抽查计划（事项、比例）', body: PlanInput } }, async (req, reply) => {
      requirePermission(req, 'inspection.manage');
      reply.status(201);
      return createPlan(ctx, actorOf(req), req.body);
    });
    app.get('/api/inspections/plans/:id', { schema: { tags, summary: '抽查计划详情与抽中对象', params: IdParams } }, async (req) => {
      requirePermission(req, 'inspection.manage');
      return getPlan(ctx, actorOf(req), req.params.id);
    });
    app.post('/api/inspections/plans/:id/draw', { schema: { tags, summary: '随机抽取检查对象和执法人员（每个计划仅一次）', params: IdParams, body: DrawInputBody } }, async (req) => {
      requirePermission(req, 'inspection.manage');
      return drawPlan(ctx, actorOf(req), req.params.id, req.body);
    });
    app.get('/api/inspections/plans/:id/verify', { schema: { tags, summary: '以记录的种子和输入复算抽取结果', params: IdParams } }, async (req) => {
      requirePermission(req, 'inspection.manage');
      return verifyPlan(ctx, actorOf(req), req.params.id);
    });
    app.post('/api/inspections/tasks/:id/result', { schema: { tags, summary: '录入检查结果（发现违法行为时记入违法记录并动态调整等级）', params: IdParams, body: ResultInput } }, async (req) => {
      requirePermission(req, 'inspection.manage');
      return enterResult(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/inspections/plans/:id/publish', { schema: { tags, summary: '审核并向社会公开抽查结果', params: IdParams } }, async (req) => {
      requirePermission(req, 'inspection.manage');
      return publishPlan(ctx, actorOf(req), req.params.id);
    });
  };
