import type { Actor, AppContext } from '../../context';
import { notFound } from '../../errors';
import { scopeFilter, whereInScope } from '../../policy/scope';
import { caseStatsAvailable, mediatorCaseStats } from './case-stats';

/**
 * The computed part of a mediator's yearly evaluation (考评): case count, success rate, share within the
 * time limit and satisfaction, all from `dispute_cases` (see case-stats.ts). Satisfaction is null: the case
 * module records no ratings.
 */
export async function mediatorEvaluation(ctx: AppContext, actor: Actor, id: string, year: number) {
  const m = await ctx.db.selectFrom('mediators').select(['id', 'name', 'org_id', 'certificate_no', 'status', 'joined_on']).where('id', '=', id).where(whereInScope(scopeFilter(actor.principal, 'mediatorRoster.read'), { region: 'mediators.region_id', org: 'mediators.org_id' })).executeTakeFirst();
  if (!m) throw notFound('调解员');
  return { mediatorId: m.id, name: m.name, orgId: m.org_id, certificateNo: m.certificate_no, status: m.status, year, caseModule: caseStatsAvailable(), caseStats: await mediatorCaseStats(ctx.db, m.id, year) };
}
