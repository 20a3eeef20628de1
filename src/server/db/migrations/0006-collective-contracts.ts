import type { Kysely } from 'kysely';

// Collective contracts (filing and review), collective negotiations, minimum wages per region,
// union building (pipeline, yearly targets) and union annual assessment.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('collective_contracts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text')
    .addColumn('industry_code', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('employer_representative', 'text')
    .addColumn('worker_representative', 'text')
    .addColumn('negotiated_on', 'text')
    .addColumn('signed_on', 'text')
    .addColumn('congress_on', 'text')
    .addColumn('congress_votes_for', 'integer')
    .addColumn('congress_delegates', 'integer')
    .addColumn('term_start', 'text')
    .addColumn('term_end', 'text')
    .addColumn('covered_employees', 'integer')
    .addColumn('file_key', 'text')
    .addColumn('file_name', 'text')
    .addColumn('file_mime', 'text')
    .addColumn('file_size', 'integer')
    .addColumn('text', 'text')
    .addColumn('searchable', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('submitted_by_side', 'text')
    .addColumn('submitted_on', 'text')
    .addColumn('received_on', 'text')
    .addColumn('review_deadline', 'text')
    .addColumn('reviewer_id', 'text')
    .addColumn('reviewed_on', 'text')
    .addColumn('review_opinion', 'text')
    .addColumn('effective_on', 'text')
    .addColumn('previous_contract_id', 'text')
    .addColumn('negotiation_id', 'text')
    .addColumn('request_id', 'text', (c) => c.unique())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('cc_region').on('collective_contracts').columns(['region_id', 'status']).execute();
  await db.schema.createIndex('cc_enterprise').on('collective_contracts').columns(['enterprise_id']).execute();
  await db.schema.createIndex('cc_review').on('collective_contracts').columns(['status', 'review_deadline']).execute();
  await db.schema.createIndex('cc_term_end').on('collective_contracts').columns(['term_end']).execute();

  // Every enterprise a contract binds: the one enterprise, or the many of a regional/industry contract.
  await db.schema
    .createTable('collective_contract_enterprises')
    .addColumn('contract_id', 'text', (c) => c.notNull().references('collective_contracts.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('cce_pk', ['contract_id', 'enterprise_id'])
    .execute();
  await db.schema.createIndex('cce_enterprise').on('collective_contract_enterprises').columns(['enterprise_id']).execute();

  await db.schema
    .createTable('collective_contract_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contract_id', 'text', (c) => c.notNull().references('collective_contracts.id'))
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('cce_events').on('collective_contract_events').columns(['contract_id', 'at']).execute();

  await db.schema
    .createTable('minimum_wages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('monthly', 'real', (c) => c.notNull())
    .addColumn('hourly', 'real', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('minimum_wages_region').on('minimum_wages').columns(['region_id', 'effective_from']).unique().execute();

  await db.schema
    .createTable('collective_negotiations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('initiator', 'text', (c) => c.notNull())
    .addColumn('instructor_name', 'text')
    .addColumn('instructor_user_id', 'text')
    .addColumn('requested_on', 'text')
    .addColumn('responded_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('previous_contract_id', 'text')
    .addColumn('contract_id', 'text')
    .addColumn('request_id', 'text', (c) => c.unique())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cn_region').on('collective_negotiations').columns(['region_id', 'status']).execute();
  await db.schema.createIndex('cn_enterprise').on('collective_negotiations').columns(['enterprise_id']).execute();

  await db.schema
    .createTable('negotiation_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('negotiation_id', 'text', (c) => c.notNull().references('collective_negotiations.id'))
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('minutes', 'text')
    .addColumn('participants', 'text')
    .addColumn('votes_for', 'integer')
    .addColumn('delegates', 'integer')
    .addColumn('actor_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ns_negotiation').on('negotiation_steps').columns(['negotiation_id', 'on_date']).execute();

  await db.schema
    .createTable('union_building')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().unique().references('enterprises.id'))
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('preparing_on', 'text')
    .addColumn('established_on', 'text')
    .addColumn('responsible', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ub_region').on('union_building').columns(['region_id', 'stage']).execute();

  // union_targets (yearly union-building targets per street) is created by 0002-enterprise-registry.

  await db.schema
    .createTable('assessment_indicators')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('max_score', 'real', (c) => c.notNull())
    .addColumn('weight', 'real', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ai_region_code').on('assessment_indicators').columns(['region_id', 'code']).unique().execute();

  await db.schema
    .createTable('assessment_scores')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('indicator_id', 'text', (c) => c.notNull().references('assessment_indicators.id'))
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('as_unique').on('assessment_scores').columns(['enterprise_id', 'year', 'indicator_id']).unique().execute();
  await db.schema.createIndex('as_region_year').on('assessment_scores').columns(['region_id', 'year']).execute();
}
