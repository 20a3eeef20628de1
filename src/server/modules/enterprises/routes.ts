import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EnterpriseCreate, EnterpriseListQuery, EnterpriseUpdate } from '../../../domain/enterprise/registry';
import type { AppContext } from '../../context';
import { PageQuery } from '../../lib/pagination';
import { actorOf, requirePermission } from '../../plugins/auth';
import { exportEnterprises } from './export';
import { createEnterprise, enterpriseDetail, enterpriseTimeline, listEnterprisesFor, revealContacts, updateEnterprise } from './service';

const IdParams = z.object({ id: z.string().min(1).max(40) });
const tags = ['企业名录'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const attachment = (name: string) => `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;

export const enterpriseRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/enterprises', { schema: { tags, summary: '企业列表（筛选、排序、分页，按权限范围）', querystring: EnterpriseListQuery.extend(PageQuery.shape) } }, async (req) => {
      requirePermission(req, 'enterprise.read');
      return listEnterprisesFor(ctx, actorOf(req), req.query);
    });
    app.post('/api/enterprises', { schema: { tags, summary: '登记企业', body: EnterpriseCreate } }, async (req, reply) => {
      requirePermission(req, 'enterprise.create');
      reply.status(201);
      return createEnterprise(ctx, actorOf(req), req.body);
    });
    app.get('/api/enterprises/export', { schema: { tags, summary: '导出当前筛选的企业名录（.xlsx，联系电话按权限打码）', querystring: EnterpriseListQuery } }, async (req, reply) => {
      requirePermission(req, 'enterprise.export');
      const { buffer, fileName } = await exportEnterprises(ctx, actorOf(req), req.query);
      return reply.header('content-type', XLSX).header('content-disposition', attachment(fileName)).send(buffer);
    });
    app.get('/api/enterprises/:id', { schema: { tags, summary: '企业详情（含职工人数历史与 abilities）', params: IdParams } }, async (req) => {
      requirePermission(req, 'enterprise.read');
      return enterpriseDetail(ctx, actorOf(req), req.params.id);
    });
    app.patch('/api/enterprises/:id', { schema: { tags, summary: '修改企业信息（乐观锁 version；企业用户仅可改联系人和人事信息）', params: IdParams, body: EnterpriseUpdate } }, async (req) => {
      requirePermission(req, 'enterprise.update');
      return updateEnterprise(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/enterprises/:id/reveal-contacts', { schema: { tags, summary: '查看联系人完整电话（记入审计日志）', params: IdParams } }, async (req) => {
      requirePermission(req, 'enterprise.reveal');
      return revealContacts(ctx, actorOf(req), req.params.id);
    });
    app.get(
      '/api/enterprises/:id/timeline',
      { schema: { tags, summary: '企业时间线（各模块记录，最新在前）', params: IdParams, querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), before: z.string().max(40).optional() }) } },
      async (req) => {
        requirePermission(req, 'enterprise.read');
        return enterpriseTimeline(ctx, actorOf(req), req.params.id, req.query);
      },
    );
    app.get('/api/enterprises/coordinators', { schema: { tags, summary: '可分配的劳动关系协调员' } }, async (req) => {
      requirePermission(req, 'enterprise.create');
      const rows = await ctx.db.selectFrom('users').select(['id', 'display_name as displayName']).where('roles', 'like', '%"coordinator"%').where('disabled', '=', 0).orderBy('display_name').execute();
      return { items: rows };
    });
  };
