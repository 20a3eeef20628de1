import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { AppContext } from '../../context';
import { AppError } from '../../errors';

export const healthRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/health', { schema: { tags: ['基础数据'], summary: '健康检查' } }, async () => {
      try {
        await sql`select 1`.execute(ctx.db);
      } catch {
        throw new AppError(503, 'UNAVAILABLE', '数据库不可用');
      }
      return { status: 'ok', database: ctx.dbKind };
    });
  };
