import { z } from 'zod';
import { coordinatorCoverage } from '../../../domain/rosters/coverage';
import { INDUSTRY_SECTIONS } from '../../../domain/enterprise/industries';
import { INDICATOR_CATALOGUE } from '../../../domain/indicators/catalogue';
import type { Actor, AppContext } from '../../context';
import { scopeFilter, whereInScope } from '../../policy/scope';
import { regionNames } from '../outreach/repo';

/** The plan's target (大中型企业配备协调员比例) from the indicator catalogue, unless the request names one. */
const DEFAULT_TARGET = INDICATOR_CATALOGUE.find((i) => i.id === 'coordinator_coverage')?.defaultTarget ?? 60;
export const CoverageQuery = z.object({ target: z.coerce.number().min(1, '目标须在1至100之间').max(100, '目标须在1至100之间').optional() });

/** Large and medium enterprises with at least one coordinator (an account on the registry or an open roster assignment). */
export async function coverageView(ctx: AppContext, actor: Actor, q: z.infer<typeof CoverageQuery>) {
  const filter = scopeFilter(actor.principal, 'coordinator.coverage');
  const rows = await ctx.db
    .selectFrom('enterprises')
    .select(['enterprises.id', 'enterprises.region_id', 'enterprises.industry_code', 'enterprises.coordinator_user_id'])
    .select((eb) => eb.exists(eb.selectFrom('coordinator_assignments as a').select('a.id').whereRef('a.enterprise_id', '=', 'enterprises.id').where('a.ended_on', 'is', null)).as('assigned'))
    .where(whereInScope(filter, { region: 'enterprises.region_id' }))
    .where('size_class', 'in', ['large', 'medium'])
    .execute();
  const list = rows.map((r) => ({ id: r.id, streetId: r.region_id.slice(0, 9), industryCode: r.industry_code, covered: !!r.coordinator_user_id || !!Number(r.assigned) }));
  const c = coordinatorCoverage(list, q.target ?? DEFAULT_TARGET);
  const names = await regionNames(ctx.db);
  const industries = INDUSTRY_SECTIONS as Record<string, string>;
  return {
    ...c,
    byStreet: c.byStreet.map((g) => ({ ...g, name: names.get(g.key) ?? g.key })),
    byIndustry: c.byIndustry.map((g) => ({ ...g, name: g.key ? (industries[g.key] ?? g.key) : '未填行业' })),
    uncovered: list.filter((e) => !e.covered).map((e) => e.id).slice(0, 500),
  };
}
