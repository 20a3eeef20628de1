// Online mediation sessions (issue 7, 互联网+调解): scheduled sessions of a case, their real-time room messages
// (one monotonically increasing sequence per room), the mediator's proposals of terms and live presence.

export interface MediationSessionTable {
  id: string;
  case_id: string;
  region_id: string;
  org_id: string;
  title: string;
  scheduled_at: string; // ISO timestamp
  duration_minutes: number;
  mode: string; // text | text_video
  /** Unguessable meeting-room name (128 random bits, hex) for the video service. */
  video_room: string | null;
  status: string; // scheduled | in_progress | closed | cancelled
  note: string | null;
  last_seq: number;
  created_by: string | null;
  created_at: string;
  started_at: string | null;
  closed_at: string | null;
  cancel_reason: string | null;
  transcript_document_id: string | null;
}

export interface SessionMessageTable {
  id: string;
  session_id: string;
  region_id: string;
  seq: number;
  /** main (everyone) | applicant | respondent (背对背 side room: the mediator and that party only). */
  channel: string;
  kind: string; // text | proposal | proposal_response | system
  author_id: string | null;
  author_name: string;
  author_role: string; // mediator | applicant | respondent | system
  text: string;
  data: string | null; // JSON
  client_id: string | null;
  created_at: string;
}

export interface SessionProposalTable {
  id: string;
  session_id: string;
  region_id: string;
  seq: number;
  terms: string; // JSON { summary, obligations[] }
  status: string; // open | accepted | rejected
  applicant_decision: string | null; // accept | reject
  applicant_by: string | null;
  respondent_decision: string | null;
  respondent_by: string | null;
  agreement_id: string | null;
  created_by: string | null;
  created_at: string;
  decided_at: string | null;
}

export interface SessionPresenceTable {
  conn_id: string;
  session_id: string;
  region_id: string;
  process_id: string;
  user_id: string;
  name: string;
  role: string;
  seen_at: string;
}

export interface SessionTables {
  mediation_sessions: MediationSessionTable;
  session_messages: SessionMessageTable;
  session_proposals: SessionProposalTable;
  session_presence: SessionPresenceTable;
}
