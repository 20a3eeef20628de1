/**
 * Table types for Kysely. Conventions that keep SQLite and PostgreSQL identical:
 * ids are text generated in the application; timestamps are ISO-8601 text; dates are YYYY-MM-DD text;
 * booleans are integers 0/1; structured values are JSON text; money is a number rounded at the edge.
 * Every business table carries region_id (a hierarchical region code) so it can be partitioned by region.
 */
export interface RegionTable {
  id: string;
  name: string;
  level: string;
  parent_id: string | null;
  sort: number;
}

export interface OrgUnitTable {
  id: string;
  name: string;
  kind: string;
  region_id: string;
  parent_id: string | null;
  enterprise_id: string | null;
  created_at: string;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string | null;
  roles: string; // JSON array of Role
  org_unit_id: string;
  region_id: string;
  enterprise_id: string | null;
  phone: string | null;
  is_demo: number;
  disabled: number;
  failed_login_count: number;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  id: string; // sha256 of the token; the token itself is only in the cookie
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiKeyTable {
  id: string;
  name: string;
  org_unit_id: string;
  region_id: string;
  key_prefix: string;
  key_hash: string;
  scopes: string; // JSON array of actions
  created_by: string | null;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
  is_demo: number;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  region_id: string | null;
  summary: string | null;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
}

export interface VerificationCodeTable {
  id: string;
  phone: string;
  purpose: string;
  code_hash: string;
  created_at: string;
  expires_at: string;
  attempts: number;
  consumed_at: string | null;
}

export interface EnterpriseTable {
  id: string;
  name: string;
  uscc: string;
  region_id: string;
  legal_representative: string | null;
  address: string | null;
  industry_code: string | null;
  ownership: string | null;
  size_class: string | null;
  headcount: number | null;
  is_key: number;
  union_established: number;
  union_established_on: string | null;
  union_chair: string | null;
  union_members: number | null;
  contract_signing_rate: number | null;
  contact_name: string | null;
  contact_phone: string | null;
  coordinator_user_id: string | null;
  registered_on: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface HeadcountRecordTable {
  id: string;
  enterprise_id: string;
  region_id: string;
  as_of: string;
  headcount: number;
  source: string;
  created_at: string;
}

export interface MediationOrgTable {
  id: string; // same id as its org unit
  name: string;
  level: string;
  kind: string;
  region_id: string;
  address: string | null;
  hours: string | null;
  phone: string | null;
  standardized_on: string | null;
  gold_on: string | null;
  enterprise_id: string | null;
  created_at: string;
}

export interface MediatorTable {
  id: string;
  org_id: string;
  region_id: string;
  user_id: string | null;
  name: string;
  specialities: string; // JSON array
  certificate_no: string | null;
  status: string;
  joined_on: string | null;
  left_on: string | null;
  created_at: string;
}

export interface CalendarDayTable {
  date: string;
  kind: string; // holiday | workday
  name: string;
  year: number;
  source: string | null;
  created_at: string;
}

export interface DisputeCaseTable {
  id: string;
  case_no: string;
  case_year: number;
  seq: number;
  request_id: string | null;
  created_by: string | null;
  region_id: string;
  org_id: string;
  arbitration_region_id: string | null;
  enterprise_id: string;
  respondent_name: string;
  respondent_uscc: string;
  source: string;
  status: string;
  stage: string;
  outcomes: string; // JSON Partial<Record<CaseStage, CaseOutcome>>
  collective: number;
  priority: number;
  applicant_count: number;
  primary_claim_type: string;
  amount_claimed: number;
  amount_agreed: number;
  amount_paid: number;
  facts: string;
  deadline_facts: string; // JSON CaseFactsInput without claims
  received_date: string;
  next_due: string | null;
  next_due_kind: string | null;
  statutory_due: string | null;
  closed_on: string | null;
  result: string | null; // success | failed | withdrawn | declined
  days_to_close: number | null;
  closed_in_time: number | null;
  typical: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface CaseApplicantTable {
  id: string;
  case_id: string;
  region_id: string;
  sort: number;
  name: string;
  phone: string | null;
  id_number_enc: string | null;
  id_number_masked: string | null;
  user_id: string | null;
}

export interface CaseClaimTable {
  id: string;
  case_id: string;
  region_id: string;
  sort: number;
  type: string;
  amount: number | null;
  period_from: string | null;
  period_to: string | null;
  description: string | null;
}

export interface CaseEventTable {
  id: string;
  case_id: string;
  region_id: string;
  seq: number;
  at: string;
  on_date: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  reason: string | null;
  data: string | null;
}

export interface CaseDocumentTable {
  id: string;
  case_id: string;
  region_id: string;
  kind: string;
  title: string;
  storage_key: string;
  size: number;
  created_by: string | null;
  created_at: string;
}

export interface CaseAttachmentTable {
  id: string;
  case_id: string;
  region_id: string;
  file_name: string;
  content_type: string;
  size: number;
  storage_key: string;
  uploaded_by: string | null;
  created_at: string;
}

export interface CaseAgreementTable {
  id: string;
  case_id: string;
  region_id: string;
  kind: string; // settlement | mediation
  signed_on: string;
  total_amount: number;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

export interface AgreementObligationTable {
  id: string;
  agreement_id: string;
  case_id: string;
  region_id: string;
  sort: number;
  obligor: string;
  description: string;
  amount: number | null;
  due_date: string | null;
  paid_amount: number;
  fulfilled_on: string | null;
  reminded_at: string | null;
}

export interface PerformanceVisitTable {
  id: string;
  case_id: string;
  agreement_id: string | null;
  region_id: string;
  visited_on: string;
  method: string;
  result: string;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

export interface PublishedCaseTable {
  id: string;
  case_id: string;
  region_id: string;
  title: string;
  claim_types: string; // JSON
  facts: string;
  holding: string;
  cited_articles: string; // JSON
  published_by: string | null;
  published_at: string;
}

export interface Database {
  regions: RegionTable;
  org_units: OrgUnitTable;
  users: UserTable;
  sessions: SessionTable;
  api_keys: ApiKeyTable;
  audit_log: AuditLogTable;
  verification_codes: VerificationCodeTable;
  enterprises: EnterpriseTable;
  headcount_records: HeadcountRecordTable;
  mediation_orgs: MediationOrgTable;
  mediators: MediatorTable;
  // dispute cases (0003)
  calendar_days: CalendarDayTable;
  dispute_cases: DisputeCaseTable;
  case_applicants: CaseApplicantTable;
  case_claims: CaseClaimTable;
  case_events: CaseEventTable;
  case_documents: CaseDocumentTable;
  case_attachments: CaseAttachmentTable;
  case_agreements: CaseAgreementTable;
  agreement_obligations: AgreementObligationTable;
  performance_visits: PerformanceVisitTable;
  published_cases: PublishedCaseTable;
}
