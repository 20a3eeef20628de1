import { z } from 'zod';
import { INDUSTRY_SECTIONS } from '../../../domain/enterprise/industries';
import { computeWageLevels, OCCUPATIONS, SurveyData, type PayRecord } from '../../../domain/salary-survey';
import type { Actor, AppContext } from '../../context';
import { notFound } from '../../errors';
import { regionPrefixCondition, scopeFilter, whereInScope } from '../../policy/scope';
import { regionNames } from '../outreach/repo';
import { roundFor } from './repo';

export const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const ResultsQuery = YearQuery.extend({ industry: z.string().max(2).optional() });
export type ResultsQuery = z.infer<typeof ResultsQuery>;

async function roundOrThrow(ctx: AppContext, actor: Actor, year: number) {
  const round = await roundFor(ctx.db, actor.principal!.regionId, year);
  if (!round) throw notFound(`${year}年度薪酬调查`);
  return round;
}

/** Completion by street: the sample (enterprises at or above the round's headcount) against form status. */
export async function surveyProgress(ctx: AppContext, actor: Actor, year: number) {
  const round = await roundOrThrow(ctx, actor, year);
  const filter = scopeFilter(actor.principal, 'salarySurvey.review');
  const sample = await ctx.db
    .selectFrom('enterprises as e')
    .leftJoin('salary_surveys as s', (j) => j.onRef('s.enterprise_id', '=', 'e.id').on('s.year', '=', year))
    .select(['e.region_id', 's.status'])
    .where(regionPrefixCondition('e.region_id', round.region_id))
    .where(whereInScope(filter, { region: 'e.region_id' }))
    .where((eb) => eb.or([eb('e.headcount', '>=', round.sample_min_headcount), eb('s.id', 'is not', null)]))
    .execute();
  const names = await regionNames(ctx.db);
  const blank = () => ({ sample: 0, notStarted: 0, draft: 0, submitted: 0, returned: 0, accepted: 0 });
  const by = new Map<string, ReturnType<typeof blank>>();
  const total = blank();
  for (const r of sample) {
    const k = r.region_id.slice(0, 9);
    const g = by.get(k) ?? blank();
    for (const t of [g, total]) {
      t.sample++;
      const st = (r.status ?? 'notStarted') as keyof ReturnType<typeof blank>;
      t[st]++;
    }
    by.set(k, g);
  }
  const rates = (g: ReturnType<typeof blank>) => ({ ...g, submittedRate: g.sample ? Math.round(((g.submitted + g.accepted) / g.sample) * 1000) / 1000 : 0, acceptedRate: g.sample ? Math.round((g.accepted / g.sample) * 1000) / 1000 : 0 });
  return {
    year,
    deadline: round.deadline,
    sampleMinHeadcount: round.sample_min_headcount,
    total: rates(total),
    byStreet: [...by.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, g]) => ({ regionId: k, name: names.get(k) ?? k, ...rates(g) })),
  };
}

/** 工资价位 from accepted forms in scope, by industry × occupation, with small cells suppressed. */
export async function wageLevels(ctx: AppContext, actor: Actor, q: ResultsQuery) {
  const round = await roundOrThrow(ctx, actor, q.year);
  const rows = await ctx.db
    .selectFrom('salary_surveys')
    .select(['enterprise_id', 'industry_code', 'data_json'])
    .where('year', '=', q.year)
    .where('status', '=', 'accepted')
    .where(whereInScope(scopeFilter(actor.principal, 'salarySurvey.results'), { region: 'salary_surveys.region_id' }))
    .execute();
  const records: PayRecord[] = [];
  for (const r of rows) {
    const d = SurveyData.parse(JSON.parse(r.data_json));
    for (const e of d.employees) {
      if (e.months >= 1 && e.annualPay > 0) records.push({ enterpriseId: r.enterprise_id, industry: r.industry_code ?? '-', occupation: e.occupation, annualPay: Math.round((e.annualPay / e.months) * 12 * 100) / 100 });
    }
  }
  let cells = computeWageLevels(records, { minEnterprises: round.min_enterprises });
  if (q.industry) cells = cells.filter((c) => c.industry === q.industry);
  return {
    year: q.year,
    minEnterprises: round.min_enterprises,
    enterprises: rows.length,
    employees: records.length,
    cells: cells.map((c) => ({
      ...c,
      industryName: c.industry === '*' ? '全部行业' : (INDUSTRY_SECTIONS[c.industry as keyof typeof INDUSTRY_SECTIONS] ?? c.industry),
      occupationName: c.occupation === '*' ? '全部职业' : (OCCUPATIONS[c.occupation as keyof typeof OCCUPATIONS] ?? c.occupation),
    })),
  };
}
