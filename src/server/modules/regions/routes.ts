import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OrgUnitKind, REGION_LEVEL_LABELS, type RegionLevel } from '../../../domain/access/roles';
import type { AppContext } from '../../context';
import { requirePermission } from '../../plugins/auth';

export interface RegionNode {
  id: string;
  name: string;
  level: string;
  levelLabel: string;
  parentId: string | null;
  children: RegionNode[];
}

export async function regionTree(ctx: AppContext): Promise<RegionNode[]> {
  const rows = await ctx.db.selectFrom('regions').selectAll().orderBy('sort').orderBy('id').execute();
  const nodes = new Map<string, RegionNode>(
    rows.map((r) => [
      r.id,
      { id: r.id, name: r.name, level: r.level, levelLabel: REGION_LEVEL_LABELS[r.level as RegionLevel] ?? r.level, parentId: r.parent_id, children: [] },
    ]),
  );
  const roots: RegionNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.parentId ? nodes.get(n.parentId) : undefined;
    if (parent) parent.children.push(n);
    else roots.push(n);
  }
  return roots;
}

export const regionRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/regions', { schema: { tags: ['基础数据'], summary: '行政区域树（区 › 街道/镇 › 园区/社区）' } }, async () => {
      return { items: await regionTree(ctx) };
    });
    app.get(
      '/api/org-units',
      { schema: { tags: ['基础数据'], summary: '单位列表', querystring: z.object({ kind: OrgUnitKind.optional() }) } },
      async (req) => {
        requirePermission(req, 'orgUnit.read');
        let q = ctx.db.selectFrom('org_units').select(['id', 'name', 'kind', 'region_id as regionId']).where('kind', '!=', 'enterprise');
        if (req.query.kind) q = q.where('kind', '=', req.query.kind);
        return { items: await q.orderBy('kind').orderBy('name').execute() };
      },
    );
  };
