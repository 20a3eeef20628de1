import { sql } from 'kysely';
import { can } from '../../../domain/access/policy';
import { INDUSTRY_SECTIONS, SIZE_CLASSES, type IndustryCode, type SizeClass } from '../../../domain/enterprise/industries';
import type { Actor, AppContext } from '../../context';
import { conflict, fieldError, forbidden } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { inForce } from '../contracts/repo';
import { newId } from '../../lib/ids';
import { regionPrefixCondition, scopeFilter, whereInScope } from '../../policy/scope';
import { insertAudit } from '../audit/repo';
import { ENTERPRISE_SCOPE, regionNames } from './repo';
import { principalOf } from './service';

const rate = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 1000) / 1000 : 0);

interface Bucket {
  enterprises: number;
  unions: number;
  workers: number;
  members: number;
}
const add = (m: Map<string, Bucket>, k: string, r: Bucket) => {
  const b = m.get(k) ?? { enterprises: 0, unions: 0, workers: 0, members: 0 };
  b.enterprises += r.enterprises;
  b.unions += r.unions;
  b.workers += r.workers;
  b.members += r.members;
  m.set(k, b);
};
const withRates = (b: Bucket) => ({ ...b, unionRate: rate(b.unions, b.enterprises), memberRate: rate(b.members, b.workers) });

/** The union-brain figures (工会大脑) for the user's region, or a sub-region of it. */
export async function enterpriseDashboard(ctx: AppContext, actor: Actor, q: { regionId?: string; year?: number }) {
  const p = principalOf(actor);
  const filter = scopeFilter(p, 'enterprise.dashboard');
  const regionId = q.regionId ?? (filter.kind === 'region' ? filter.regionId : undefined);
  if (q.regionId && !can(p, 'enterprise.dashboard', { regionId: q.regionId, assignedUserId: p.id })) throw forbidden('该区域不在您的管辖范围内');
  const scoped = (db: typeof ctx.db) => {
    let b = db.selectFrom('enterprises').where(whereInScope(filter, ENTERPRISE_SCOPE));
    if (regionId) b = b.where(regionPrefixCondition('enterprises.region_id', regionId));
    return b;
  };
  const today = todayInChina(ctx.clock);
  // One index-only scan of enterprises_dashboard: every breakdown is a roll-up of (region, industry, size) groups.
  const groups = await scoped(ctx.db)
    .select((eb) => [
      'region_id',
      'industry_code',
      'size_class',
      eb.fn.countAll<number>().as('enterprises'),
      eb.fn.sum<number>('union_established').as('unions'),
      eb.fn.sum<number>('headcount').as('workers'),
      eb.fn.sum<number>(sql`case when union_established = 1 then coalesce(union_members, 0) else 0 end`).as('members'),
      eb.fn.sum<number>('is_key').as('key'),
    ])
    .groupBy(['region_id', 'industry_code', 'size_class'])
    .execute();
  // 集体合同覆盖: an in-force comprehensive collective contract binds the enterprise (collective-contract module).
  // Counted from the (small) contract side joined to the scoped enterprises — a per-enterprise EXISTS made the
  // roll-up above 100,000 correlated subqueries.
  const covered = await scoped(ctx.db)
    .where(
      'enterprises.id',
      'in',
      ctx.db
        .selectFrom('collective_contract_enterprises as b')
        .innerJoin('collective_contracts as c', 'c.id', 'b.contract_id')
        .select('b.enterprise_id')
        .where('c.kind', '=', 'comprehensive')
        .where(inForce(today, 'c')),
    )
    .select((eb) => [eb.fn.countAll<number>().as('contracts'), eb.fn.sum<number>('union_established').as('unionContracts')])
    .executeTakeFirst();
  const regions = await regionNames(ctx.db);
  const total: Bucket = { enterprises: 0, unions: 0, workers: 0, members: 0 };
  let key = 0;
  const contracts = Number(covered?.contracts ?? 0);
  const unionContracts = Number(covered?.unionContracts ?? 0);
  const byStreet = new Map<string, Bucket>();
  const byPark = new Map<string, Bucket>();
  const byIndustry = new Map<string, Bucket>();
  const bySize = new Map<string, Bucket>();
  for (const g of groups) {
    const b = { enterprises: Number(g.enterprises), unions: Number(g.unions ?? 0), workers: Number(g.workers ?? 0), members: Number(g.members ?? 0) };
    total.enterprises += b.enterprises;
    total.unions += b.unions;
    total.workers += b.workers;
    total.members += b.members;
    key += Number(g.key ?? 0);
    add(byStreet, g.region_id.slice(0, 9), b);
    if (regions.get(g.region_id)?.level === 'park') add(byPark, g.region_id, b);
    add(byIndustry, g.industry_code ?? '', b);
    add(bySize, g.size_class ?? '', b);
  }
  const named = (m: Map<string, Bucket>, name: (k: string) => string) =>
    [...m.entries()].map(([id, b]) => ({ id, name: name(id), ...withRates(b) }));
  const year = q.year ?? Number(todayInChina(ctx.clock).slice(0, 4));
  return {
    region: regionId ? { id: regionId, name: regions.get(regionId)?.name ?? regionId } : null,
    totals: {
      ...withRates(total),
      keyEnterprises: key,
      collectiveContracts: contracts,
      collectiveContractCoverage: total.unions > 0 && contracts > 0 ? rate(unionContracts, total.unions) : null,
    },
    byStreet: named(byStreet, (k) => regions.get(k)?.name ?? k).sort((a, b) => a.id.localeCompare(b.id)),
    byPark: named(byPark, (k) => regions.get(k)?.name ?? k).sort((a, b) => b.enterprises - a.enterprises),
    byIndustry: named(byIndustry, (k) => (k ? (INDUSTRY_SECTIONS[k as IndustryCode] ?? k) : '未填写')).sort((a, b) => b.enterprises - a.enterprises),
    bySize: (['large', 'medium', 'small', 'micro', ''] as const)
      .filter((k) => bySize.has(k))
      .map((k) => ({ id: k, name: k ? SIZE_CLASSES[k as SizeClass] : '未填写', ...withRates(bySize.get(k)!) })),
    headcountTrend: await headcountTrend(ctx, filter, regionId),
    unionTargets: await unionTargetsFor(ctx, filter, regionId ?? p.regionId, year),
    generatedAt: isoNow(ctx.clock),
  };
}

