export interface Deadline { kind: 'acceptance' | 'investigation'; label: string; due: string; workingDaysLeft: number; state: 'ok' | 'due_soon' | 'overdue' }
export interface ComplaintItem {
  id: string;
  channelName: string;
  anonymous: boolean;
  enterpriseId: string | null;
  employerName: string;
  issues: { code: string; name: string }[];
  status: string;
  statusName: string;
  priority: string;
  priorityName: string;
  receivedOn: string;
  assigneeName: string | null;
  deadline: Deadline | null;
}
export interface ComplaintDetail extends ComplaintItem {
  trackingCode: string;
  complainant: { name: string | null; phone: string | null } | null;
  transferNo: string | null;
  description: string;
  workersAffected: number | null;
  amountClaimed: number | null;
  acceptDueOn: string;
  acceptedOn: string | null;
  investigationDueOn: string | null;
  extended: boolean;
  extensionReason: string | null;
  findings: string | null;
  rejectionReason: string | null;
  outcome: string | null;
  closedOn: string | null;
  feedback: string | null;
  documents: { id: string; kind: string; docNo: string; dueOn: string | null; issuedAt: string }[];
  abilities: Record<'assign' | 'accept' | 'reject' | 'extend' | 'order' | 'close', boolean>;
}
export const ISSUE_OPTIONS = [
  ['wage_arrears', '拖欠、克扣工资'],
  ['minimum_wage', '工资低于最低工资标准'],
  ['no_contract', '未签订劳动合同'],
  ['social_insurance', '未依法参加社会保险'],
  ['working_hours', '违反工作时间和休息休假规定'],
  ['child_labour', '使用童工'],
  ['forced_labour', '强迫劳动'],
  ['female_protection', '违反女职工、未成年工特殊保护'],
  ['other', '其他劳动保障违法行为'],
].map(([value, label]) => ({ value, label }));
export const DEADLINE_COLORS = { ok: 'green', due_soon: 'orange', overdue: 'red' } as const;
