/** Shapes of the portal API answers the pages read. */
export interface PortalCase {
  id: string;
  caseNo: string;
  status: string;
  statusLabel: string;
  party: 'applicant' | 'respondent';
  partyLabel: string;
  receivedDate: string;
  organizationName: string | null;
  respondentName: string;
  applicants: { name: string; idNumberMasked: string | null }[];
  claims: { type: string; typeLabel: string; amount: number | null; periodFrom: string | null; periodTo: string | null }[];
  facts: string;
  amountClaimed: number;
  closedOn: string | null;
  nextDue: string | null;
  nextDueLabel: string | null;
  nextStep: string | null;
  timeline: { at: string; on: string; action: string; text: string; reason: string | null }[];
  agreements: {
    id: string;
    kindLabel: string;
    signedOn: string;
    totalAmount: number;
    status: string;
    statusLabel: string;
    requiresConfirmation: boolean;
    effectiveAt: string | null;
    confirmedByMe: boolean;
    confirmations: { party: string; partyLabel: string; confirmedAt: string }[];
  }[];
  attachments: { id: string; fileName: string; contentType: string; size: number; createdAt: string }[];
  documents: { id: string; title: string; createdAt: string }[];
  rating: { score: number; comment: string | null; createdAt: string } | null;
  abilities: { respond: boolean; upload: boolean; rate: boolean };
}

export interface PartyAgreement {
  id: string;
  caseId: string;
  caseNo: string;
  kindLabel: string;
  signedOn: string;
  totalAmount: number;
  status: string;
  statusLabel: string;
  effectiveAt: string | null;
  documentSha256: string | null;
  obligations: { obligor: string; description: string; amount: number | null; dueDate: string | null }[];
  text: string | null;
  html: string | null;
  party: string;
  partyLabel: string;
  confirmations: { party: string; partyLabel: string; userName: string; confirmedAt: string; sha256: string }[];
  canConfirm: boolean;
}

export interface InboxMessage {
  id: string;
  caseId: string | null;
  title: string;
  body: string;
  sms: boolean;
  createdAt: string;
  readAt: string | null;
}

export const yuan = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : `${n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;

/** Uploads one evidence file as multipart/form-data. */
export function evidenceForm(file: File) {
  const fd = new FormData();
  fd.append('file', file, file.name);
  return fd;
}
