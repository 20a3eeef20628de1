import type { SessionTables } from './schema-sessions';
import type { RiskIncrementalTables } from './schema-risk-incremental';
import type { Generated } from 'kysely';
import type { ContractsSearchTables } from './schema-contracts-search';
import type { SupervisionTables } from './schema-supervision';
import type { MediatorsTables } from './schema-mediators';
import type { PortalTables } from './schema-portal';

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
  contacts: string | null; // JSON [{name, role, phone}]
  collective_contract_status: string | null;
  risk_level: string | null; // red | orange | yellow | blue | none (risk module); null before the first recompute
  risk_score: Generated<number>;
  credit_grade: string | null; // A | B | C (migration 0010)
  credit_graded_on: string | null;
  /** the ledger import that created the enterprise (its "imported" timeline entry), migration 0017 */
  import_id: string | null;
  union_members_updated_on: string | null;
  headcount_as_of: string | null;
}

/** One entry of an enterprise's timeline; modules append through addTimelineEvent(). */
export interface EnterpriseEventTable {
  id: string;
  enterprise_id: string;
  region_id: string;
  at: string;
  kind: string;
  module: string;
  title: string;
  detail: string | null;
  ref_type: string | null;
  ref_id: string | null;
  actor_id: string | null;
  actor_name: string | null;
}

/** A background job; the lease row lets any replica claim it or take it over after a crash. */
export interface JobTable {
  id: string;
  kind: string;
  ref_id: string | null;
  region_id: string;
  payload: string;
  status: string;
  attempts: number;
  progress: number;
  progress_total: number;
  lease_owner: string | null;
  lease_until: string | null;
  error: string | null;
  created_at: string;
  updated_at: string;
}

export interface EnterpriseImportTable {
  id: string;
  region_id: string;
  status: string;
  file_name: string;
  file_key: string;
  format: string;
  encoding: string | null;
  total: number;
  valid: number;
  rejected: string;
  rejected_count: number;
  will_insert: number | null;
  will_update: number | null;
  inserted: number | null;
  updated: number | null;
  unchanged: number | null;
  error: string | null;
  created_by: string;
  created_by_name: string | null;
  created_at: string;
  updated_at: string;
}

export interface UnionTargetTable {
  id: string;
  region_id: string;
  year: number;
  target: number;
  created_at: string | null;
  updated_by: string | null;
  updated_at: string;
}

