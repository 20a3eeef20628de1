import type { Kysely } from 'kysely';

// Recommendation of a recognised (规范化) mediation organisation to the national "gold" list (issue 9): when the
// district recommended it, and the recommendation letter's reasons.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('mediation_assessments').addColumn('national_recommended_on', 'text').execute();
  await db.schema.alterTable('mediation_assessments').addColumn('national_recommendation_note', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('mediation_assessments').dropColumn('national_recommendation_note').execute();
  await db.schema.alterTable('mediation_assessments').dropColumn('national_recommended_on').execute();
}
