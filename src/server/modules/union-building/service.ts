import { sql } from 'kysely';
import { can, isInRegion } from '../../../domain/access/policy';
import { addDays } from '../../../domain/contracts/dates';
import { canMoveTo, NEW_ENTERPRISE_DAYS, UNION_STAGE_LABELS, UNION_STAGE_TRANSITIONS, type UnionStage } from '../../../domain/contracts/union-building';
import type { Actor, AppContext } from '../../context';
import { AppError, fieldError, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import { regionPrefixCondition, scopeFilter, whereInScope } from '../../policy/scope';
import { insertAudit } from '../audit/repo';
import { audit } from '../contracts/service';
import type { PipelineQuery, PipelineUpdate, SummaryQuery, TargetsSet } from './schemas';

/**
 * Enterprises without a union in the user's region, straight from the registry: a newly registered
 * enterprise appears here as soon as it is in `enterprises` (seed 002 二(三)1), flagged as new.
 */
export async function listWithoutUnion(ctx: AppContext, actor: Actor, q: PipelineQuery & PageQuery) {
  const filter = scopeFilter(actor.principal, 'unionBuilding.read');
  const today = todayInChina(ctx.clock);
  const newSince = addDays(today, -NEW_ENTERPRISE_DAYS);
  let query = ctx.db
    .selectFrom('enterprises as e')
    .leftJoin('union_building as u', 'u.enterprise_id', 'e.id')
    .where(whereInScope(filter, { region: 'e.region_id' }))
    .where((eb) => eb.or([eb('e.union_established', '=', 0), eb('u.stage', '=', 'established')]));
  if (q.regionId) query = query.where(regionPrefixCondition('e.region_id', q.regionId));
  if (q.stage === 'not_started') query = query.where((eb) => eb.or([eb('u.stage', 'is', null), eb('u.stage', '=', 'not_started')])).where('e.union_established', '=', 0);
  else if (q.stage) query = query.where('u.stage', '=', q.stage);
  else query = query.where('e.union_established', '=', 0);
  if (q.newOnly === '1' || q.newOnly === 'true') query = query.where('e.registered_on', '>=', newSince);
  if (q.q) query = query.where('e.name', 'like', `%${q.q}%`);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .select(['e.id', 'e.name', 'e.region_id', 'e.industry_code', 'e.headcount', 'e.registered_on', 'e.union_established', 'u.stage', 'u.preparing_on', 'u.established_on', 'u.responsible', 'u.notes', 'u.updated_at'])
    .orderBy('e.registered_on', 'desc')
    .orderBy('e.id')
    .limit(q.pageSize)
    .offset(pageOffset(q))
    .execute();
  const regions = new Map((await ctx.db.selectFrom('regions').select(['id', 'name']).execute()).map((r) => [r.id, r.name]));
  const manage = (regionId: string) => can(actor.principal, 'unionBuilding.manage', { regionId });
  return {
    items: rows.map((r) => {
      const stage = (r.stage ?? 'not_started') as UnionStage;
      return {
        enterpriseId: r.id,
        name: r.name,
        regionId: r.region_id,
        regionName: regions.get(r.region_id) ?? null,
        industryCode: r.industry_code,
        headcount: r.headcount,
        registeredOn: r.registered_on,
        isNew: !!r.registered_on && r.registered_on >= newSince,
        stage,
        stageLabel: UNION_STAGE_LABELS[stage],
        preparingOn: r.preparing_on,
        establishedOn: r.established_on,
        responsible: r.responsible,
        notes: r.notes,
        nextStages: manage(r.region_id) ? UNION_STAGE_TRANSITIONS[stage] : [],
      };
    }),
    total: Number(total),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Moves an enterprise along not started → preparing → established; establishing sets the registry's union fields. */
export async function updatePipeline(ctx: AppContext, actor: Actor, enterpriseId: string, input: PipelineUpdate) {
  const ent = await ctx.db.selectFrom('enterprises').selectAll().where('id', '=', enterpriseId).executeTakeFirst();
  if (!ent || !can(actor.principal, 'unionBuilding.read', { regionId: ent.region_id })) throw notFound('企业');
  const row = await ctx.db.selectFrom('union_building').selectAll().where('enterprise_id', '=', enterpriseId).executeTakeFirst();
  const from = (row?.stage ?? (ent.union_established ? 'established' : 'not_started')) as UnionStage;
  if (from !== input.stage && !canMoveTo(from, input.stage)) {
    throw new AppError(409, 'INVALID_TRANSITION', `“${UNION_STAGE_LABELS[from]}”不能改为“${UNION_STAGE_LABELS[input.stage]}”（可改为：${UNION_STAGE_TRANSITIONS[from].map((s) => UNION_STAGE_LABELS[s]).join('、') || '无'}）`, undefined, { allowed: UNION_STAGE_TRANSITIONS[from] });
  }
  const today = todayInChina(ctx.clock);
  if (input.establishedOn && input.establishedOn > today) throw fieldError('establishedOn', '建会日期不能晚于今天');
  const at = isoNow(ctx.clock);
  const values = {
    stage: input.stage,
    preparing_on: input.preparingOn ?? row?.preparing_on ?? (input.stage === 'preparing' ? today : null),
    established_on: input.stage === 'established' ? input.establishedOn! : null,
    responsible: input.responsible ?? row?.responsible ?? null,
    notes: input.notes ?? row?.notes ?? null,
    updated_at: at,
  };
  await ctx.db.transaction().execute(async (trx) => {
    if (row) await trx.updateTable('union_building').set(values).where('id', '=', row.id).execute();
    else await trx.insertInto('union_building').values({ id: newId(), enterprise_id: enterpriseId, region_id: ent.region_id, created_at: at, ...values }).execute();
    if (input.stage === 'established' && from !== 'established') {
      await trx
        .updateTable('enterprises')
        .set({ union_established: 1, union_established_on: input.establishedOn!, union_chair: input.unionChair ?? ent.union_chair, union_members: input.unionMembers ?? ent.union_members, updated_at: at, version: sql`version + 1` })
        .where('id', '=', enterpriseId)
        .execute();
      await insertAudit(trx, { at, ...audit(actor), action: 'enterprise.union.establish', entityType: 'enterprise', entityId: enterpriseId, regionId: ent.region_id, summary: `${ent.name} 建立工会`, before: { unionEstablished: false }, after: { unionEstablished: true, unionEstablishedOn: input.establishedOn, unionChair: input.unionChair ?? null, unionMembers: input.unionMembers ?? null } });
    }
    await insertAudit(trx, { at, ...audit(actor), action: 'unionBuilding.update', entityType: 'union_building', entityId: enterpriseId, regionId: ent.region_id, before: { stage: from }, after: input });
  });
  return { enterpriseId, stage: input.stage, stageLabel: UNION_STAGE_LABELS[input.stage], preparingOn: values.preparing_on, establishedOn: values.established_on, responsible: values.responsible, notes: values.notes };
}

/** By street/town (or park): enterprises without a union, how many are preparing, new unions in the year against the target. */
export async function unionBuildingSummary(ctx: AppContext, actor: Actor, q: SummaryQuery) {
  const filter = scopeFilter(actor.principal, 'unionBuilding.read');
  const base = filter.kind === 'region' ? filter.regionId : actor.principal!.regionId;
  const today = todayInChina(ctx.clock);
  const year = q.year ?? Number(today.slice(0, 4));
  const newSince = addDays(today, -NEW_ENTERPRISE_DAYS);
  const levels = q.by === 'park' ? ['park'] : ['street', 'town'];
  const regions = await ctx.db.selectFrom('regions').select(['id', 'name']).where('level', 'in', levels).where(regionPrefixCondition('regions.id', base)).orderBy('sort').orderBy('id').execute();
  const rows = await ctx.db
    .selectFrom('enterprises as e')
    .leftJoin('union_building as u', 'u.enterprise_id', 'e.id')
    .where(regionPrefixCondition('e.region_id', base))
    .select((eb) => [
      'e.region_id',
      eb.fn.countAll<number>().as('enterprises'),
      eb.fn.sum<number>(sql`case when e.union_established = 0 then 1 else 0 end`).as('withoutUnion'),
      eb.fn.sum<number>(sql`case when e.union_established = 0 and e.registered_on >= ${newSince} then 1 else 0 end`).as('newWithoutUnion'),
      eb.fn.sum<number>(sql`case when e.union_established = 0 and u.stage = 'preparing' then 1 else 0 end`).as('preparing'),
      eb.fn.sum<number>(sql`case when e.union_established = 1 and e.union_established_on >= ${`${year}-01-01`} and e.union_established_on <= ${`${year}-12-31`} then 1 else 0 end`).as('established'),
    ])
    .groupBy('e.region_id')
    .execute();
  const targets = await ctx.db.selectFrom('union_targets').select(['region_id', 'target']).where('year', '=', year).where(regionPrefixCondition('union_targets.region_id', base)).execute();
  const keys = ['enterprises', 'withoutUnion', 'newWithoutUnion', 'preparing', 'established'] as const;
  const items = regions.map((g) => {
    const f = Object.fromEntries(keys.map((k) => [k, rows.filter((r) => r.region_id.startsWith(g.id)).reduce((s, r) => s + Number(r[k] ?? 0), 0)])) as Record<(typeof keys)[number], number>;
    const target = targets.find((t) => t.region_id === g.id)?.target ?? null;
    return { regionId: g.id, name: g.name, ...f, target, completion: target ? Math.round((f.established / target) * 1000) / 10 : null };
  });
  const totals = Object.fromEntries(keys.map((k) => [k, rows.reduce((s, r) => s + Number(r[k] ?? 0), 0)]));
  const targetTotal = targets.filter((t) => regions.some((r) => r.id === t.region_id)).reduce((s, t) => s + t.target, 0);
  return { year, regionId: base, by: q.by, totals: { ...totals, target: targetTotal }, items };
}

export async function setTargets(ctx: AppContext, actor: Actor, input: TargetsSet) {
  const filter = scopeFilter(actor.principal, 'unionBuilding.manage');
  const at = isoNow(ctx.clock);
  const known = new Set((await ctx.db.selectFrom('regions').select('id').where('id', 'in', input.items.map((i) => i.regionId)).execute()).map((r) => r.id));
  input.items.forEach((it, i) => {
    if (!known.has(it.regionId)) throw fieldError(`items.${i}.regionId`, '区域不存在');
    if (filter.kind === 'region' && !isInRegion(it.regionId, filter.regionId)) throw fieldError(`items.${i}.regionId`, '区域不在您的管辖范围内');
  });
  await ctx.db.transaction().execute(async (trx) => {
    for (const it of input.items) {
      const ex = await trx.selectFrom('union_targets').select('id').where('region_id', '=', it.regionId).where('year', '=', input.year).executeTakeFirst();
      if (ex) await trx.updateTable('union_targets').set({ target: it.target, updated_at: at }).where('id', '=', ex.id).execute();
      else await trx.insertInto('union_targets').values({ id: newId(), region_id: it.regionId, year: input.year, target: it.target, created_at: at, updated_at: at }).execute();
    }
    await insertAudit(trx, { at, ...audit(actor), action: 'unionBuilding.targets', entityType: 'union_target', entityId: String(input.year), regionId: actor.principal!.regionId, after: input });
  });
  return unionBuildingSummary(ctx, actor, { year: input.year, by: 'street' });
}
