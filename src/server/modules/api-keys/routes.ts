import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { actorOf, requirePermission } from '../../plugins/auth';
import { ApiKeyCreate, createApiKey, listApiKeys, revokeApiKey } from './service';

export const apiKeyRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/api-keys', { schema: { tags: ['系统管理'], summary: 'API密钥列表' } }, async (req) => {
      requirePermission(req, 'apiKey.manage');
      return { items: await listApiKeys(ctx) };
    });
    app.post('/api/api-keys', { schema: { tags: ['系统管理'], summary: '创建API密钥（仅返回一次明文）', body: ApiKeyCreate } }, async (req, reply) => {
      requirePermission(req, 'apiKey.manage');
      reply.status(201);
      return createApiKey(ctx, req.body, actorOf(req));
    });
    app.post('/api/api-keys/:id/revoke', { schema: { tags: ['系统管理'], summary: '吊销API密钥', params: z.object({ id: z.string() }) } }, async (req) => {
      requirePermission(req, 'apiKey.manage');
      return revokeApiKey(ctx, req.params.id, actorOf(req));
    });
  };
