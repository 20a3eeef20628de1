import { sql } from 'kysely';
import { isInRegion } from '../../../domain/access/policy';
import { addDays, daysBetween } from '../../../domain/contracts/dates';
import { INDUSTRY_SECTIONS, type IndustryCode } from '../../../domain/enterprise/industries';
import type { Actor, AppContext } from '../../context';
import { fieldError, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import { regionPrefixCondition, scopeFilter } from '../../policy/scope';
import { insertAudit } from '../audit/repo';
import { presentContract } from './present';
import { contractInScope, inForce } from './repo';
import type { CoverageQuery, MinimumWageSet } from './schemas';
import { audit, isReviewer } from './service';

const pct = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 1000) / 10);

function covered(kind: string, today: string) {
  return sql<number>`case when exists (select 1 from collective_contract_enterprises b inner join collective_contracts c on c.id = b.contract_id where b.enterprise_id = e.id and c.kind = ${kind} and ${inForce(today, 'c')}) then 1 else 0 end`;
}

interface Figures {
  enterprises: number;
  unionized: number;
  withContract: number;
  femaleSpecial: number;
  wageSpecial: number;
  anyContract: number;
}
const zero = (): Figures => ({ enterprises: 0, unionized: 0, withContract: 0, femaleSpecial: 0, wageSpecial: 0, anyContract: 0 });
const withRates = (f: Figures) => ({ ...f, contractRate: pct(f.withContract, f.unionized), femaleRate: pct(f.femaleSpecial, f.unionized), wageRate: pct(f.wageSpecial, f.unionized) });

/**
 * Coverage of collective contracts in the user's region: unionized enterprises bound by an in-force
 * comprehensive contract, by a female workers' special contract, by a wage special contract (each
 * out of the unionized enterprises), grouped by street/town, park or industry.
 */
export async function contractCoverage(ctx: AppContext, actor: Actor, q: CoverageQuery) {
  const filter = scopeFilter(actor.principal, 'contract.coverage');
  const p = actor.principal!;
  const base = q.regionId ?? p.regionId;
  if (filter.kind === 'region' && !isInRegion(base, filter.regionId)) throw notFound('区域');
  const today = todayInChina(ctx.clock);
  const rows = await ctx.db
    .selectFrom('enterprises as e')
    .where(regionPrefixCondition('e.region_id', base))
    .select((eb) => [
      'e.region_id',
      'e.industry_code',
      eb.fn.countAll<number>().as('enterprises'),
      eb.fn.sum<number>('e.union_established').as('unionized'),
      eb.fn.sum<number>(sql`case when e.union_established = 1 then ${covered('comprehensive', today)} else 0 end`).as('withContract'),
      eb.fn.sum<number>(sql`case when e.union_established = 1 then ${covered('female', today)} else 0 end`).as('femaleSpecial'),
      eb.fn.sum<number>(sql`case when e.union_established = 1 then ${covered('wage', today)} else 0 end`).as('wageSpecial'),
      eb.fn.sum<number>(sql`case when exists (select 1 from collective_contract_enterprises b inner join collective_contracts c on c.id = b.contract_id where b.enterprise_id = e.id and ${inForce(today, 'c')}) then 1 else 0 end`).as('anyContract'),
    ])
    .groupBy(['e.region_id', 'e.industry_code'])
    .execute();
  const keys: (keyof Figures)[] = ['enterprises', 'unionized', 'withContract', 'femaleSpecial', 'wageSpecial', 'anyContract'];
  const add = (into: Figures, r: (typeof rows)[number]) => keys.forEach((k) => (into[k] += Number(r[k] ?? 0)));
  const totals = zero();
  rows.forEach((r) => add(totals, r));
  let groups: { key: string; name: string; match: (r: (typeof rows)[number]) => boolean }[];
  if (q.by === 'industry') {
    const codes = [...new Set(rows.map((r) => r.industry_code ?? ''))].sort();
    groups = codes.map((c) => ({ key: c || 'none', name: INDUSTRY_SECTIONS[c as IndustryCode] ?? '未分类', match: (r) => (r.industry_code ?? '') === c }));
  } else {
    const levels = q.by === 'park' ? ['park'] : ['street', 'town'];
    const regions = await ctx.db.selectFrom('regions').select(['id', 'name']).where('level', 'in', levels).where(regionPrefixCondition('regions.id', base)).orderBy('sort').orderBy('id').execute();
    groups = regions.map((g) => ({ key: g.id, name: g.name, match: (r) => r.region_id.startsWith(g.id) }));
  }
  const items = groups.map((g) => {
    const f = zero();
    rows.filter(g.match).forEach((r) => add(f, r));
    return { key: g.key, name: g.name, ...withRates(f) };
  });
  return { asOf: today, regionId: base, by: q.by, totals: withRates(totals), items };
}

