import { z } from 'zod';
import type { Actor, AppContext } from '../../context';
import type { DbOrTrx } from '../../db';
import { conflict, fieldError, notFound } from '../../errors';
import { isoNow } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { ENTERPRISE_SCOPE } from '../../policy/enterprise-scope';
import { regionPrefixCondition, scopeFilter, whereInScope } from '../../policy/scope';
import { auditActor } from '../audit/actor';
import { insertAudit } from '../audit/repo';

// The three directories of 双随机、一公开: 随机抽查事项清单, 执法人员名录库, 监管对象名录库 (the enterprise registry).

export const ItemInput = z.object({
  code: z.string().trim().min(1, '请填写事项编码').max(30),
  name: z.string().trim().min(1, '请填写抽查事项').max(200),
  basis: z.string().trim().min(1, '请填写抽查依据').max(500),
  method: z.string().trim().min(1, '请填写检查方式').max(100),
});
export type ItemInput = z.infer<typeof ItemInput>;
export const InspectorInput = z.object({
  name: z.string().trim().min(1, '请填写姓名').max(30),
  certNo: z.string().trim().min(1, '请填写执法证号').max(40),
  unit: z.string().trim().min(1, '请填写所在单位').max(100),
  userId: z.string().optional(),
  conflicts: z.array(z.string().min(1)).max(200).default([]),
});
export type InspectorInput = z.infer<typeof InspectorInput>;
export const InspectorPatch = z.object({ conflicts: z.array(z.string().min(1)).max(200).optional(), active: z.boolean().optional() });
export type InspectorPatch = z.infer<typeof InspectorPatch>;

const scope = (actor: Actor, col: string) => whereInScope(scopeFilter(actor.principal, 'inspection.manage'), { region: col });
/** The street of a region id (district 6 digits + street 3); parks sit under their street. */
export const streetOf = (regionId: string) => regionId.slice(0, 9);

export async function listItems(ctx: AppContext, actor: Actor) {
  const rows = await ctx.db.selectFrom('inspection_items').selectAll().where(scope(actor, 'inspection_items.region_id')).orderBy('code').execute();
  return { items: rows.map((r) => ({ id: r.id, code: r.code, name: r.name, basis: r.basis, method: r.method, active: !!r.active })) };
}

export async function createItem(ctx: AppContext, actor: Actor, input: ItemInput) {
  scopeFilter(actor.principal, 'inspection.manage');
  const regionId = actor.principal!.regionId;
  const dup = await ctx.db.selectFrom('inspection_items').select('id').where('region_id', '=', regionId).where('code', '=', input.code).executeTakeFirst();
  if (dup) throw fieldError('code', '事项编码已存在');
  const at = isoNow(ctx.clock);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('inspection_items').values({ id, region_id: regionId, ...input, active: 1, created_at: at }).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'inspection.item.create', entityType: 'inspectionItem', entityId: id, regionId, summary: `新增随机抽查事项：${input.name}`, after: input });
  });
  return { id, ...input, active: true };
}

async function inspectorNames(db: DbOrTrx, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  return new Map((await db.selectFrom('enterprises').select(['id', 'name']).where('id', 'in', ids).execute()).map((e) => [e.id, e.name]));
}

type InspectorRow = { id: string; name: string; cert_no: string; unit: string; user_id: string | null; conflicts_json: string; active: number; region_id: string };
const presentInspector = (r: InspectorRow, names: Map<string, string>) => {
  const conflicts = JSON.parse(r.conflicts_json) as string[];
  return { id: r.id, name: r.name, certNo: r.cert_no, unit: r.unit, userId: r.user_id, regionId: r.region_id, active: !!r.active, conflicts: conflicts.map((id) => ({ enterpriseId: id, enterpriseName: names.get(id) ?? id })) };
};

export async function listInspectors(ctx: AppContext, actor: Actor) {
  const rows = await ctx.db.selectFrom('inspectors').selectAll().where(scope(actor, 'inspectors.region_id')).orderBy('name').execute();
  const names = await inspectorNames(ctx.db, [...new Set(rows.flatMap((r) => JSON.parse(r.conflicts_json) as string[]))]);
  return { items: rows.map((r) => presentInspector(r, names)) };
}

