import { z } from 'zod';
import { can } from '../../../domain/access/policy';
import { INDUSTRY_SECTIONS } from '../../../domain/enterprise/industries';
import { matchesTarget, PolicyKind, PolicyTarget } from '../../../domain/enterprise-services/policies';
import type { Actor, AppContext } from '../../context';
import { badRequest, conflict, notFound } from '../../errors';
import { isoNow } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import { regionPrefixCondition, scopeFilter, whereInScope } from '../../policy/scope';
import { auditActor } from '../audit/actor';
import { insertAudit } from '../audit/repo';
import { regionNames } from '../outreach/repo';
import { deliveryCounts, findPolicy } from './repo';

export const PolicyCreate = z.object({
  title: z.string().trim().min(1, '请填写标题').max(200),
  kind: PolicyKind,
  summary: z.string().trim().max(500).optional(),
  body: z.string().trim().min(1, '请填写正文').max(50_000),
  target: PolicyTarget.default({ industries: [], sizes: [], regionIds: [], enterpriseIds: [] }),
});
export type PolicyCreate = z.infer<typeof PolicyCreate>;
export const PolicyUpdate = PolicyCreate.partial();
export type PolicyUpdate = z.infer<typeof PolicyUpdate>;
export const PolicyListQuery = z.object({ status: z.enum(['draft', 'published']).optional(), kind: PolicyKind.optional(), q: z.string().max(50).optional() });
export type PolicyListQuery = z.infer<typeof PolicyListQuery>;
export const InboxQuery = z.object({ unread: z.enum(['true', 'false']).optional() });
export type InboxQuery = z.infer<typeof InboxQuery>;

type PolicyRow = NonNullable<Awaited<ReturnType<typeof findPolicy>>>;

function present(p: PolicyRow, counts: { delivered: number; read: number } | undefined, actor: Actor) {
  const editable = p.status === 'draft' && can(actor.principal, 'policy.publish', { regionId: p.region_id });
  return {
    id: p.id,
    regionId: p.region_id,
    title: p.title,
    kind: p.kind,
    summary: p.summary,
    body: p.body,
    target: PolicyTarget.parse(JSON.parse(p.target_json)),
    status: p.status,
    publishedAt: p.published_at,
    createdAt: p.created_at,
    delivered: counts?.delivered ?? 0,
    read: counts?.read ?? 0,
    abilities: { edit: editable, publish: editable },
  };
}

export async function listPolicies(ctx: AppContext, actor: Actor, q: PolicyListQuery & PageQuery) {
  const filter = scopeFilter(actor.principal, 'policy.read');
  let query = ctx.db.selectFrom('policies').where(whereInScope(filter, { region: 'policies.region_id' }));
  if (q.status) query = query.where('status', '=', q.status);
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (q.q) query = query.where('title', 'like', `%${q.q}%`);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('created_at', 'desc').limit(q.pageSize).offset(pageOffset(q)).execute();
  const counts = await deliveryCounts(ctx.db, rows.map((r) => r.id));
  return { items: rows.map((r) => present(r, counts.get(r.id), actor)), total: Number(total), page: q.page, pageSize: q.pageSize };
}

async function getInScope(ctx: AppContext, actor: Actor, action: 'policy.read' | 'policy.publish', id: string) {
  const filter = scopeFilter(actor.principal, action);
  const p = await ctx.db.selectFrom('policies').selectAll().where('id', '=', id).where(whereInScope(filter, { region: 'policies.region_id' })).executeTakeFirst();
  if (!p) throw notFound('政策');
  return p;
}

export async function getPolicy(ctx: AppContext, actor: Actor, id: string) {
  const p = await getInScope(ctx, actor, 'policy.read', id);
  return present(p, (await deliveryCounts(ctx.db, [id])).get(id), actor);
}

export async function createPolicy(ctx: AppContext, actor: Actor, input: PolicyCreate) {
  const at = isoNow(ctx.clock);
  const id = newId();
  const regionId = actor.principal!.regionId;
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('policies')
      .values({ id, region_id: regionId, title: input.title, kind: input.kind, summary: input.summary ?? null, body: input.body, target_json: JSON.stringify(input.target), status: 'draft', published_at: null, published_by: null, created_by: actor.principal!.id, created_at: at, updated_at: at })
      .execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'policy.create', entityType: 'policy', entityId: id, regionId, summary: `起草政策：${input.title}`, after: { title: input.title, kind: input.kind, target: input.target } });
  });
  return getPolicy(ctx, actor, id);
}

export async function updatePolicy(ctx: AppContext, actor: Actor, id: string, input: PolicyUpdate) {
  const p = await getInScope(ctx, actor, 'policy.publish', id);
  if (p.status !== 'draft') throw conflict('政策已发布，不能修改；可操作：查看送达情况');
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('policies')
      .set({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(input.summary !== undefined ? { summary: input.summary } : {}),
        ...(input.body !== undefined ? { body: input.body } : {}),
        ...(input.target !== undefined ? { target_json: JSON.stringify(input.target) } : {}),
        updated_at: at,
      })
      .where('id', '=', id)
      .execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'policy.update', entityType: 'policy', entityId: id, regionId: p.region_id, before: { title: p.title }, after: input });
  });
  return getPolicy(ctx, actor, id);
}

