import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { actorOf, requirePermission } from '../../plugins/auth';
import { enterpriseDashboard, setUnionTarget } from './dashboard';

const tags = ['工会大脑'];

export const dashboardRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/dashboard/enterprises',
      { schema: { tags, summary: '工会大脑：企业分布、建会率、入会率、职工人数趋势、建会任务完成情况', querystring: z.object({ regionId: z.string().max(20).optional(), year: z.coerce.number().int().min(2000).max(2100).optional() }) } },
      async (req) => {
        requirePermission(req, 'enterprise.dashboard');
        return enterpriseDashboard(ctx, actorOf(req), req.query);
      },
    );
    app.put(
      '/api/dashboard/union-targets',
      { schema: { tags, summary: '设定街道（镇）年度建会任务', body: z.object({ regionId: z.string().min(1, '请选择街道（镇）'), year: z.number().int().min(2000, '年份不正确').max(2100, '年份不正确'), target: z.number().int().min(0, '任务数不能为负').max(100000) }) } },
      async (req) => {
        requirePermission(req, 'unionTarget.manage');
        return setUnionTarget(ctx, actorOf(req), req.body);
      },
    );
  };
