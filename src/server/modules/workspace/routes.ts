import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { requirePermission } from '../../plugins/auth';
import { workspaceFor } from './service';

export const workspaceRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/workspace', { schema: { tags: ['工作台'], summary: '当前用户的工作台数据' } }, async (req) => {
      const p = requirePermission(req, 'workspace.read');
      return workspaceFor(ctx, p);
    });
  };
