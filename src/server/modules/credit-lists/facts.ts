import { addYears } from '../../../domain/calendar';
import type { CreditGrade, ListFacts } from '../../../domain/credit';
import type { DbOrTrx } from '../../db';

/** The record the list criteria read, for a set of enterprises (final yearly grades, violations, arrears cases). */
export async function listFacts(db: DbOrTrx, enterpriseIds: readonly string[], today: string): Promise<Map<string, ListFacts & { arrearsCaseId: string | null }>> {
  const out = new Map<string, ListFacts & { arrearsCaseId: string | null }>();
  if (enterpriseIds.length === 0) return out;
  for (const id of enterpriseIds) out.set(id, { yearlyGrades: [], violationsLast2Years: 0, wageCrimeAmount: false, wageMassIncident: false, arrearsCaseId: null });
  const ids = [...enterpriseIds];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const grades = await db
      .selectFrom('credit_evaluations as v')
      .innerJoin('credit_rounds as r', 'r.id', 'v.round_id')
      .select(['v.enterprise_id', 'v.grade', 'r.year'])
      .where('v.kind', '=', 'yearly')
      .where('v.status', '=', 'final')
      .where('v.enterprise_id', 'in', chunk)
      .orderBy('r.year', 'desc')
      .execute();
    for (const g of grades) out.get(g.enterprise_id)!.yearlyGrades = [...out.get(g.enterprise_id)!.yearlyGrades, g.grade as CreditGrade] as CreditGrade[];
    const since = addYears(today, -2);
    const violations = await db.selectFrom('labor_violations').select(['enterprise_id', (eb) => eb.fn.countAll<number>().as('n')]).where('enterprise_id', 'in', chunk).where('found_on', '>', since).groupBy('enterprise_id').execute();
    for (const v of violations) out.get(v.enterprise_id)!.violationsLast2Years = Number(v.n);
    const arrears = await db.selectFrom('wage_arrears_cases').select(['id', 'enterprise_id', 'crime_threshold', 'mass_incident']).where('enterprise_id', 'in', chunk).where('status', '!=', 'resolved').orderBy('opened_on').execute();
    for (const a of arrears) {
      const f = out.get(a.enterprise_id)!;
      if (a.crime_threshold) f.wageCrimeAmount = true;
      if (a.mass_incident) f.wageMassIncident = true;
      if ((a.crime_threshold || a.mass_incident) && !f.arrearsCaseId) f.arrearsCaseId = a.id;
    }
  }
  return out;
}
