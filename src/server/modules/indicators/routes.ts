import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { actorOf, requirePermission } from '../../plugins/auth';
import { ensureCatalogue } from './compute';
import { breakdown, changeDefinition, cockpit, enterValue, getIndicator, IndicatorDefinitionChange, listIndicators, records, RecordsQuery, RegionYearQuery, setTarget, TargetSet, ValueEntry } from './service';

const IdParams = z.object({ id: z.string().min(1) });
const tags = ['指标与驾驶舱'];

export const indicatorRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    await ensureCatalogue(ctx.db, ctx.clock);
    app.get('/api/cockpit', { schema: { tags, summary: '领导驾驶舱：全部指标、目标、红黄绿灯与趋势', querystring: RegionYearQuery } }, async (req) => {
      requirePermission(req, 'indicator.read');
      return cockpit(ctx, actorOf(req), req.query);
    });
    app.get('/api/indicators', { schema: { tags, summary: '指标库' } }, async (req) => {
      requirePermission(req, 'indicator.read');
      return listIndicators(ctx, actorOf(req));
    });
    app.get('/api/indicators/:id', { schema: { tags, summary: '指标详情（定义版本、各年各区域目标）', params: IdParams } }, async (req) => {
      requirePermission(req, 'indicator.read');
      return getIndicator(ctx, actorOf(req), req.params.id);
    });
    app.get('/api/indicators/:id/breakdown', { schema: { tags, summary: '下钻到下级区域与填报单位', params: IdParams, querystring: RegionYearQuery } }, async (req) => {
      requirePermission(req, 'indicator.read');
      return breakdown(ctx, actorOf(req), req.params.id, req.query);
    });
    app.get('/api/indicators/:id/records', { schema: { tags, summary: '数字背后的记录明细', params: IdParams, querystring: RecordsQuery } }, async (req) => {
      requirePermission(req, 'indicator.read');
      return records(ctx, actorOf(req), req.params.id, req.query);
    });
    app.post('/api/indicators/:id/values', { schema: { tags, summary: '单位填报指标数值（手工填报类指标）', params: IdParams, body: ValueEntry } }, async (req, reply) => {
      requirePermission(req, 'indicator.enter');
      reply.status(201);
      return enterValue(ctx, actorOf(req), req.params.id, req.body);
    });
    app.put('/api/indicators/:id/targets', { schema: { tags, summary: '设定某年某区域目标值', params: IdParams, body: TargetSet } }, async (req) => {
      requirePermission(req, 'indicator.target');
      return setTarget(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/indicators/:id/versions', { schema: { tags, summary: '修订指标定义（新版本，历史数据按原版本可复现）', params: IdParams, body: IndicatorDefinitionChange } }, async (req, reply) => {
      requirePermission(req, 'indicator.define');
      reply.status(201);
      return changeDefinition(ctx, actorOf(req), req.params.id, req.body);
    });
  };
