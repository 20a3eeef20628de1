import type { Kysely } from 'kysely';

// Enterprise services (issue 11): new-enterprise outreach, policy push, recruitment events,
// one-to-one cultivation, harmonious-unit creation, employment self-check, salary survey.
export async function up(db: Kysely<unknown>): Promise<void> {
  const id = (t: ReturnType<Kysely<unknown>['schema']['createTable']>) =>
    t.addColumn('id', 'text', (c) => c.primaryKey()).addColumn('region_id', 'text', (c) => c.notNull());

  await id(db.schema.createTable('outreach_assignments'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().unique().references('enterprises.id'))
    .addColumn('officer_user_id', 'text', (c) => c.notNull())
    .addColumn('assigned_by', 'text')
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addColumn('last_visit_on', 'text')
    .addColumn('visit_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outreach_assign_officer').on('outreach_assignments').columns(['officer_user_id']).execute();
  await db.schema.createIndex('enterprises_registered').on('enterprises').columns(['registered_on', 'headcount']).execute();

  await id(db.schema.createTable('outreach_visits'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('visited_on', 'text', (c) => c.notNull())
    .addColumn('visitor_user_id', 'text', (c) => c.notNull())
    .addColumn('visitor_name', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('needs', 'text')
    .addColumn('request_id', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outreach_visits_ent').on('outreach_visits').columns(['enterprise_id', 'visited_on']).execute();

  await id(db.schema.createTable('policies'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('target_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('policies_region').on('policies').columns(['region_id', 'status', 'published_at']).execute();

  await id(db.schema.createTable('policy_deliveries'))
    .addColumn('policy_id', 'text', (c) => c.notNull().references('policies.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('delivered_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('read_by', 'text')
    .execute();
  await db.schema.createIndex('policy_deliv_unique').on('policy_deliveries').columns(['policy_id', 'enterprise_id']).unique().execute();
  await db.schema.createIndex('policy_deliv_ent').on('policy_deliveries').columns(['enterprise_id', 'delivered_at']).execute();

  await id(db.schema.createTable('recruitment_events'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('venue', 'text')
    .addColumn('employers', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('positions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attendees', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recruit_region_year').on('recruitment_events').columns(['region_id', 'year']).execute();

  await id(db.schema.createTable('recruitment_targets'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('online_target', 'integer', (c) => c.notNull())
    .addColumn('offline_target', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recruit_target_unique').on('recruitment_targets').columns(['region_id', 'year']).unique().execute();

  await id(db.schema.createTable('cultivations'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('partner', 'text', (c) => c.notNull())
    .addColumn('partner_org_unit_id', 'text', (c) => c.notNull())
    .addColumn('officer_user_id', 'text')
    .addColumn('diagnosis', 'text', (c) => c.notNull())
    .addColumn('plan', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assessment_score', 'integer')
    .addColumn('assessment_result', 'text')
    .addColumn('assessment_note', 'text')
    .addColumn('assessed_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cultivation_unique').on('cultivations').columns(['enterprise_id', 'year', 'partner']).unique().execute();
  await db.schema.createIndex('cultivation_region').on('cultivations').columns(['region_id', 'year']).execute();

  await id(db.schema.createTable('cultivation_activities'))
    .addColumn('cultivation_id', 'text', (c) => c.notNull().references('cultivations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('participants', 'integer')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cultivation_act').on('cultivation_activities').columns(['cultivation_id', 'held_on']).execute();

  await id(db.schema.createTable('harmony_indicator_sets'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('indicators_json', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await id(db.schema.createTable('harmony_applications'))
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text')
    .addColumn('subject_region_id', 'text')
    .addColumn('subject_name', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('indicator_set_id', 'text', (c) => c.notNull().references('harmony_indicator_sets.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('self_json', 'text')
    .addColumn('self_total', 'real')
    .addColumn('review_json', 'text')
    .addColumn('review_total', 'real')
    .addColumn('review_comment', 'text')
    .addColumn('level', 'text')
    .addColumn('recognised_on', 'text')
    .addColumn('reviewer_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('harmony_app_unique').on('harmony_applications').columns(['subject_kind', 'subject_name', 'year']).unique().execute();
  await db.schema.createIndex('harmony_app_region').on('harmony_applications').columns(['region_id', 'year']).execute();
  await db.schema.createIndex('harmony_app_status').on('harmony_applications').columns(['status', 'year']).execute();

  await id(db.schema.createTable('self_checks'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('industry_code', 'text')
    .addColumn('answers_json', 'text', (c) => c.notNull())
    .addColumn('report_json', 'text', (c) => c.notNull())
    .addColumn('high_count', 'integer', (c) => c.notNull())
    .addColumn('medium_count', 'integer', (c) => c.notNull())
    .addColumn('low_count', 'integer', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('visit_status', 'text')
    .addColumn('visit_message', 'text')
    .addColumn('visit_offered_by', 'text')
    .addColumn('visit_offered_at', 'text')
    .addColumn('visit_responded_at', 'text')
    .execute();
  await db.schema.createIndex('self_checks_ent').on('self_checks').columns(['enterprise_id', 'submitted_at']).execute();
  await db.schema.createIndex('self_checks_region').on('self_checks').columns(['region_id', 'submitted_at']).execute();

  await id(db.schema.createTable('salary_survey_rounds'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('minimum_monthly_wage', 'real', (c) => c.notNull())
    .addColumn('min_enterprises', 'integer', (c) => c.notNull())
    .addColumn('sample_min_headcount', 'integer', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('survey_round_unique').on('salary_survey_rounds').columns(['region_id', 'year']).unique().execute();

  await id(db.schema.createTable('salary_surveys'))
    .addColumn('round_id', 'text', (c) => c.notNull().references('salary_survey_rounds.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('industry_code', 'text')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('data_json', 'text', (c) => c.notNull())
    .addColumn('issues_json', 'text', (c) => c.notNull())
    .addColumn('error_count', 'integer', (c) => c.notNull())
    .addColumn('warning_count', 'integer', (c) => c.notNull())
    .addColumn('return_reason', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('survey_unique').on('salary_surveys').columns(['enterprise_id', 'year']).unique().execute();
  await db.schema.createIndex('survey_region').on('salary_surveys').columns(['year', 'region_id', 'status']).execute();

  await id(db.schema.createTable('salary_survey_actions'))
    .addColumn('survey_id', 'text', (c) => c.notNull().references('salary_surveys.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('survey_actions').on('salary_survey_actions').columns(['survey_id', 'at']).execute();
}
