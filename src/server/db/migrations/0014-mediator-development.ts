import type { Kysely } from 'kysely';

// Mediator development (issue 9): appointment terms (聘任/解聘), training, rewards and penalties, yearly
// evaluation computed from the dispute cases, mentoring pairs (师徒结对), skills competitions; the designated
// mediator of a case; social organisations (社会组织台账) with government-purchased service projects,
// deliverables and acceptance; the expert service team (专家服务团队); training and exchange events.
export async function up(db: Kysely<unknown>): Promise<void> {
  const base = (name: string) =>
    db.schema.createTable(name).addColumn('id', 'text', (c) => c.primaryKey()).addColumn('region_id', 'text', (c) => c.notNull());

  await base('mediator_terms')
    .addColumn('mediator_id', 'text', (c) => c.notNull().references('mediators.id'))
    .addColumn('term_start', 'text', (c) => c.notNull())
    .addColumn('term_end', 'text', (c) => c.notNull())
    .addColumn('document_no', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('dismissed_on', 'text')
    .addColumn('dismissal_ground', 'text')
    .addColumn('dismissal_reason', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('med_terms_m').on('mediator_terms').columns(['mediator_id', 'term_start']).execute();
  await db.schema.createIndex('med_terms_end').on('mediator_terms').columns(['region_id', 'status', 'term_end']).execute();

  await base('mediator_trainings')
    .addColumn('mediator_id', 'text', (c) => c.notNull().references('mediators.id'))
    .addColumn('course', 'text', (c) => c.notNull())
    .addColumn('hours', 'real', (c) => c.notNull())
    .addColumn('trained_on', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('med_trainings_m').on('mediator_trainings').columns(['mediator_id', 'trained_on']).execute();

  await base('mediator_rewards')
    .addColumn('mediator_id', 'text', (c) => c.notNull().references('mediators.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('med_rewards_m').on('mediator_rewards').columns(['mediator_id', 'decided_on']).execute();

  await base('mediator_evaluations')
    .addColumn('mediator_id', 'text', (c) => c.notNull().references('mediators.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('suggested_grade', 'text')
    .addColumn('comment', 'text')
    .addColumn('stats_json', 'text', (c) => c.notNull())
    .addColumn('evaluated_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('med_eval_unique').on('mediator_evaluations').columns(['mediator_id', 'year']).unique().execute();

  await base('mentoring_pairs')
    .addColumn('mentor_id', 'text', (c) => c.notNull().references('mediators.id'))
    .addColumn('mentee_id', 'text', (c) => c.notNull().references('mediators.id'))
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('ended_on', 'text')
    .addColumn('goals', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mentoring_region').on('mentoring_pairs').columns(['region_id', 'status']).execute();
  await db.schema.createIndex('mentoring_mentee').on('mentoring_pairs').columns(['mentee_id', 'status']).execute();
  await db.schema.createIndex('mentoring_mentor').on('mentoring_pairs').columns(['mentor_id', 'status']).execute();

  await base('skill_competitions')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('organizer', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('competitions_region').on('skill_competitions').columns(['region_id', 'held_on']).execute();

  await base('competition_results')
    .addColumn('competition_id', 'text', (c) => c.notNull().references('skill_competitions.id'))
    .addColumn('mediator_id', 'text', (c) => c.notNull().references('mediators.id'))
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('award', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('comp_results_unique').on('competition_results').columns(['competition_id', 'mediator_id']).unique().execute();
  await db.schema.createIndex('comp_results_m').on('competition_results').columns(['mediator_id']).execute();

  await db.schema
    .createTable('case_mediators')
    .addColumn('case_id', 'text', (c) => c.primaryKey().references('dispute_cases.id'))
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('mediator_id', 'text', (c) => c.notNull().references('mediators.id'))
    .addColumn('assigned_on', 'text', (c) => c.notNull())
    .addColumn('assigned_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_mediators_m').on('case_mediators').columns(['mediator_id']).execute();

  await base('social_orgs')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('uscc', 'text')
    .addColumn('org_type', 'text', (c) => c.notNull())
    .addColumn('size', 'text', (c) => c.notNull())
    .addColumn('staff_count', 'integer', (c) => c.notNull())
    .addColumn('industries_json', 'text', (c) => c.notNull())
    .addColumn('services_json', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text')
    .addColumn('phone', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('social_orgs_region').on('social_orgs').columns(['region_id', 'name']).execute();

  await base('service_projects')
    .addColumn('social_org_id', 'text', (c) => c.notNull().references('social_orgs.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('purchaser', 'text', (c) => c.notNull())
    .addColumn('amount', 'real', (c) => c.notNull())
    .addColumn('start_on', 'text', (c) => c.notNull())
    .addColumn('end_on', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('accepted_on', 'text')
    .addColumn('eval_score', 'real')
    .addColumn('eval_grade', 'text')
    .addColumn('eval_note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_projects_org').on('service_projects').columns(['social_org_id', 'start_on']).execute();
  await db.schema.createIndex('service_projects_region').on('service_projects').columns(['region_id', 'status']).execute();

  await base('service_deliverables')
    .addColumn('project_id', 'text', (c) => c.notNull().references('service_projects.id'))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('delivered_on', 'text')
    .addColumn('evidence', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_deliv_p').on('service_deliverables').columns(['project_id', 'sort']).execute();

  await base('experts')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('employer', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('specialities_json', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('experts_region').on('experts').columns(['region_id', 'kind']).execute();

  await base('expert_assignments')
    .addColumn('expert_id', 'text', (c) => c.notNull().references('experts.id'))
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('target_name', 'text', (c) => c.notNull())
    .addColumn('assigned_on', 'text', (c) => c.notNull())
    .addColumn('task', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('expert_assign_e').on('expert_assignments').columns(['expert_id', 'assigned_on']).execute();
  await db.schema.createIndex('expert_assign_t').on('expert_assignments').columns(['target_kind', 'target_id']).execute();

  await base('training_events')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('hours', 'real', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('materials', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('training_events_region').on('training_events').columns(['region_id', 'held_on']).execute();

  await base('training_enrolments')
    .addColumn('event_id', 'text', (c) => c.notNull().references('training_events.id'))
    .addColumn('person_kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('attended', 'integer')
    .addColumn('hours_credited', 'real', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('training_enrol_unique').on('training_enrolments').columns(['event_id', 'person_kind', 'person_id']).unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['training_enrolments', 'training_events', 'expert_assignments', 'experts', 'service_deliverables', 'service_projects', 'social_orgs', 'case_mediators', 'competition_results', 'skill_competitions', 'mentoring_pairs', 'mediator_evaluations', 'mediator_rewards', 'mediator_trainings', 'mediator_terms']) {
    await db.schema.dropTable(t).execute();
  }
}