/**
 * Total headcount per month, carrying each enterprise's latest report forward: every record stores its
 * change from the enterprise's previous record (`delta`), and the running sum of those changes is the
 * district total at the end of each month — so a month in which few enterprises report does not dip.
 */
async function headcountTrend(ctx: AppContext, filter: ReturnType<typeof scopeFilter>, regionId: string | undefined) {
  let q = ctx.db.selectFrom('headcount_records');
  if (filter.kind === 'region' || filter.kind === 'all') {
    if (regionId) q = q.where(regionPrefixCondition('headcount_records.region_id', regionId));
  } else {
    q = q.where('enterprise_id', 'in', ctx.db.selectFrom('enterprises').select('id').where(whereInScope(filter, ENTERPRISE_SCOPE)));
  }
  // Grouped by date (an index-ordered scan), rolled up to months here.
  const rows = await q
    .select((eb) => ['as_of', eb.fn.sum<number>(sql`coalesce(delta, headcount)`).as('change')])
    .groupBy('as_of')
    .orderBy('as_of')
    .execute();
  const months = new Map<string, number>();
  for (const r of rows) months.set(r.as_of.slice(0, 7), (months.get(r.as_of.slice(0, 7)) ?? 0) + Number(r.change ?? 0));
  let running = 0;
  const out = [...months.entries()].map(([period, change]) => ({ period, headcount: (running += change) }));
  return out.slice(-24);
}

/** Yearly union-establishment target (建会任务) per street against the unions actually established that year. */
export async function unionTargetsFor(ctx: AppContext, filter: ReturnType<typeof scopeFilter>, regionId: string, year: number) {
  const regions = await regionNames(ctx.db);
  const streets = [...regions.values()].filter((r) => (r.level === 'street' || r.level === 'town') && r.id.startsWith(regionId.slice(0, 9))).sort((a, b) => a.id.localeCompare(b.id));
  const targets = await ctx.db.selectFrom('union_targets').select(['region_id', 'target']).where('year', '=', year).where(regionPrefixCondition('union_targets.region_id', regionId.slice(0, 9))).execute();
  const street = sql<string>`substr(region_id, 1, 9)`;
  const actual = await ctx.db
    .selectFrom('enterprises')
    .where(whereInScope(filter, ENTERPRISE_SCOPE))
    .where(regionPrefixCondition('enterprises.region_id', regionId))
    .where('union_established', '=', 1)
    .where('union_established_on', '>=', `${year}-01-01`)
    .where('union_established_on', '<=', `${year}-12-31`)
    .select((eb) => [street.as('street'), eb.fn.countAll<number>().as('n')])
    .groupBy(street)
    .execute();
  const t = new Map(targets.map((r) => [r.region_id, Number(r.target)]));
  const a = new Map(actual.map((r) => [r.street, Number(r.n)]));
  const items = streets.map((s) => ({ regionId: s.id, name: s.name, target: t.get(s.id) ?? null, actual: a.get(s.id) ?? 0 }));
  return {
    year,
    items,
    totalTarget: items.reduce((s, i) => s + (i.target ?? 0), 0),
    totalActual: items.reduce((s, i) => s + i.actual, 0),
  };
}

export async function setUnionTarget(ctx: AppContext, actor: Actor, input: { regionId: string; year: number; target: number }) {
  const p = principalOf(actor);
  const region = await ctx.db.selectFrom('regions').select(['id', 'level', 'name']).where('id', '=', input.regionId).executeTakeFirst();
  if (!region || !['street', 'town'].includes(region.level)) throw fieldError('regionId', '建会任务按街道（镇）设定');
  if (!can(p, 'unionTarget.manage', { regionId: input.regionId })) throw forbidden('该街道（镇）不在您的管辖范围内');
  const at = isoNow(ctx.clock);
  const before = await ctx.db.selectFrom('union_targets').selectAll().where('region_id', '=', input.regionId).where('year', '=', input.year).executeTakeFirst();
  await ctx.db.transaction().execute(async (trx) => {
    if (before) await trx.updateTable('union_targets').set({ target: input.target, updated_by: p.id, updated_at: at }).where('id', '=', before.id).execute();
    else
      await trx
        .insertInto('union_targets')
        .values({ id: newId(), region_id: input.regionId, year: input.year, target: input.target, updated_by: p.id, updated_at: at })
        .execute()
        .catch((err: unknown) => {
          if (/unique|duplicate/i.test(String(err))) throw conflict('该年度建会任务已被他人设定，请刷新后重试');
          throw err;
        });
    await insertAudit(trx, { at, actorId: p.id, actorName: p.displayName, ip: actor.ip, action: 'unionTarget.set', entityType: 'union_target', entityId: `${input.regionId}:${input.year}`, regionId: input.regionId, summary: `设定${region.name}${input.year}年建会任务 ${input.target} 家`, before: before ? { target: before.target } : null, after: { target: input.target } });
  });
  return { regionId: input.regionId, name: region.name, year: input.year, target: input.target };
}
