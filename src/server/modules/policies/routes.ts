import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { PageQuery } from '../../lib/pagination';
import { actorOf, requirePermission } from '../../plugins/auth';
import { createPolicy, getInboxItem, getPolicy, InboxQuery, listInbox, listPolicies, markRead, policyReach, PolicyCreate, PolicyListQuery, PolicyUpdate, publishPolicy, updatePolicy } from './service';

const IdParams = z.object({ id: z.string().min(1) });
const tags = ['企业服务·政策推送'];

export const policyRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/policies', { schema: { tags, summary: '政策库（本区域）', querystring: PolicyListQuery.extend(PageQuery.shape) } }, async (req) => {
      requirePermission(req, 'policy.read');
      return listPolicies(ctx, actorOf(req), req.query);
    });
    app.post('/api/policies', { schema: { tags, summary: '起草政策（汇编、指南、风险提示）', body: PolicyCreate } }, async (req, reply) => {
      requirePermission(req, 'policy.publish');
      reply.status(201);
      return createPolicy(ctx, actorOf(req), req.body);
    });
    app.get('/api/policies/:id', { schema: { tags, summary: '政策详情', params: IdParams } }, async (req) => {
      requirePermission(req, 'policy.read');
      return getPolicy(ctx, actorOf(req), req.params.id);
    });
    app.patch('/api/policies/:id', { schema: { tags, summary: '修改草稿', params: IdParams, body: PolicyUpdate } }, async (req) => {
      requirePermission(req, 'policy.publish');
      return updatePolicy(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/policies/:id/publish', { schema: { tags, summary: '发布并按行业、规模、街道或名单推送', params: IdParams } }, async (req) => {
      requirePermission(req, 'policy.publish');
      return publishPolicy(ctx, actorOf(req), req.params.id);
    });
    app.get('/api/policies/:id/reach', { schema: { tags, summary: '送达与阅读统计', params: IdParams } }, async (req) => {
      requirePermission(req, 'policy.read');
      return policyReach(ctx, actorOf(req), req.params.id);
    });
    app.get('/api/policy-inbox', { schema: { tags, summary: '企业政策收件箱', querystring: InboxQuery.extend(PageQuery.shape) } }, async (req) => {
      requirePermission(req, 'policy.inbox');
      return listInbox(ctx, actorOf(req), req.query);
    });
    app.get('/api/policy-inbox/:id', { schema: { tags, summary: '收件箱中的政策全文', params: IdParams } }, async (req) => {
      requirePermission(req, 'policy.inbox');
      return getInboxItem(ctx, actorOf(req), req.params.id);
    });
    app.post('/api/policy-inbox/:id/read', { schema: { tags, summary: '阅读回执', params: IdParams } }, async (req) => {
      requirePermission(req, 'policy.inbox');
      return markRead(ctx, actorOf(req), req.params.id);
    });
  };
