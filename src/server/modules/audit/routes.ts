import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { PageQuery } from '../../lib/pagination';
import { requirePermission } from '../../plugins/auth';
import { searchAudit } from './repo';
import { AuditQuery } from './schemas';

const parse = (v: string | null) => (v === null ? null : (JSON.parse(v) as unknown));

export const auditRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/audit',
      { schema: { tags: ['系统管理'], summary: '审计日志查询（只读，不可修改或删除）', querystring: AuditQuery.extend(PageQuery.shape) } },
      async (req) => {
        requirePermission(req, 'audit.read');
        const { total, rows } = await searchAudit(ctx.db, req.query);
        return {
          items: rows.map((r) => ({
            id: r.id,
            at: r.at,
            actorId: r.actor_id,
            actorName: r.actor_name,
            action: r.action,
            entityType: r.entity_type,
            entityId: r.entity_id,
            regionId: r.region_id,
            summary: r.summary,
            before: parse(r.before_json),
            after: parse(r.after_json),
            ip: r.ip,
          })),
          total,
          page: req.query.page,
          pageSize: req.query.pageSize,
        };
      },
    );
  };
