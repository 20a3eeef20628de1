import type { Generated } from 'kysely';

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
  /** red | orange | yellow | blue | none — set by the risk recompute (migration 0005). */
  risk_level: Generated<string>;
  risk_score: Generated<number>;
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
  risk_signals: RiskSignalTable;
  insured_headcount: InsuredHeadcountTable;
  risk_rule_sets: RiskRuleSetTable;
  alerts: AlertTable;
  alert_events: AlertEventTable;
}
