import type { Kysely } from 'kysely';

// Rosters and yearly recognition (issue 9): labour-relations coordinators (profile, training,
// enterprises assigned, work log, yearly evaluation) and the one 金牌 selection workflow
// (award rounds with an indicator set, nominations, reviewer scores, public notice, objections).
export async function up(db: Kysely<unknown>): Promise<void> {
  const id = (t: ReturnType<Kysely<unknown>['schema']['createTable']>) =>
    t.addColumn('id', 'text', (c) => c.primaryKey()).addColumn('region_id', 'text', (c) => c.notNull());

  await id(db.schema.createTable('coordinators'))
    .addColumn('user_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('employer_kind', 'text', (c) => c.notNull())
    .addColumn('employer_name', 'text', (c) => c.notNull())
    .addColumn('employer_enterprise_id', 'text')
    .addColumn('skill_level', 'text')
    .addColumn('certificate_no', 'text')
    .addColumn('certified_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('coordinators_region').on('coordinators').columns(['region_id', 'name']).execute();
  await db.schema.createIndex('coordinators_user').on('coordinators').columns(['user_id']).execute();

  await id(db.schema.createTable('coordinator_trainings'))
    .addColumn('coordinator_id', 'text', (c) => c.notNull().references('coordinators.id'))
    .addColumn('course', 'text', (c) => c.notNull())
    .addColumn('hours', 'real', (c) => c.notNull())
    .addColumn('trained_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('coord_trainings_c').on('coordinator_trainings').columns(['coordinator_id', 'trained_on']).execute();

  await id(db.schema.createTable('coordinator_assignments'))
    .addColumn('coordinator_id', 'text', (c) => c.notNull().references('coordinators.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('assigned_on', 'text', (c) => c.notNull())
    .addColumn('ended_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('coord_assign_c').on('coordinator_assignments').columns(['coordinator_id', 'ended_on']).execute();
  await db.schema.createIndex('coord_assign_e').on('coordinator_assignments').columns(['enterprise_id', 'ended_on']).execute();

  await id(db.schema.createTable('coordinator_visits'))
    .addColumn('coordinator_id', 'text', (c) => c.notNull().references('coordinators.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('visited_on', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('coord_visits_c').on('coordinator_visits').columns(['coordinator_id', 'visited_on']).execute();

  await id(db.schema.createTable('coordinator_evaluations'))
    .addColumn('coordinator_id', 'text', (c) => c.notNull().references('coordinators.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('evaluated_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('coord_eval_unique').on('coordinator_evaluations').columns(['coordinator_id', 'year']).unique().execute();

  await id(db.schema.createTable('award_rounds'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('indicators_json', 'text', (c) => c.notNull())
    .addColumn('quota', 'integer', (c) => c.notNull())
    .addColumn('notice_days', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('notice_start', 'text')
    .addColumn('notice_end', 'text')
    .addColumn('announced_on', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('award_rounds_unique').on('award_rounds').columns(['region_id', 'year', 'kind']).unique().execute();

  await id(db.schema.createTable('award_nominations'))
    .addColumn('round_id', 'text', (c) => c.notNull().references('award_rounds.id'))
    .addColumn('subject_id', 'text')
    .addColumn('subject_name', 'text', (c) => c.notNull())
    .addColumn('nominated_by', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('evidence_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('score', 'real')
    .addColumn('rank', 'integer')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('award_nom_round').on('award_nominations').columns(['round_id', 'status']).execute();

  await id(db.schema.createTable('award_scores'))
    .addColumn('nomination_id', 'text', (c) => c.notNull().references('award_nominations.id'))
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('reviewer_id', 'text', (c) => c.notNull())
    .addColumn('reviewer_name', 'text', (c) => c.notNull())
    .addColumn('scores_json', 'text', (c) => c.notNull())
    .addColumn('total', 'real', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('award_scores_unique').on('award_scores').columns(['nomination_id', 'reviewer_id']).unique().execute();
  await db.schema.createIndex('award_scores_round').on('award_scores').columns(['round_id']).execute();

  await id(db.schema.createTable('award_objections'))
    .addColumn('round_id', 'text', (c) => c.notNull().references('award_rounds.id'))
    .addColumn('nomination_id', 'text', (c) => c.notNull().references('award_nominations.id'))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('submitter', 'text')
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('resolution', 'text')
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('award_obj_round').on('award_objections').columns(['round_id', 'nomination_id']).execute();

  // Mediation organisation standardization assessment (规范化建设评估) and the public page (上墙公布).
  await id(db.schema.createTable('mediation_assessments'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('mediation_orgs.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('score', 'real')
    .addColumn('decided_on', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('med_assess_unique').on('mediation_assessments').columns(['org_id', 'year']).unique().execute();
  await db.schema.createIndex('med_assess_region').on('mediation_assessments').columns(['region_id', 'year']).execute();

  await id(db.schema.createTable('mediation_assessment_scores'))
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('mediation_assessments.id'))
    .addColumn('reviewer_id', 'text', (c) => c.notNull())
    .addColumn('reviewer_name', 'text', (c) => c.notNull())
    .addColumn('scores_json', 'text', (c) => c.notNull())
    .addColumn('total', 'real', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('med_assess_scores_unique').on('mediation_assessment_scores').columns(['assessment_id', 'reviewer_id']).unique().execute();

  await id(db.schema.createTable('mediation_org_publications'))
    .addColumn('org_id', 'text', (c) => c.notNull().unique().references('mediation_orgs.id'))
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('procedures', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['mediation_org_publications', 'mediation_assessment_scores', 'mediation_assessments', 'award_objections', 'award_scores', 'award_nominations', 'award_rounds', 'coordinator_evaluations', 'coordinator_visits', 'coordinator_assignments', 'coordinator_trainings', 'coordinators']) {
    await db.schema.dropTable(t).execute();
  }
}
