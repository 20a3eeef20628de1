import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { PageQuery } from '../../lib/pagination';
import { actorOf, requirePermission } from '../../plugins/auth';
import { ArrearsInput, ArrearsQuery, getArrears, listArrears, openArrears, RecoveryInput, recordRecovery, TransferInput, transferArrears } from './arrears';
import { confirmPayroll, createProject, getProject, listProjects, PayrollInput, ProjectInput, ProjectPatch, ProjectQuery, runPayrollMonitor, updateProject } from './projects';

const IdParams = z.object({ id: z.string().min(1) });
const tags = ['劳动保障监察·根治欠薪'];

export const wageRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/wage/projects', { schema: { tags, summary: '在建工程项目（专用账户、保证金、实名制、按月支付）', querystring: ProjectQuery.extend(PageQuery.shape) } }, async (req) => {
      requirePermission(req, 'wage.read');
      return listProjects(ctx, actorOf(req), req.query);
    });
    app.post('/api/wage/projects', { schema: { tags, summary: '登记工程项目', body: ProjectInput } }, async (req, reply) => {
      requirePermission(req, 'wage.manage');
      reply.status(201);
      return createProject(ctx, actorOf(req), req.body);
    });
    app.get('/api/wage/projects/:id', { schema: { tags, summary: '工程项目详情与月度工资支付', params: IdParams } }, async (req) => {
      requirePermission(req, 'wage.read');
      return getProject(ctx, actorOf(req), req.params.id);
    });
    app.patch('/api/wage/projects/:id', { schema: { tags, summary: '更新专用账户、工资保证金、实名登记人数等', params: IdParams, body: ProjectPatch } }, async (req) => {
      requirePermission(req, 'wage.manage');
      return updateProject(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/wage/projects/:id/payrolls', { schema: { tags, summary: '确认当月农民工工资已支付', params: IdParams, body: PayrollInput } }, async (req, reply) => {
      requirePermission(req, 'wage.payroll');
      reply.status(201);
      return confirmPayroll(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/wage/monitor/run', { schema: { tags, summary: '欠薪监测：对逾期未确认的月度工资生成预警（推送风险模块）' } }, async (req) => {
      requirePermission(req, 'wage.manage');
      return runPayrollMonitor(ctx, actorOf(req));
    });
    app.get('/api/wage/arrears', { schema: { tags, summary: '欠薪案件（金额、人数、追回）', querystring: ArrearsQuery.extend(PageQuery.shape) } }, async (req) => {
      requirePermission(req, 'wage.manage');
      return listArrears(ctx, actorOf(req), req.query);
    });
    app.post('/api/wage/arrears', { schema: { tags, summary: '欠薪案件立案', body: ArrearsInput } }, async (req, reply) => {
      requirePermission(req, 'wage.manage');
      reply.status(201);
      return openArrears(ctx, actorOf(req), req.body);
    });
    app.get('/api/wage/arrears/:id', { schema: { tags, summary: '欠薪案件详情', params: IdParams } }, async (req) => {
      requirePermission(req, 'wage.manage');
      return getArrears(ctx, actorOf(req), req.params.id);
    });
    app.post('/api/wage/arrears/:id/recoveries', { schema: { tags, summary: '登记追回欠薪', params: IdParams, body: RecoveryInput } }, async (req, reply) => {
      requirePermission(req, 'wage.manage');
      reply.status(201);
      return recordRecovery(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/wage/arrears/:id/transfer', { schema: { tags, summary: '涉嫌拒不支付劳动报酬罪，移送公安机关', params: IdParams, body: TransferInput } }, async (req) => {
      requirePermission(req, 'wage.manage');
      return transferArrears(ctx, actorOf(req), req.params.id, req.body);
    });
  };