export interface HeadcountRecordTable {
  id: string;
  enterprise_id: string;
  region_id: string;
  as_of: string;
  headcount: number;
  source: string;
  created_at: string;
  /** headcount minus the enterprise's previous record when written (null: not yet computed) */
  delta?: number | null;
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

// --- plans, indicators, reports (issue 12) ---
export interface PlanTable {
  id: string;
  region_id: string;
  title: string;
  kind: string; // action_plan | pilot_zone
  issuer: string | null;
  start_year: number;
  end_year: number;
  owner_unit_id: string;
  created_by: string | null;
  request_id: string | null;
  created_at: string;
  updated_at: string;
  /** Optimistic lock (migration 0015): bumped by every edit of the plan, its sections, tasks or stages. */
  version: Generated<number>;
}

export interface PlanSectionTable {
  id: string;
  plan_id: string;
  region_id: string;
  seq: number;
  title: string;
  objective: string | null;
}

export interface PlanTaskTable {
  id: string;
  plan_id: string;
  section_id: string;
  region_id: string;
  seq: number;
  title: string;
  measures: string | null;
  overall_target: string | null;
  lead_unit_id: string;
  partner_unit_ids: string; // JSON array of org unit ids
  start_on: string | null;
  due_on: string;
  done_on: string | null;
  progress: number;
  last_report_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface PlanStageTable {
  id: string;
  task_id: string;
  region_id: string;
  seq: number;
  due_on: string;
  target: string;
  done_on: string | null;
}

export interface ProgressReportTable {
  id: string;
  task_id: string;
  plan_id: string;
  region_id: string;
  org_unit_id: string;
  reported_by: string;
  period: string;
  text: string;
  figures: string; // JSON [{name,value,unit}]
  attachments: string; // JSON [{key,name,size,contentType}]
  percent: number;
  claims_done: number;
  stage_id: string | null;
  status: string; // submitted | approved | returned
  reviewed_by: string | null;
  reviewed_at: string | null;
  review_comment: string | null;
  request_id: string | null;
  created_at: string;
}

export interface PlanReminderTable {
  id: string;
  task_id: string;
  region_id: string;
  org_unit_id: string;
  deadline: string;
  kind: string; // before | due | after
  offset_days: number;
  remind_on: string;
  message: string;
  created_at: string;
  read_at: string | null;
}

export interface IndicatorTable {
  id: string;
  name: string;
  unit: string;
  measure: string; // count | rate
  direction: string; // higher | lower
  mode: string; // computed | manual
  sort: number;
  current_version: number;
  created_at: string;
}

export interface IndicatorVersionTable {
  id: string;
  indicator_id: string;
  version: number;
  definition: string;
  formula: string;
  data_source: string;
  calculator: string | null;
  params: string; // JSON
  valid_from: string;
  created_by: string | null;
  created_at: string;
}

export interface IndicatorTargetTable {
  id: string;
  indicator_id: string;
  region_id: string;
  year: number;
  target: number;
  updated_by: string | null;
  updated_at: string;
}

export interface IndicatorValueTable {
  id: string;
  indicator_id: string;
  region_id: string;
  org_unit_id: string | null;
  period: string; // YYYY | YYYY-MM
  value: number;
  numerator: number | null;
  denominator: number | null;
  version: number;
  source: string; // manual | snapshot
  note: string | null;
  entered_by: string | null;
  created_at: string;
}

export interface WorkReportTable {
  id: string;
  region_id: string;
  kind: string; // monthly | quarterly | yearly
  period: string;
  title: string;
  storage_key: string;
  size: number;
  trigger: string; // manual | schedule
  generated_by: string | null;
  created_at: string;
}

export interface EvaluationRoundTable {
  id: string;
  region_id: string;
  title: string;
  year: number;
  indicator_ids: string; // JSON array
  status: string; // open | closed
  created_by: string | null;
  created_at: string;
  closed_at: string | null;
}

export interface EvaluationScoreTable {
  id: string;
  round_id: string;
  region_id: string;
  indicator_id: string;
  reviewer_id: string;
  score: number;
  max_score: number;
  comment: string | null;
  created_at: string;
}

export interface EvaluationFindingTable {
  id: string;
  round_id: string;
  region_id: string;
  reviewer_id: string;
  severity: string;
  text: string;
  created_at: string;
}

export interface JobLeaseTable {
  name: string;
  holder: string | null;
  lease_until: string | null;
  last_started_at: string | null;
  last_finished_at: string | null;
  last_result: string | null;
}

// Knowledge base (issue 6). National texts carry region_id '000000'; hand-entered rows their author's region.
export interface KnowledgeLawTable {
  id: string; // `${law_key}@${version}`
  law_key: string; // the lawId of the API ("labor-contract-law")
  version: string;
  title: string;
  short_title: string;
  kind: string | null;
  issuer: string | null;
  effective: string | null;
  note: string | null;
  is_current: number;
  article_count: number;
  region_id: string;
  imported_at: string;
}

export interface KnowledgeArticleTable {
  id: string;
  law_id: string; // knowledge_laws.id (one version)
  article_no: number;
  label: string;
  chapter: string | null;
  section: string | null;
  text: string;
  region_id: string;
}

export interface KnowledgeQaTable {
  id: string;
  question: string;
  answer: string;
  citations: string; // JSON [{lawId, articleNo}]
  tags: string; // JSON string[]
  topic: string | null;
  status: string; // draft | reviewed
  region_id: string;
  created_by: string | null;
  created_at: string;
  updated_by: string | null;
  updated_at: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
  revision: number;
}

export interface KnowledgeCaseTable {
  id: string;
  title: string;
  facts: string;
  holding: string;
  citations: string; // JSON [{lawId, articleNo}]
  source: string; // official | manual
  collection: string | null;
  issuer: string | null;
  status: string; // draft | reviewed
  region_id: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  revision: number;
}

export interface KnowledgeMetaTable {
  key: string;
  value: number;
  updated_at: string;
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

// Risk monitoring (migration 0005).
export interface RiskSignalTable {
  id: string;
  source: string;
  external_id: string;
  kind: string;
  enterprise_id: string;
  region_id: string;
  occurred_at: string;
  occurred_day: number; // days since 1970-01-01 in UTC+8
  workers_affected: number | null;
  amount: number | null;
  details: string | null; // JSON
  channel: string; // api | manual | import | case
  api_key_id: string | null;
  filed_by: string | null;
  received_at: string;
}

export interface InsuredHeadcountTable {
  id: string;
  enterprise_id: string;
  region_id: string;
  month: string; // YYYY-MM
  month_index: number; // year × 12 + month − 1
  insured_count: number;
  source: string;
  received_at: string;
  updated_at: string;
}

export interface RiskRuleSetTable {
  id: string;
  region_id: string;
  version: number;
  rules: string; // JSON RuleSet
  note: string | null;
  created_by: string | null;
  created_at: string;
}

export interface AlertTable {
  id: string;
  scope: string; // enterprise | regional
  enterprise_id: string | null;
  region_id: string;
  open_key: string | null;
  level: string;
  status: string;
  score: number;
  reasons: string; // JSON AlertReason[]
  evidence: string; // JSON string[]: signal ids and hc:<enterprise>:<month> keys behind the alert
  coordinator_user_id: string | null;
  assignee_kind: string | null;
  assignee_user_id: string | null;
  assignee_org_unit_id: string | null;
  assignee_name: string | null;
  findings: string | null;
  actions_taken: string | null;
  result: string | null;
  escalation: Generated<number>;
  escalated_for: string | null;
  due_at: string | null;
  opened_at: string;
  level_since: string;
  assessed_at: string | null;
  closed_at: string | null;
  updated_at: string;
  version: Generated<number>;
}

export interface AlertEventTable {
  id: string;
  alert_id: string;
  enterprise_id: string | null;
  region_id: string;
  at: string;
  action: string;
  from_status: string | null;
  to_status: string | null;
  level: string;
  actor_id: string | null;
  actor_name: string | null;
  note: string | null;
  data: string | null;
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
  /** pending_confirmation | effective (migration 0011; existing agreements are effective). */
  status: Generated<string>;
  requires_confirmation: Generated<number>;
  document_id: string | null;
  document_sha256: string | null;
  effective_at: string | null;
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

// ---- credit grades and complaints (migration 0010) ----
export interface LaborViolationTable {
  id: string;
  region_id: string;
  enterprise_id: string;
  kind: string;
  found_on: string;
  description: string;
  source: string;
  source_id: string | null;
  created_by: string | null;
  created_at: string;
}

export interface CreditRoundTable {
  id: string;
  region_id: string;
  year: number;
  title: string;
  period_from: string;
  period_to: string;
  status: string;
  notified_on: string | null;
  objection_due_on: string | null;
  meeting_on: string | null;
  minutes: string | null;
  created_by: string | null;
  created_at: string;
  closed_at: string | null;
}

export interface CreditEvaluationTable {
  id: string;
  region_id: string;
  enterprise_id: string;
  round_id: string | null;
  kind: string;
  previous_grade: string | null;
  proposed_grade: string;
  grade: string;
  reasons_json: string;
  status: string;
  objection: string | null;
  objection_at: string | null;
  objection_outcome: string | null;
  objection_reply: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  effective_on: string;
  created_at: string;
  updated_at: string;
}

export interface ComplaintTable {
  id: string;
  region_id: string;
  tracking_code: string;
  channel: string;
  anonymous: number;
  complainant_name: string | null;
  complainant_phone: string | null;
  complainant_user_id: string | null;
  transfer_no: string | null;
  enterprise_id: string | null;
  employer_name: string;
  employer_address: string | null;
  issues_json: string;
  description: string;
  workers_affected: number | null;
  amount_claimed: number | null;
  status: string;
  priority: string;
  received_on: string;
  accept_due_on: string;
  accepted_on: string | null;
  investigation_due_on: string | null;
  extended: number;
  extension_reason: string | null;
  extension_approved_by: string | null;
  assignee_user_id: string | null;
  assignee_name: string | null;
  findings: string | null;
  rejection_reason: string | null;
  outcome: string | null;
  closed_on: string | null;
  feedback: string | null;
  signal_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ComplaintDocumentTable {
  id: string;
  region_id: string;
  complaint_id: string;
  kind: string;
  doc_no: string;
  content_json: string;
  due_on: string | null;
  storage_key: string;
  issued_by: string | null;
  issued_at: string;
}

export interface Database extends RiskIncrementalTables, ContractsSearchTables, SupervisionTables, MediatorsTables, PortalTables, SessionTables {
  coordinators: CoordinatorTable;
  coordinator_trainings: CoordinatorTrainingTable;
  coordinator_assignments: CoordinatorAssignmentTable;
  coordinator_visits: CoordinatorVisitTable;
  coordinator_evaluations: CoordinatorEvaluationTable;
  award_rounds: AwardRoundTable;
  award_nominations: AwardNominationTable;
  award_scores: AwardScoreTable;
  award_objections: AwardObjectionTable;
  mediation_assessments: MediationAssessmentTable;
  mediation_assessment_scores: MediationAssessmentScoreTable;
  mediation_org_publications: MediationOrgPublicationTable;
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
  // knowledge base (0004)
  knowledge_laws: KnowledgeLawTable;
  knowledge_articles: KnowledgeArticleTable;
  knowledge_qa: KnowledgeQaTable;
  knowledge_cases: KnowledgeCaseTable;
  knowledge_meta: KnowledgeMetaTable;
  // enterprise registry (0002)
  enterprise_events: EnterpriseEventTable;
  jobs: JobTable;
  enterprise_imports: EnterpriseImportTable;
  plans: PlanTable;
  plan_sections: PlanSectionTable;
  plan_tasks: PlanTaskTable;
  plan_stages: PlanStageTable;
  progress_reports: ProgressReportTable;
  plan_reminders: PlanReminderTable;
  indicators: IndicatorTable;
  indicator_versions: IndicatorVersionTable;
  indicator_targets: IndicatorTargetTable;
  indicator_values: IndicatorValueTable;
  work_reports: WorkReportTable;
  evaluation_rounds: EvaluationRoundTable;
  evaluation_scores: EvaluationScoreTable;
  evaluation_findings: EvaluationFindingTable;
  job_leases: JobLeaseTable;
  // collective contracts, negotiations, union building (0006)
  collective_contracts: CollectiveContractTable;
  collective_contract_enterprises: CollectiveContractEnterpriseTable;
  collective_contract_events: CollectiveContractEventTable;
  minimum_wages: MinimumWageTable;
  collective_negotiations: CollectiveNegotiationTable;
  negotiation_steps: NegotiationStepTable;
  union_building: UnionBuildingTable;
  union_targets: UnionTargetTable;
  assessment_indicators: AssessmentIndicatorTable;
  assessment_scores: AssessmentScoreTable;
  // issue-11
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
  // issue-5
  risk_signals: RiskSignalTable;
  insured_headcount: InsuredHeadcountTable;
  risk_rule_sets: RiskRuleSetTable;
  alerts: AlertTable;
  alert_events: AlertEventTable;
  // issue-4
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
  // issue-10
  labor_violations: LaborViolationTable;
  credit_rounds: CreditRoundTable;
  credit_evaluations: CreditEvaluationTable;
  complaints: ComplaintTable;
  complaint_documents: ComplaintDocumentTable;
}

// ---- collective contracts, negotiations, union building (migration 0006) ----
export interface CollectiveContractTable {
  id: string;
  region_id: string;
  scope: string; // enterprise | regional | industry
  enterprise_id: string | null;
  industry_code: string | null;
  kind: string; // comprehensive | wage | female
  title: string;
  status: string;
  employer_representative: string | null;
  worker_representative: string | null;
  negotiated_on: string | null;
  signed_on: string | null;
  congress_on: string | null;
  congress_votes_for: number | null;
  congress_delegates: number | null;
  term_start: string | null;
  term_end: string | null;
  covered_employees: number | null;
  file_key: string | null;
  file_name: string | null;
  file_mime: string | null;
  file_size: number | null;
  text: string | null;
  searchable: number;
  submitted_by_side: string | null; // enterprise | union
  submitted_on: string | null;
  received_on: string | null;
  review_deadline: string | null;
  reviewer_id: string | null;
  reviewed_on: string | null;
  review_opinion: string | null;
  effective_on: string | null;
  previous_contract_id: string | null;
  negotiation_id: string | null;
  request_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface CollectiveContractEnterpriseTable {
  contract_id: string;
  enterprise_id: string;
  region_id: string;
}

export interface CollectiveContractEventTable {
  id: string;
  contract_id: string;
  region_id: string;
  at: string;
  on_date: string;
  action: string;
  actor_id: string | null;
  actor_name: string | null;
  note: string | null;
}

export interface MinimumWageTable {
  id: string;
  region_id: string;
  monthly: number;
  hourly: number;
  effective_from: string;
  note: string | null;
  created_at: string;
}

export interface CollectiveNegotiationTable {
  id: string;
  region_id: string;
  scope: string;
  enterprise_id: string | null;
  kind: string;
  title: string;
  initiator: string; // union | employer
  instructor_name: string | null;
  instructor_user_id: string | null;
  requested_on: string | null;
  responded_on: string | null;
  status: string;
  previous_contract_id: string | null;
  contract_id: string | null;
  request_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface NegotiationStepTable {
  id: string;
  negotiation_id: string;
  region_id: string;
  kind: string;
  on_date: string;
  title: string | null;
  minutes: string | null;
  participants: string | null;
  votes_for: number | null;
  delegates: number | null;
  actor_id: string | null;
  created_at: string;
}

export interface UnionBuildingTable {
  id: string;
  enterprise_id: string;
  region_id: string;
  stage: string;
  preparing_on: string | null;
  established_on: string | null;
  responsible: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface AssessmentIndicatorTable {
  id: string;
  region_id: string;
  code: string;
  name: string;
  max_score: number;
  weight: number;
  sort: number;
  active: number;
  created_at: string;
}

export interface AssessmentScoreTable {
  id: string;
  enterprise_id: string;
  region_id: string;
  year: number;
  indicator_id: string;
  score: number;
  updated_at: string;
}

// --- rosters and yearly recognition (issue 9) -------------------------------------------------------
export interface CoordinatorTable {
  id: string;
  region_id: string;
  user_id: string | null;
  name: string;
  phone: string | null;
  employer_kind: string;
  employer_name: string;
  employer_enterprise_id: string | null;
  skill_level: string | null;
  certificate_no: string | null;
  certified_on: string | null;
  status: string;
  created_at: string;
  updated_at: string;
}
export interface CoordinatorTrainingTable {
  id: string;
  region_id: string;
  coordinator_id: string;
  course: string;
  hours: number;
  trained_on: string;
  created_at: string;
}
export interface CoordinatorAssignmentTable {
  id: string;
  region_id: string;
  coordinator_id: string;
  enterprise_id: string;
  assigned_on: string;
  ended_on: string | null;
  created_at: string;
}
export interface CoordinatorVisitTable {
  id: string;
  region_id: string;
  coordinator_id: string;
  enterprise_id: string;
  visited_on: string;
  purpose: string;
  summary: string;
  created_by: string | null;
  created_at: string;
}
export interface CoordinatorEvaluationTable {
  id: string;
  region_id: string;
  coordinator_id: string;
  year: number;
  grade: string;
  comment: string | null;
  evaluated_by: string | null;
  created_at: string;
}
export interface AwardRoundTable {
  id: string;
  region_id: string;
  year: number;
  kind: string;
  title: string;
  criteria: string;
  indicators_json: string;
  quota: number;
  notice_days: number;
  status: string;
  notice_start: string | null;
  notice_end: string | null;
  announced_on: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
export interface AwardNominationTable {
  id: string;
  region_id: string;
  round_id: string;
  subject_id: string | null;
  subject_name: string;
  nominated_by: string;
  reason: string;
  evidence_json: string;
  status: string;
  score: number | null;
  rank: number | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
export interface AwardScoreTable {
  id: string;
  region_id: string;
  nomination_id: string;
  round_id: string;
  reviewer_id: string;
  reviewer_name: string;
  scores_json: string;
  total: number;
  comment: string | null;
  created_at: string;
  updated_at: string;
}
export interface AwardObjectionTable {
  id: string;
  region_id: string;
  round_id: string;
  nomination_id: string;
  received_on: string;
  submitter: string | null;
  content: string;
  status: string;
  resolution: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  created_by: string | null;
  created_at: string;
}
export interface MediationAssessmentTable {
  id: string;
  region_id: string;
  org_id: string;
  year: number;
  status: string;
  score: number | null;
  decided_on: string | null;
  decision_note: string | null;
  national_recommended_on: string | null;
  national_recommendation_note: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
export interface MediationAssessmentScoreTable {
  id: string;
  region_id: string;
  assessment_id: string;
  reviewer_id: string;
  reviewer_name: string;
  scores_json: string;
  total: number;
  comment: string | null;
  created_at: string;
  updated_at: string;
}
export interface MediationOrgPublicationTable {
  id: string;
  region_id: string;
  org_id: string;
  rules: string;
  procedures: string;
  updated_by: string | null;
  updated_at: string;
}