/** Publishing resolves the target to enterprises once and writes one inbox row per enterprise. */
export async function publishPolicy(ctx: AppContext, actor: Actor, id: string) {
  const p = await getInScope(ctx, actor, 'policy.publish', id);
  if (p.status !== 'draft') throw conflict('政策已发布，不能重复发布');
  const target = PolicyTarget.parse(JSON.parse(p.target_json));
  const candidates = await ctx.db.selectFrom('enterprises').select(['id', 'region_id', 'industry_code', 'size_class']).where(regionPrefixCondition('enterprises.region_id', p.region_id)).execute();
  const recipients = candidates.filter((e) => matchesTarget(target, e, p.region_id));
  if (recipients.length === 0) throw badRequest('没有符合推送范围的企业，请调整推送对象', [{ field: 'target', message: '没有符合推送范围的企业' }]);
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const upd = await trx.updateTable('policies').set({ status: 'published', published_at: at, published_by: actor.principal!.id, updated_at: at }).where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
    if (Number(upd.numUpdatedRows) !== 1) throw conflict('政策已发布，不能重复发布');
    for (let i = 0; i < recipients.length; i += 500) {
      await trx
        .insertInto('policy_deliveries')
        .values(recipients.slice(i, i + 500).map((e) => ({ id: newId(), region_id: e.region_id, policy_id: id, enterprise_id: e.id, delivered_at: at, read_at: null, read_by: null })))
        .execute();
    }
    await insertAudit(trx, { at, ...auditActor(actor), action: 'policy.publish', entityType: 'policy', entityId: id, regionId: p.region_id, summary: `发布政策：${p.title}，推送${recipients.length}家企业`, after: { delivered: recipients.length } });
  });
  return getPolicy(ctx, actor, id);
}

/** Reach statistics: delivered and read, overall, by street and by industry. */
export async function policyReach(ctx: AppContext, actor: Actor, id: string) {
  const p = await getInScope(ctx, actor, 'policy.read', id);
  const rows = await ctx.db
    .selectFrom('policy_deliveries as d')
    .innerJoin('enterprises as e', 'e.id', 'd.enterprise_id')
    .select(['d.region_id', 'd.read_at', 'e.industry_code'])
    .where('d.policy_id', '=', id)
    .execute();
  const names = await regionNames(ctx.db);
  const group = (key: (r: (typeof rows)[number]) => string) => {
    const m = new Map<string, { delivered: number; read: number }>();
    for (const r of rows) {
      const k = key(r);
      const g = m.get(k) ?? { delivered: 0, read: 0 };
      g.delivered++;
      if (r.read_at) g.read++;
      m.set(k, g);
    }
    return [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
  };
  const rate = (g: { delivered: number; read: number }) => (g.delivered ? Math.round((g.read / g.delivered) * 1000) / 1000 : 0);
  const read = rows.filter((r) => r.read_at).length;
  return {
    policyId: p.id,
    delivered: rows.length,
    read,
    readRate: rate({ delivered: rows.length, read }),
    byStreet: group((r) => r.region_id.slice(0, 9)).map(([k, g]) => ({ regionId: k, name: names.get(k) ?? k, ...g, readRate: rate(g) })),
    byIndustry: group((r) => r.industry_code ?? '-').map(([k, g]) => ({ industryCode: k, name: INDUSTRY_SECTIONS[k as keyof typeof INDUSTRY_SECTIONS] ?? '未知', ...g, readRate: rate(g) })),
  };
}

// --- the enterprise user's inbox ---------------------------------------------------------------

function inboxQuery(ctx: AppContext, actor: Actor) {
  const filter = scopeFilter(actor.principal, 'policy.inbox');
  return ctx.db
    .selectFrom('policy_deliveries as d')
    .innerJoin('policies as p', 'p.id', 'd.policy_id')
    .where(whereInScope(filter, { enterprise: 'd.enterprise_id' }));
}

export async function listInbox(ctx: AppContext, actor: Actor, q: InboxQuery & PageQuery) {
  let query = inboxQuery(ctx, actor);
  if (q.unread === 'true') query = query.where('d.read_at', 'is', null);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const { unread } = await inboxQuery(ctx, actor).where('d.read_at', 'is', null).select((eb) => eb.fn.countAll<number>().as('unread')).executeTakeFirstOrThrow();
  const rows = await query.select(['p.id', 'p.title', 'p.kind', 'p.summary', 'd.delivered_at', 'd.read_at']).orderBy('d.delivered_at', 'desc').orderBy('p.id').limit(q.pageSize).offset(pageOffset(q)).execute();
  return {
    items: rows.map((r) => ({ policyId: r.id, title: r.title, kind: r.kind, summary: r.summary, deliveredAt: r.delivered_at, readAt: r.read_at })),
    unread: Number(unread),
    total: Number(total),
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function getInboxItem(ctx: AppContext, actor: Actor, policyId: string) {
  const r = await inboxQuery(ctx, actor).selectAll('p').select(['d.delivered_at', 'd.read_at']).where('p.id', '=', policyId).executeTakeFirst();
  if (!r) throw notFound('政策');
  return { policyId: r.id, title: r.title, kind: r.kind, summary: r.summary, body: r.body, publishedAt: r.published_at, deliveredAt: r.delivered_at, readAt: r.read_at };
}

/** The read receipt: the first read is recorded (and audited); later reads change nothing. */
export async function markRead(ctx: AppContext, actor: Actor, policyId: string) {
  const r = await inboxQuery(ctx, actor).select(['d.id', 'd.read_at', 'd.region_id', 'd.enterprise_id', 'p.title']).where('p.id', '=', policyId).executeTakeFirst();
  if (!r) throw notFound('政策');
  if (r.read_at) return { policyId, readAt: r.read_at };
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('policy_deliveries').set({ read_at: at, read_by: actor.principal!.id }).where('id', '=', r.id).where('read_at', 'is', null).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'policy.read', entityType: 'policy', entityId: policyId, regionId: r.region_id, summary: `企业已阅：${r.title}`, after: { enterpriseId: r.enterprise_id } });
  });
  return { policyId, readAt: at };
}
