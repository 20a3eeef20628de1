/**
 * A complaint or report (投诉举报) from intake to closure:
 * received → accepted (受理并立案) → rectifying (限期整改指令书已下达) → closed;
 * received → rejected (不予受理, with the reason told to the complainant).
 * 劳动保障监察条例 第十八条: 调查后依法作出行政处罚决定、责令改正或行政处理决定，情节轻微且已改正的撤销立案。
 */
export const COMPLAINT_STATUSES = ['received', 'accepted', 'rectifying', 'closed', 'rejected'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  received: '已接收（待受理）',
  accepted: '已受理立案（调查中）',
  rectifying: '限期整改中',
  closed: '已办结',
  rejected: '不予受理',
};

export const COMPLAINT_CHANNELS = ['public', 'worker', 'official', '12333'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];
export const COMPLAINT_CHANNEL_LABELS: Record<ComplaintChannel, string> = { public: '网上投诉举报', worker: '劳动者服务端', official: '窗口/来访登记', '12333': '12333热线转办' };

/** Closing outcomes: a violation found (decision / rectified) or not. */
export const COMPLAINT_OUTCOMES = ['violation_found', 'no_violation', 'withdrawn'] as const;
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];
export const COMPLAINT_OUTCOME_LABELS: Record<ComplaintOutcome, string> = { violation_found: '查实违法', no_violation: '未发现违法', withdrawn: '撤销立案' };

export type ComplaintEvent = 'accept' | 'reject' | 'assign' | 'extend' | 'order' | 'close';

const TRANSITIONS: Record<ComplaintStatus, Partial<Record<ComplaintEvent, ComplaintStatus>>> = {
  received: { accept: 'accepted', reject: 'rejected', assign: 'received' },
  accepted: { assign: 'accepted', extend: 'accepted', order: 'rectifying', close: 'closed' },
  rectifying: { assign: 'rectifying', extend: 'rectifying', order: 'rectifying', close: 'closed' },
  closed: {},
  rejected: {},
};

export function nextComplaintStatus(status: ComplaintStatus, event: ComplaintEvent): ComplaintStatus | null {
  return TRANSITIONS[status][event] ?? null;
}
export function allowedComplaintEvents(status: ComplaintStatus): ComplaintEvent[] {
  return Object.keys(TRANSITIONS[status]) as ComplaintEvent[];
}

/** What a complaint is about (劳动保障监察条例 第十一条 lists the matters under supervision). */
export const COMPLAINT_ISSUES = ['wage_arrears', 'minimum_wage', 'no_contract', 'social_insurance', 'working_hours', 'child_labour', 'forced_labour', 'female_protection', 'other'] as const;
export type ComplaintIssue = (typeof COMPLAINT_ISSUES)[number];
export const COMPLAINT_ISSUE_LABELS: Record<ComplaintIssue, string> = {
  wage_arrears: '拖欠、克扣工资',
  minimum_wage: '工资低于最低工资标准',
  no_contract: '未签订劳动合同',
  social_insurance: '未依法参加社会保险',
  working_hours: '违反工作时间和休息休假规定',
  child_labour: '使用童工',
  forced_labour: '强迫劳动',
  female_protection: '违反女职工、未成年工特殊保护',
  other: '其他劳动保障违法行为',
};

export type ComplaintPriority = 'urgent' | 'high' | 'normal';
export const COMPLAINT_PRIORITY_LABELS: Record<ComplaintPriority, string> = { urgent: '紧急', high: '优先', normal: '一般' };
/** Workers affected from which a complaint is treated as a possible mass incident (local setting). */
export const MASS_COMPLAINT_WORKERS = 10;

/**
 * Triage: child or forced labour and complaints by many workers are urgent (第十四条: 群体性事件应当根据应急预案迅速处理);
 * wage arrears are handled first among the rest.
 */
export function triage(issues: readonly ComplaintIssue[], workersAffected: number | null): ComplaintPriority {
  if (issues.includes('child_labour') || issues.includes('forced_labour') || (workersAffected ?? 0) >= MASS_COMPLAINT_WORKERS) return 'urgent';
  if (issues.includes('wage_arrears') || issues.includes('minimum_wage')) return 'high';
  return 'normal';
}