/** Contracts in force that end within `days` days, with whether a renewal has been started. */
export async function expiringContracts(ctx: AppContext, actor: Actor, days: number, q: PageQuery) {
  const filter = scopeFilter(actor.principal, 'contract.read');
  const today = todayInChina(ctx.clock);
  const until = addDays(today, days);
  const query = ctx.db
    .selectFrom('collective_contracts')
    .where(contractInScope(filter))
    .where(inForce(today))
    .where('term_end', '>=', today)
    .where('term_end', '<=', until);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('term_end').orderBy('id').limit(q.pageSize).offset(pageOffset(q)).execute();
  const ids = rows.map((r) => r.id);
  const negs = ids.length ? await ctx.db.selectFrom('collective_negotiations').select(['id', 'previous_contract_id', 'status']).where('previous_contract_id', 'in', ids).execute() : [];
  const news = ids.length ? await ctx.db.selectFrom('collective_contracts').select(['id', 'previous_contract_id']).where('previous_contract_id', 'in', ids).execute() : [];
  const ents = await ctx.db.selectFrom('enterprises').select(['id', 'name']).where('id', 'in', [...rows.map((r) => r.enterprise_id ?? ''), '']).execute();
  const reviewer = await isReviewer(ctx, actor.principal);
  return {
    items: rows.map((r) => ({
      ...presentContract(r, actor.principal, today, reviewer, { enterpriseName: ents.find((e) => e.id === r.enterprise_id)?.name }),
      daysLeft: daysBetween(today, r.term_end!),
      renewal: {
        negotiationId: negs.find((n) => n.previous_contract_id === r.id)?.id ?? null,
        contractId: news.find((n) => n.previous_contract_id === r.id)?.id ?? null,
      },
    })),
    total: Number(total),
    page: q.page,
    pageSize: q.pageSize,
    days,
  };
}

export async function listMinimumWages(ctx: AppContext) {
  const rows = await ctx.db.selectFrom('minimum_wages').selectAll().orderBy('region_id').orderBy('effective_from', 'desc').execute();
  return { items: rows.map((r) => ({ id: r.id, regionId: r.region_id, monthly: r.monthly, hourly: r.hourly, effectiveFrom: r.effective_from, note: r.note })) };
}

/** 最低工资规定: the local minimum wage, configurable per region; one row per region and start date. */
export async function setMinimumWage(ctx: AppContext, actor: Actor, input: MinimumWageSet) {
  const filter = scopeFilter(actor.principal, 'minimumWage.manage');
  if (filter.kind === 'region' && !isInRegion(input.regionId, filter.regionId)) throw fieldError('regionId', '区域不在您的管辖范围内');
  if (!(await ctx.db.selectFrom('regions').select('id').where('id', '=', input.regionId).executeTakeFirst())) throw fieldError('regionId', '区域不存在');
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('minimum_wages').select('id').where('region_id', '=', input.regionId).where('effective_from', '=', input.effectiveFrom).executeTakeFirst();
    if (existing) await trx.updateTable('minimum_wages').set({ monthly: input.monthly, hourly: input.hourly, note: input.note ?? null }).where('id', '=', existing.id).execute();
    else await trx.insertInto('minimum_wages').values({ id: newId(), region_id: input.regionId, monthly: input.monthly, hourly: input.hourly, effective_from: input.effectiveFrom, note: input.note ?? null, created_at: at }).execute();
    await insertAudit(trx, { at, ...audit(actor), action: 'minimumWage.set', entityType: 'minimum_wage', entityId: input.regionId, regionId: input.regionId, after: input });
  });
  return listMinimumWages(ctx);
}
