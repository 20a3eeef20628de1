import type { AlertLevel, RiskLevel } from '../../../domain/risk/levels';

export interface AlertReason {
  code: string;
  level: AlertLevel;
  text: string;
  basis?: string;
  signalIds: string[];
}
export interface AlertItem {
  id: string;
  scope: 'enterprise' | 'regional';
  level: AlertLevel;
  levelLabel: string;
  status: string;
  statusLabel: string;
  score: number;
  reasons: AlertReason[];
  enterprise: { id: string; name: string; uscc: string; industryCode: string | null; headcount: number | null } | null;
  regionName: string | null;
  assignee: { kind: string; name: string } | null;
  findings: string | null;
  actionsTaken: string | null;
  result: string | null;
  escalation: number;
  escalationLabel: string;
  deadline: { milestone: 'assess' | 'close'; dueAt: string } | null;
  overdueHours: number;
  openedAt: string;
  ageDays: number;
  closedAt: string | null;
  abilities: { assign: boolean; assess: boolean; handle: boolean; close: boolean; warningLetter: boolean; adviceLetter: boolean };
}
export interface SignalItem {
  id: string;
  source: string;
  externalId: string;
  kind: string;
  kindLabel: string;
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  occurredAt: string;
  workersAffected: number | null;
  amount: number | null;
  details: Record<string, unknown> | null;
  channel: string;
}
export interface AlertDetail extends AlertItem {
  signals: SignalItem[];
  headcount: { month: string; insuredCount: number }[];
  events: { id: string; at: string; action: string; actorName: string | null; note: string | null; level: string }[];
}
export interface Overview {
  areas: { id: string; name: string; level: string; parentName: string | null; enterprises: number; byLevel: Record<RiskLevel, number>; openAlerts: number; avgScore: number; heat: number }[];
  openAlerts: { total: number; byLevelAge: { level: AlertLevel; label: string; within7: number; within30: number; over30: number; overdue: number }[] };
  trends: { months: string[]; alerts: { level: AlertLevel; label: string; data: number[] }[]; signals: number[] };
}
export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: { index: number; reason: string }[];
}

export const fmtTime = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' }) : '—');
export const fmtDate = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '—');
