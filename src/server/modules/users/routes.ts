import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { PageQuery } from '../../lib/pagination';
import { actorOf, requirePermission } from '../../plugins/auth';
import { createUser, listUsers, revealPhone, unlockUser, updateUser, UserCreate, UserListQuery, UserUpdate } from './service';

const IdParams = z.object({ id: z.string().min(1) });
const tags = ['系统管理'];

export const userRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/users', { schema: { tags, summary: '用户列表（按权限范围）', querystring: UserListQuery.extend(PageQuery.shape) } }, async (req) => {
      requirePermission(req, 'user.read');
      return listUsers(ctx, actorOf(req), req.query);
    });
    app.post('/api/users', { schema: { tags, summary: '创建用户', body: UserCreate } }, async (req, reply) => {
      requirePermission(req, 'user.manage');
      reply.status(201);
      return createUser(ctx, actorOf(req), req.body);
    });
    app.patch('/api/users/:id', { schema: { tags, summary: '修改用户（姓名、角色、停用）', params: IdParams, body: UserUpdate } }, async (req) => {
      requirePermission(req, 'user.manage');
      return updateUser(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/users/:id/unlock', { schema: { tags, summary: '解除登录锁定', params: IdParams } }, async (req) => {
      requirePermission(req, 'user.manage');
      return unlockUser(ctx, actorOf(req), req.params.id);
    });
    app.post('/api/users/:id/reveal-phone', { schema: { tags, summary: '查看完整手机号（记入审计日志）', params: IdParams } }, async (req) => {
      requirePermission(req, 'user.reveal');
      return revealPhone(ctx, actorOf(req), req.params.id);
    });
  };
