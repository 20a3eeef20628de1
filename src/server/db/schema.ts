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
  knowledge_laws: KnowledgeLawTable;
  knowledge_articles: KnowledgeArticleTable;
  knowledge_qa: KnowledgeQaTable;
  knowledge_cases: KnowledgeCaseTable;
  knowledge_meta: KnowledgeMetaTable;
}
