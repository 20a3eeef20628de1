export interface CaseItem {
  id: string;
  caseNo: string;
  status: string;
  statusLabel: string;
  stage: string;
  stageLabel: string;
  receivedDate: string;
  organizationId: string;
  organizationName: string | null;
  respondentName: string;
  applicantCount: number;
  primaryClaimLabel: string;
  collective: boolean;
  amountClaimed: number;
  nextDue: string | null;
  nextDueLabel: string | null;
  dueStatus: 'ok' | 'due_soon' | 'overdue' | null;
  result: string | null;
  version: number;
}

export interface Obligation {
  id: string;
  obligor: string;
  description: string;
  amount: number | null;
  dueDate: string | null;
  paidAmount: number;
  performance: string;
  performanceLabel: string;
}

export interface Agreement {
  status?: string;
  statusLabel?: string;
  requiresConfirmation?: boolean;
  id: string;
  kindLabel: string;
  signedOn: string;
  totalAmount: number;
  paidAmount: number;
  performance: string;
  performanceLabel: string;
  obligations: Obligation[];
  visits: { id: string; visitedOn: string; method: string; result: string; note: string | null }[];
}

export interface CaseDetail extends CaseItem {
  regionId: string;
  sourceLabel: string;
  respondent: { enterpriseId: string; name: string; uscc: string };
  priority: 'high' | 'normal';
  collectiveMeasures: string[];
  applicants: { id: string; name: string; phoneMasked: string | null; idNumberMasked: string | null }[];
  claims: { type: string; typeLabel: string; amount: number | null; description: string | null }[];
  facts: string;
  amountAgreed: number;
  amountPaid: number;
  deadlines: Record<string, string>;
  deadlineDetails: { kind: string; due: string; label: string; basis: string }[];
  deadlineWarnings: string[];
  timeline: {
    seq: number;
    at: string;
    on: string;
    action: string;
    actionLabel: string;
    actorName: string | null;
    toStatus: string | null;
    reason: string | null;
  }[];
  documents: { id: string; kind: string; title: string; createdAt: string }[];
  attachments: { id: string; fileName: string; size: number; createdAt: string }[];
  agreements: Agreement[];
  published: { id: string; title: string } | null;
  closedOn: string | null;
  abilities: { update: boolean; actions: string[]; documents: boolean; agreements: boolean; revealPii: boolean; publish: boolean };
}

export const DUE_COLORS = { ok: 'green', due_soon: 'orange', overdue: 'red' } as const;
export const DUE_LABELS = { ok: '正常', due_soon: '即将到期', overdue: '已超期' } as const;
export const yuan = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : `${n.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 })} 元`;