async function checkConflicts(ctx: AppContext, actor: Actor, ids: string[]) {
  if (ids.length === 0) return;
  const found = await ctx.db.selectFrom('enterprises').select('id').where('id', 'in', ids).where(whereInScope(scopeFilter(actor.principal, 'inspection.manage'), ENTERPRISE_SCOPE)).execute();
  if (found.length !== new Set(ids).size) throw fieldError('conflicts', '回避企业不存在或不在辖区内');
}

export async function createInspector(ctx: AppContext, actor: Actor, input: InspectorInput) {
  scopeFilter(actor.principal, 'inspection.manage');
  await checkConflicts(ctx, actor, input.conflicts);
  const dup = await ctx.db.selectFrom('inspectors').select('id').where('cert_no', '=', input.certNo).executeTakeFirst();
  if (dup) throw conflict('执法证号已在名录库中', { id: dup.id });
  const regionId = actor.principal!.regionId;
  const at = isoNow(ctx.clock);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('inspectors').values({ id, region_id: regionId, user_id: input.userId ?? null, name: input.name, cert_no: input.certNo, unit: input.unit, conflicts_json: JSON.stringify([...new Set(input.conflicts)].sort()), active: 1, created_at: at, updated_at: at }).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'inspection.inspector.create', entityType: 'inspector', entityId: id, regionId, summary: `执法人员名录库新增：${input.name}（${input.certNo}）`, after: input });
  });
  return getInspector(ctx, actor, id);
}

export async function getInspector(ctx: AppContext, actor: Actor, id: string) {
  const r = await ctx.db.selectFrom('inspectors').selectAll().where('id', '=', id).where(scope(actor, 'inspectors.region_id')).executeTakeFirst();
  if (!r) throw notFound('执法人员');
  return presentInspector(r, await inspectorNames(ctx.db, JSON.parse(r.conflicts_json) as string[]));
}

/** Records conflicts of interest (劳动保障监察条例 第十六条第二款: 有直接利害关系的，应当回避) or takes an inspector off the roster. */
export async function updateInspector(ctx: AppContext, actor: Actor, id: string, patch: InspectorPatch) {
  const before = await getInspector(ctx, actor, id);
  if (patch.conflicts) await checkConflicts(ctx, actor, patch.conflicts);
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('inspectors')
      .set({ ...(patch.conflicts ? { conflicts_json: JSON.stringify([...new Set(patch.conflicts)].sort()) } : {}), ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}), updated_at: at })
      .where('id', '=', id)
      .execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'inspection.inspector.update', entityType: 'inspector', entityId: id, regionId: before.regionId, summary: `更新执法人员${before.name}的回避关系或在库状态`, before: { conflicts: before.conflicts.map((c) => c.enterpriseId), active: before.active }, after: patch });
  });
  return getInspector(ctx, actor, id);
}

/** 监管对象名录库: the registered enterprises of a region, by street × industry stratum. */
export async function targetDirectory(db: DbOrTrx, regionId: string) {
  const rows = await db.selectFrom('enterprises').select(['id', 'region_id', 'industry_code']).where(regionPrefixCondition('enterprises.region_id', regionId)).execute();
  return rows.map((r) => ({ id: r.id, street: streetOf(r.region_id), industry: (r.industry_code ?? '-').slice(0, 1) }));
}

export async function targetSummary(ctx: AppContext, actor: Actor) {
  scopeFilter(actor.principal, 'inspection.manage');
  const targets = await targetDirectory(ctx.db, actor.principal!.regionId);
  const regions = new Map((await ctx.db.selectFrom('regions').select(['id', 'name']).execute()).map((r) => [r.id, r.name]));
  const strata = new Map<string, number>();
  for (const t of targets) strata.set(`${t.street}|${t.industry}`, (strata.get(`${t.street}|${t.industry}`) ?? 0) + 1);
  return {
    total: targets.length,
    strata: [...strata.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => {
      const [street, industry] = k.split('|') as [string, string];
      return { stratum: k, street, streetName: regions.get(street) ?? street, industry, count: n };
    }),
  };
}
