import type { DbOrTrx } from '../../db';

export const findSurvey = (db: DbOrTrx, id: string) => db.selectFrom('salary_surveys').selectAll().where('id', '=', id).executeTakeFirst();

/** The round of a year that covers a region: the most specific region prefix. */
export async function roundFor(db: DbOrTrx, regionId: string, year: number) {
  const rounds = await db.selectFrom('salary_survey_rounds').selectAll().where('year', '=', year).execute();
  return rounds.filter((r) => regionId.startsWith(r.region_id)).sort((a, b) => b.region_id.length - a.region_id.length)[0];
}

export const surveyActions = (db: DbOrTrx, surveyId: string) =>
  db.selectFrom('salary_survey_actions').selectAll().where('survey_id', '=', surveyId).orderBy('at').orderBy('id').execute();
