/** Tables of the worker and enterprise portal (issue 7, migration 0011). */
export interface WorkerProfileTable {
  user_id: string;
  region_id: string;
  real_name: string;
  id_number_enc: string;
  id_number_masked: string;
  created_at: string;
  updated_at: string;
}

export interface PortalUploadTable {
  id: string;
  region_id: string;
  user_id: string;
  file_name: string;
  content_type: string;
  size: number;
  storage_key: string;
  sha256: string;
  case_id: string | null;
  created_at: string;
}

export interface PortalMessageTable {
  id: string;
  region_id: string;
  user_id: string;
  case_id: string | null;
  kind: string;
  title: string;
  body: string;
  sms: number;
  created_at: string;
  read_at: string | null;
}

export interface AgreementConfirmCodeTable {
  id: string;
  region_id: string;
  agreement_id: string;
  user_id: string;
  phone: string;
  code_hash: string;
  attempts: number;
  created_at: string;
  expires_at: string;
  consumed_at: string | null;
}

export interface AgreementConfirmationTable {
  id: string;
  region_id: string;
  agreement_id: string;
  case_id: string;
  party: string; // applicant | respondent
  user_id: string;
  user_name: string;
  document_sha256: string;
  confirmed_at: string;
}

export interface CaseRatingTable {
  id: string;
  region_id: string;
  case_id: string;
  org_id: string;
  party: string;
  user_id: string;
  score: number;
  comment: string | null;
  created_at: string;
}

export interface PortalTables {
  worker_profiles: WorkerProfileTable;
  portal_uploads: PortalUploadTable;
  portal_messages: PortalMessageTable;
  agreement_confirm_codes: AgreementConfirmCodeTable;
  agreement_confirmations: AgreementConfirmationTable;
  case_ratings: CaseRatingTable;
}
