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

// Enterprise services (issue 11)
export interface OutreachAssignmentTable {
  id: string;
  region_id: string;
  enterprise_id: string;
  officer_user_id: string;
  assigned_by: string | null;
  assigned_at: string;
  last_visit_on: string | null;
  visit_count: number;
  updated_at: string;
}

export interface OutreachVisitTable {
  id: string;
  region_id: string;
  enterprise_id: string;
  visited_on: string;
  visitor_user_id: string;
  visitor_name: string;
  summary: string;
  needs: string | null;
  request_id: string | null;
  created_at: string;
}

export interface PolicyTable {
  id: string;
  region_id: string;
  title: string;
  kind: string;
  summary: string | null;
  body: string;
  target_json: string; // JSON PolicyTarget
  status: string; // draft | published
  published_at: string | null;
  published_by: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PolicyDeliveryTable {
  id: string;
  region_id: string;
  policy_id: string;
  enterprise_id: string;
  delivered_at: string;
  read_at: string | null;
  read_by: string | null;
}

export interface RecruitmentEventTable {
  id: string;
  region_id: string;
  year: number;
  mode: string; // online | offline
  title: string;
  held_on: string;
  venue: string | null;
  employers: number;
  positions: number;
  attendees: number;
  created_by: string | null;
  created_at: string;
}

export interface RecruitmentTargetTable {
  id: string;
  region_id: string;
  year: number;
  online_target: number;
  offline_target: number;
  updated_at: string;
}

export interface CultivationTable {
  id: string;
  region_id: string;
  enterprise_id: string;
  year: number;
  partner: string; // hrss | union | federation
  partner_org_unit_id: string;
  officer_user_id: string | null;
  diagnosis: string;
  plan: string | null;
  status: string;
  assessment_score: number | null;
  assessment_result: string | null;
  assessment_note: string | null;
  assessed_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface CultivationActivityTable {
  id: string;
  region_id: string;
  cultivation_id: string;
  kind: string; // visit | training
  held_on: string;
  topic: string;
  note: string | null;
  participants: number | null;
  created_by: string | null;
  created_at: string;
}

export interface HarmonyIndicatorSetTable {
  id: string;
  region_id: string;
  name: string;
  subject_kind: string; // enterprise | park | street
  indicators_json: string;
  active: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface HarmonyApplicationTable {
  id: string;
  region_id: string;
  subject_kind: string;
  enterprise_id: string | null;
  subject_region_id: string | null;
  subject_name: string;
  year: number;
  indicator_set_id: string;
  status: string;
  self_json: string | null;
  self_total: number | null;
  review_json: string | null;
  review_total: number | null;
  review_comment: string | null;
  level: string | null;
  recognised_on: string | null;
  reviewer_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface SelfCheckTable {
  id: string;
  region_id: string;
  enterprise_id: string;
  industry_code: string | null;
  answers_json: string;
  report_json: string;
  high_count: number;
  medium_count: number;
  low_count: number;
  score: number;
  submitted_by: string | null;
  submitted_at: string;
  visit_status: string | null; // offered | accepted | declined
  visit_message: string | null;
  visit_offered_by: string | null;
  visit_offered_at: string | null;
  visit_responded_at: string | null;
}

export interface SalarySurveyRoundTable {
  id: string;
  region_id: string;
  year: number;
  minimum_monthly_wage: number;
  min_enterprises: number;
  sample_min_headcount: number;
  deadline: string;
  created_by: string | null;
  created_at: string;
}

export interface SalarySurveyTable {
  id: string;
  region_id: string;
  round_id: string;
  enterprise_id: string;
  industry_code: string | null;
  year: number;
  status: string;
  data_json: string;
  issues_json: string;
  error_count: number;
  warning_count: number;
  return_reason: string | null;
  submitted_at: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface SalarySurveyActionTable {
  id: string;
  region_id: string;
  survey_id: string;
  action: string;
  from_status: string;
  to_status: string;
  reason: string | null;
  actor_id: string | null;
  actor_name: string | null;
  at: string;
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
  outreach_assignments: OutreachAssignmentTable;
  outreach_visits: OutreachVisitTable;
  policies: PolicyTable;
  policy_deliveries: PolicyDeliveryTable;
  recruitment_events: RecruitmentEventTable;
  recruitment_targets: RecruitmentTargetTable;
  cultivations: CultivationTable;
  cultivation_activities: CultivationActivityTable;
  harmony_indicator_sets: HarmonyIndicatorSetTable;
  harmony_applications: HarmonyApplicationTable;
  self_checks: SelfCheckTable;
  salary_survey_rounds: SalarySurveyRoundTable;
  salary_surveys: SalarySurveyTable;
  salary_survey_actions: SalarySurveyActionTable;
}
