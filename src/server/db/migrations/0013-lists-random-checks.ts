import type { Kysely } from 'kysely';

// Labor-security supervision, second part (issue 10): red and black lists, 双随机、一公开 random inspections,
// construction projects (wage account, wage guarantee, real-name counts, monthly payrolls) and wage-arrears cases.
export async function up(db: Kysely<unknown>): Promise<void> {
  const id = (t: ReturnType<Kysely<unknown>['schema']['createTable']>) =>
    t.addColumn('id', 'text', (c) => c.primaryKey()).addColumn('region_id', 'text', (c) => c.notNull());

  await id(db.schema.createTable('credit_listings'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('criterion_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('noticed_on', 'text', (c) => c.notNull())
    .addColumn('notice_due_on', 'text', (c) => c.notNull())
    .addColumn('appeal', 'text')
    .addColumn('appeal_at', 'text')
    .addColumn('decision_reply', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('listed_on', 'text')
    .addColumn('listed_until', 'text')
    .addColumn('removed_on', 'text')
    .addColumn('removal_reason', 'text')
    .addColumn('source_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('credit_listings_region').on('credit_listings').columns(['region_id', 'kind', 'status']).execute();
  await db.schema.createIndex('credit_listings_ent').on('credit_listings').columns(['enterprise_id', 'kind']).execute();

  await id(db.schema.createTable('inspection_items'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspection_items_code').on('inspection_items').columns(['region_id', 'code']).unique().execute();

  await id(db.schema.createTable('inspectors'))
    .addColumn('user_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('cert_no', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('conflicts_json', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspectors_cert').on('inspectors').columns(['cert_no']).unique().execute();
  await db.schema.createIndex('inspectors_region').on('inspectors').columns(['region_id', 'active']).execute();

  await id(db.schema.createTable('inspection_plans'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('item_ids_json', 'text', (c) => c.notNull())
    .addColumn('ratio', 'double precision', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('seed', 'text')
    .addColumn('fingerprint', 'text')
    .addColumn('inputs_json', 'text')
    .addColumn('directory_size', 'integer')
    .addColumn('drawn_by', 'text')
    .addColumn('drawn_at', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('published_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspection_plans_region').on('inspection_plans').columns(['region_id', 'year', 'status']).execute();

  await id(db.schema.createTable('inspection_tasks'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('inspection_plans.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('stratum', 'text', (c) => c.notNull())
    .addColumn('inspector_ids_json', 'text', (c) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('findings', 'text')
    .addColumn('inspected_on', 'text')
    .addColumn('violation_id', 'text')
    .addColumn('entered_by', 'text')
    .addColumn('entered_at', 'text')
    .execute();
  await db.schema.createIndex('inspection_tasks_plan').on('inspection_tasks').columns(['plan_id', 'enterprise_id']).unique().execute();
  await db.schema.createIndex('inspection_tasks_ent').on('inspection_tasks').columns(['enterprise_id']).execute();

  await id(db.schema.createTable('construction_projects'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('builder_name', 'text', (c) => c.notNull())
    .addColumn('contractor_enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('contract_amount', 'double precision')
    .addColumn('start_on', 'text', (c) => c.notNull())
    .addColumn('end_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('pay_day', 'integer', (c) => c.notNull())
    .addColumn('real_name_workers', 'integer', (c) => c.notNull())
    .addColumn('labor_manager', 'text')
    .addColumn('info_board', 'integer', (c) => c.notNull())
    .addColumn('wage_account_bank', 'text')
    .addColumn('wage_account_no', 'text')
    .addColumn('wage_account_opened_on', 'text')
    .addColumn('guarantee_form', 'text')
    .addColumn('guarantee_amount', 'double precision')
    .addColumn('guarantee_on', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('construction_projects_region').on('construction_projects').columns(['region_id', 'status']).execute();
  await db.schema.createIndex('construction_projects_ent').on('construction_projects').columns(['contractor_enterprise_id']).execute();

  await id(db.schema.createTable('project_payrolls'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('construction_projects.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('workers_paid', 'integer', (c) => c.notNull())
    .addColumn('amount', 'double precision', (c) => c.notNull())
    .addColumn('paid_on', 'text', (c) => c.notNull())
    .addColumn('confirmed_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('project_payrolls_month').on('project_payrolls').columns(['project_id', 'month']).unique().execute();

  await id(db.schema.createTable('project_payroll_alerts'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('construction_projects.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('project_payroll_alerts_month').on('project_payroll_alerts').columns(['project_id', 'month']).unique().execute();

  await id(db.schema.createTable('wage_arrears_cases'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('project_id', 'text', (c) => c.references('construction_projects.id'))
    .addColumn('complaint_id', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('workers', 'integer', (c) => c.notNull())
    .addColumn('amount_owed', 'double precision', (c) => c.notNull())
    .addColumn('amount_recovered', 'double precision', (c) => c.notNull())
    .addColumn('crime_threshold', 'integer', (c) => c.notNull())
    .addColumn('mass_incident', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('resolved_on', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wage_arrears_region').on('wage_arrears_cases').columns(['region_id', 'status', 'opened_on']).execute();
  await db.schema.createIndex('wage_arrears_ent').on('wage_arrears_cases').columns(['enterprise_id']).execute();

  await id(db.schema.createTable('wage_recoveries'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('wage_arrears_cases.id'))
    .addColumn('amount', 'double precision', (c) => c.notNull())
    .addColumn('workers', 'integer', (c) => c.notNull())
    .addColumn('recovered_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wage_recoveries_case').on('wage_recoveries').columns(['case_id']).execute();
}
