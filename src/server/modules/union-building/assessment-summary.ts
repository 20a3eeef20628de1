import { assessmentGrade, assessmentTotal } from '../../../domain/contracts/union-building';
import type { Actor, AppContext } from '../../context';
import { scopeFilter, whereInScope } from '../../policy/scope';

const GRADES = ['优秀', '良好', '合格', '不合格'] as const;

/**
 * 工会年度考核 for the union brain: of the unionized enterprises in scope, how many were scored in the
 * year, the average total and the grade distribution, overall and by street/town.
 */
export async function assessmentSummary(ctx: AppContext, actor: Actor, year: number) {
  const filter = scopeFilter(actor.principal, 'unionAssessment.read');
  const ents = await ctx.db.selectFrom('enterprises').select(['id', 'region_id']).where('union_established', '=', 1).where(whereInScope(filter, { region: 'enterprises.region_id', enterprise: 'enterprises.id' })).execute();
  const regionId = actor.principal!.regionId;
  const prefixes = [6, 9, 12].filter((n) => n <= regionId.length).map((n) => regionId.slice(0, n));
  const indicators = await ctx.db.selectFrom('assessment_indicators').select(['id', 'max_score', 'weight']).where('region_id', 'in', prefixes).where('active', '=', 1).execute();
  const ind = indicators.map((i) => ({ id: i.id, maxScore: i.max_score, weight: i.weight }));
  const inScope = new Set(ents.map((e) => e.id));
  const rows = await ctx.db.selectFrom('assessment_scores').select(['enterprise_id', 'indicator_id', 'score']).where('year', '=', year).where(whereInScope(filter, { region: 'assessment_scores.region_id', enterprise: 'assessment_scores.enterprise_id' })).execute();
  const byEnt = new Map<string, Map<string, number>>();
  for (const r of rows) {
    if (!inScope.has(r.enterprise_id)) continue;
    let m = byEnt.get(r.enterprise_id);
    if (!m) byEnt.set(r.enterprise_id, (m = new Map()));
    m.set(r.indicator_id, r.score);
  }
  const totals = new Map([...byEnt].map(([id, m]) => [id, assessmentTotal(ind, m)]));
  const streets = await ctx.db.selectFrom('regions').select(['id', 'name']).where('level', 'in', ['street', 'town']).orderBy('sort').orderBy('id').execute();
  const figures = (list: { id: string }[]) => {
    const t = list.map((e) => totals.get(e.id)).filter((x): x is number => x !== undefined);
    const grades = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<(typeof GRADES)[number], number>;
    for (const x of t) grades[assessmentGrade(x)]++;
    return { unionized: list.length, scored: t.length, average: t.length ? Math.round((t.reduce((s, x) => s + x, 0) / t.length) * 10) / 10 : null, grades };
  };
  return {
    year,
    ...figures(ents),
    byStreet: streets
      .map((s) => ({ regionId: s.id, name: s.name, ...figures(ents.filter((e) => e.region_id.startsWith(s.id))) }))
      .filter((s) => s.unionized > 0),
  };
}
