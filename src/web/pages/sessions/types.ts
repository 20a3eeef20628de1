export type RoomRole = 'mediator' | 'applicant' | 'respondent' | 'observer';
export type Channel = 'main' | 'applicant' | 'respondent';

export interface Obligation {
  obligor: string;
  description: string;
  amount?: number;
  dueDate?: string;
}
export interface Terms {
  summary: string;
  obligations: Obligation[];
}

export interface Proposal {
  id: string;
  seq: number;
  terms: Terms;
  status: 'open' | 'accepted' | 'rejected';
  statusLabel: string;
  applicantDecision: 'accept' | 'reject' | null;
  respondentDecision: 'accept' | 'reject' | null;
  agreementId: string | null;
}

export interface RoomEvent {
  seq: number;
  channel: Channel;
  kind: 'text' | 'proposal' | 'proposal_response' | 'system';
  author: { id: string | null; name: string; role: RoomRole | 'system' };
  text: string;
  data: { proposalId?: string; terms?: Terms; proposal?: Proposal; decision?: string; closed?: boolean } | null;
  clientId: string | null;
  at: string;
}

export interface SessionSummary {
  id: string;
  caseId: string;
  caseNo: string;
  title: string;
  scheduledAt: string;
  durationMinutes: number;
  mode: 'text' | 'text_video';
  modeLabel: string;
  status: 'scheduled' | 'in_progress' | 'closed' | 'cancelled';
  statusLabel: string;
  link: string;
  video: { requested: boolean; enabled: boolean; url: string | null; message: string };
  transcriptDocumentId: string | null;
}

export interface SessionDetail extends SessionSummary {
  caseStatus: string;
  respondentName: string;
  me: { userId: string; name: string; role: RoomRole; roleLabel: string; canPost: boolean; channels: Channel[] };
  proposals: Proposal[];
}

export interface OnlineMember {
  userId: string;
  name: string;
  role: RoomRole;
}

export const ROLE_LABELS: Record<string, string> = {
  mediator: '调解员',
  applicant: '申请人',
  respondent: '被申请人',
  observer: '旁听',
  system: '系统',
};
export const ROLE_COLORS: Record<string, string> = {
  mediator: 'red',
  applicant: 'blue',
  respondent: 'green',
  observer: 'default',
  system: 'default',
};
export const STATUS_COLORS: Record<string, string> = { scheduled: 'blue', in_progress: 'green', closed: 'default', cancelled: 'default' };

/** China time (UTC+8) "YYYY-MM-DD HH:mm" of an ISO timestamp. */
export const chinaTime = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
