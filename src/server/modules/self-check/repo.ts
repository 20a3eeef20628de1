import type { DbOrTrx } from '../../db';

/** Demo default when no survey round configures the local minimum wage (元/月); see docs/decisions.md. */
export const DEFAULT_MINIMUM_MONTHLY_WAGE = 1900;

/** The local minimum monthly wage: the salary-survey round of the year covering the region, else the latest. */
export async function minimumWageFor(db: DbOrTrx, regionId: string, year: number): Promise<number> {
  const rounds = await db.selectFrom('salary_survey_rounds').select(['region_id', 'year', 'minimum_monthly_wage']).where('year', '<=', year).orderBy('year', 'desc').execute();
  const r = rounds.find((x) => regionId.startsWith(x.region_id));
  return r ? Number(r.minimum_monthly_wage) : DEFAULT_MINIMUM_MONTHLY_WAGE;
}

export const findSelfCheck = (db: DbOrTrx, id: string) => db.selectFrom('self_checks').selectAll().where('id', '=', id).executeTakeFirst();
