import { sql, type Kysely } from 'kysely';
import { defaultCalendarRows } from '../../../domain/calendar/default-holidays';
import { isPostgres } from '../dialect';

// Dispute cases: the statutory calendar table, cases with applicants, claims, an append-only event timeline,
// documents, agreements with obligations and follow-up visits, and published typical cases.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_days')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  const rows = defaultCalendarRows();
  const at = '2024-01-01T00:00:00.000Z';
  await (db as Kysely<{ calendar_days: Record<string, unknown> }>)
    .insertInto('calendar_days')
    .values(
      rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name, year: Number(r.date.slice(0, 4)), source: 'default', created_at: at })),
    )
    .execute();

  await db.schema
    .createTable('dispute_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('case_year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('arbitration_region_id', 'text')
    .addColumn('enterprise_id', 'text', (c) => c.notNull())
    .addColumn('respondent_name', 'text', (c) => c.notNull())
    .addColumn('respondent_uscc', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('outcomes', 'text', (c) => c.notNull())
    .addColumn('collective', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('applicant_count', 'integer', (c) => c.notNull())
    .addColumn('primary_claim_type', 'text', (c) => c.notNull())
    .addColumn('amount_claimed', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('amount_agreed', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('amount_paid', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('deadline_facts', 'text', (c) => c.notNull())
    .addColumn('received_date', 'text', (c) => c.notNull())
    .addColumn('next_due', 'text')
    .addColumn('next_due_kind', 'text')
    .addColumn('statutory_due', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('result', 'text')
    .addColumn('days_to_close', 'integer')
    .addColumn('closed_in_time', 'integer')
    .addColumn('typical', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cases_org_case_no').on('dispute_cases').columns(['org_id', 'case_no']).unique().execute();
  await db.schema.createIndex('cases_request').on('dispute_cases').columns(['created_by', 'request_id']).unique().execute();
  // Scoped lists and statistics (bench/cases.ts, docs/benchmarks.md). The three wide indexes cover every column the
  // statistics read, so a mediator's (org), an official's (region prefix) and a period's (received date) figures are
  // index-only scans; the list uses the same indexes for its scope, order and count.
  const STAT_COLS = [
    'result',
    'days_to_close',
    'closed_in_time',
    'next_due',
    'amount_agreed',
    'amount_paid',
    'primary_claim_type',
    'status',
  ];
  await db.schema
    .createIndex('cases_org_stats')
    .on('dispute_cases')
    .columns(['org_id', 'received_date', 'id', 'region_id', ...STAT_COLS])
    .execute();
  await db.schema
    .createIndex('cases_region_stats')
    .on('dispute_cases')
    .columns(['region_id', 'received_date', 'id', 'org_id', ...STAT_COLS])
    .execute();
  await db.schema
    .createIndex('cases_received_stats')
    .on('dispute_cases')
    .columns(['received_date', 'region_id', 'org_id', ...STAT_COLS])
    .execute();
  await db.schema.createIndex('cases_org_due').on('dispute_cases').columns(['org_id', 'next_due']).execute();
  await db.schema.createIndex('cases_region_due').on('dispute_cases').columns(['region_id', 'next_due']).execute();
  await db.schema.createIndex('cases_enterprise').on('dispute_cases').columns(['enterprise_id', 'received_date']).execute();
  await db.schema.createIndex('cases_arbitration_region').on('dispute_cases').columns(['arbitration_region_id', 'received_date']).execute();
  await db.schema.createIndex('cases_case_no').on('dispute_cases').columns(['case_no']).execute();
  await db.schema.createIndex('cases_respondent_name').on('dispute_cases').columns(['respondent_name']).execute();

  await db.schema
    .createTable('case_applicants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('dispute_cases.id'))
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('id_number_enc', 'text')
    .addColumn('id_number_masked', 'text')
    .addColumn('user_id', 'text')
    .execute();
  await db.schema.createIndex('applicants_case').on('case_applicants').columns(['case_id', 'sort']).execute();
  await db.schema.createIndex('applicants_user').on('case_applicants').columns(['user_id']).execute();
  await db.schema.createIndex('applicants_phone').on('case_applicants').columns(['phone']).execute();

  await db.schema
    .createTable('case_claims')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('dispute_cases.id'))
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('amount', 'real')
    .addColumn('period_from', 'text')
    .addColumn('period_to', 'text')
    .addColumn('description', 'text')
    .execute();
  await db.schema.createIndex('claims_case').on('case_claims').columns(['case_id', 'sort']).execute();

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('dispute_cases.id'))
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('reason', 'text')
    .addColumn('data', 'text')
    .execute();
  await db.schema.createIndex('case_events_case_seq').on('case_events').columns(['case_id', 'seq']).unique().execute();

  await db.schema
    .createTable('case_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('dispute_cases.id'))
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_documents_case').on('case_documents').columns(['case_id', 'created_at']).execute();

  await db.schema
    .createTable('case_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('dispute_cases.id'))
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_attachments_case').on('case_attachments').columns(['case_id', 'created_at']).execute();

  await db.schema
    .createTable('case_agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('dispute_cases.id'))
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('signed_on', 'text', (c) => c.notNull())
    .addColumn('total_amount', 'real', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_agreements_case').on('case_agreements').columns(['case_id']).execute();

  await db.schema
    .createTable('agreement_obligations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('case_agreements.id'))
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('obligor', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('amount', 'real')
    .addColumn('due_date', 'text')
    .addColumn('paid_amount', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('fulfilled_on', 'text')
    .addColumn('reminded_at', 'text')
    .execute();
  await db.schema.createIndex('obligations_agreement').on('agreement_obligations').columns(['agreement_id', 'sort']).execute();
  await db.schema.createIndex('obligations_due').on('agreement_obligations').columns(['due_date', 'fulfilled_on']).execute();

  await db.schema
    .createTable('performance_visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('dispute_cases.id'))
    .addColumn('agreement_id', 'text')
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('visited_on', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('visits_case').on('performance_visits').columns(['case_id', 'visited_on']).execute();

  await db.schema
    .createTable('published_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().unique())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('claim_types', 'text', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('holding', 'text', (c) => c.notNull())
    .addColumn('cited_articles', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text')
    .addColumn('published_at', 'text', (c) => c.notNull())
    .execute();

  await protectCaseEvents(db);
}

/** The case timeline is append-only: the database refuses UPDATE and DELETE on case_events. */
async function protectCaseEvents(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`create function case_events_immutable() returns trigger language plpgsql as $$
      begin raise exception 'case_events is append-only'; end $$`.execute(db);
    await sql`create trigger case_events_no_update before update or delete on case_events
      for each row execute function case_events_immutable()`.execute(db);
  } else {
    await sql`create trigger case_events_no_update before update on case_events
      begin select raise(abort, 'case_events is append-only'); end`.execute(db);
    await sql`create trigger case_events_no_delete before delete on case_events
      begin select raise(abort, 'case_events is append-only'); end`.execute(db);
  }
}
