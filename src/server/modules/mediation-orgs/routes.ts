import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { PageQuery } from '../../lib/pagination';
import { actorOf, requirePermission } from '../../plugins/auth';
import {
  createMediator,
  createOrg,
  listMediators,
  listOrgs,
  listPublicMediators,
  MediatorCreate,
  MediatorQuery,
  MediatorUpdate,
  OrgCreate,
  OrgQuery,
  OrgUpdate,
  updateMediator,
  updateOrg,
} from './service';

const IdParams = z.object({ id: z.string().min(1) });
const tags = ['调解组织'];

export const mediationOrgRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/public/mediation-orgs',
      { schema: { tags, summary: '调解组织公开名录', querystring: OrgQuery.extend(PageQuery.shape) } },
      async (req) => listOrgs(ctx, req.query),
    );
    app.get(
      '/api/public/mediators',
      { schema: { tags, summary: '调解员公开名录（姓名、所属组织、擅长领域）', querystring: MediatorQuery.extend(PageQuery.shape) } },
      async (req) => listPublicMediators(ctx, req.query),
    );
    app.get(
      '/api/mediation-orgs',
      { schema: { tags, summary: '调解组织列表', querystring: OrgQuery.extend(PageQuery.shape) } },
      async (req) => {
        requirePermission(req, 'mediationOrg.read');
        return listOrgs(ctx, req.query);
      },
    );
    app.post('/api/mediation-orgs', { schema: { tags, summary: '设立调解组织', body: OrgCreate } }, async (req, reply) => {
      requirePermission(req, 'mediationOrg.manage');
      reply.status(201);
      return createOrg(ctx, actorOf(req), req.body);
    });
    app.patch(
      '/api/mediation-orgs/:id',
      { schema: { tags, summary: '修改调解组织（含规范化、金牌认定日期）', params: IdParams, body: OrgUpdate } },
      async (req) => {
        requirePermission(req, 'mediationOrg.manage');
        return updateOrg(ctx, actorOf(req), req.params.id, req.body);
      },
    );
    app.get(
      '/api/mediators',
      { schema: { tags, summary: '调解员名册（证书、在册状态）', querystring: MediatorQuery.extend(PageQuery.shape) } },
      async (req) => {
        requirePermission(req, 'mediationOrg.manage');
        return listMediators(ctx, actorOf(req), req.query);
      },
    );
    app.post('/api/mediators', { schema: { tags, summary: '登记调解员', body: MediatorCreate } }, async (req, reply) => {
      requirePermission(req, 'mediationOrg.manage');
      reply.status(201);
      return createMediator(ctx, actorOf(req), req.body);
    });
    app.patch(
      '/api/mediators/:id',
      { schema: { tags, summary: '修改调解员（擅长领域、证书、离任）', params: IdParams, body: MediatorUpdate } },
      async (req) => {
        requirePermission(req, 'mediationOrg.manage');
        return updateMediator(ctx, actorOf(req), req.params.id, req.body);
      },
    );
  };
