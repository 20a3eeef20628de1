import type { Kysely } from 'kysely';

// Labor-security supervision (issue 10): violations on record, credit grades (劳动保障守法诚信等级) with
// evaluation rounds and objections, complaints and reports (投诉举报) with their documents.
export async function up(db: Kysely<unknown>): Promise<void> {
  const id = (t: ReturnType<Kysely<unknown>['schema']['createTable']>) =>
    t.addColumn('id', 'text', (c) => c.primaryKey()).addColumn('region_id', 'text', (c) => c.notNull());

  await db.schema.alterTable('enterprises').addColumn('credit_grade', 'text').execute();
  await db.schema.alterTable('enterprises').addColumn('credit_graded_on', 'text').execute();
  await db.schema.createIndex('enterprises_credit').on('enterprises').columns(['credit_grade', 'region_id']).execute();

  // Violations found and dealt with (查处): the record the grade rules read.
  await id(db.schema.createTable('labor_violations'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('found_on', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull()) // complaint | inspection | manual
    .addColumn('source_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('labor_violations_ent').on('labor_violations').columns(['enterprise_id', 'found_on']).execute();

  await id(db.schema.createTable('credit_rounds'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('notified_on', 'text')
    .addColumn('objection_due_on', 'text')
    .addColumn('meeting_on', 'text')
    .addColumn('minutes', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('credit_rounds_unique').on('credit_rounds').columns(['region_id', 'year']).unique().execute();

  await id(db.schema.createTable('credit_evaluations'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('round_id', 'text', (c) => c.references('credit_rounds.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // yearly | dynamic
    .addColumn('previous_grade', 'text')
    .addColumn('proposed_grade', 'text', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('reasons_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('objection', 'text')
    .addColumn('objection_at', 'text')
    .addColumn('objection_outcome', 'text')
    .addColumn('objection_reply', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('effective_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('credit_eval_ent').on('credit_evaluations').columns(['enterprise_id', 'created_at']).execute();
  await db.schema.createIndex('credit_eval_round').on('credit_evaluations').columns(['round_id', 'status']).execute();
  await db.schema.createIndex('credit_eval_region').on('credit_evaluations').columns(['region_id', 'status']).execute();

  await id(db.schema.createTable('complaints'))
    .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('complainant_name', 'text')
    .addColumn('complainant_phone', 'text')
    .addColumn('complainant_user_id', 'text')
    .addColumn('transfer_no', 'text')
    .addColumn('enterprise_id', 'text', (c) => c.references('enterprises.id'))
    .addColumn('employer_name', 'text', (c) => c.notNull())
    .addColumn('employer_address', 'text')
    .addColumn('issues_json', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('workers_affected', 'integer')
    .addColumn('amount_claimed', 'real')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('accept_due_on', 'text', (c) => c.notNull())
    .addColumn('accepted_on', 'text')
    .addColumn('investigation_due_on', 'text')
    .addColumn('extended', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('extension_reason', 'text')
    .addColumn('extension_approved_by', 'text')
    .addColumn('assignee_user_id', 'text')
    .addColumn('assignee_name', 'text')
    .addColumn('findings', 'text')
    .addColumn('rejection_reason', 'text')
    .addColumn('outcome', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('feedback', 'text')
    .addColumn('signal_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('complaints_region').on('complaints').columns(['region_id', 'status', 'received_on']).execute();
  await db.schema.createIndex('complaints_assignee').on('complaints').columns(['assignee_user_id', 'status']).execute();
  await db.schema.createIndex('complaints_user').on('complaints').columns(['complainant_user_id']).execute();
  await db.schema.createIndex('complaints_ent').on('complaints').columns(['enterprise_id']).execute();

  // 限期整改指令书 / 行政处理决定书 issued on a complaint.
  await id(db.schema.createTable('complaint_documents'))
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // rectification_order | handling_decision
    .addColumn('doc_no', 'text', (c) => c.notNull().unique())
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text')
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('complaint_docs').on('complaint_documents').columns(['complaint_id', 'issued_at']).execute();
}
