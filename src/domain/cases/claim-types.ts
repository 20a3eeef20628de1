import { z } from 'zod';

/** What the worker (or employer) asks for. 劳动争议调解仲裁法 第二条 lists the disputes these come from. */
export const CLAIM_TYPES = [
  'wage_arrears',
  'severance',
  'unlawful_termination',
  'overtime',
  'double_wage',
  'social_insurance',
  'work_injury',
  'confirm_relationship',
  'annual_leave',
  'other',
] as const;
export const ClaimType = z.enum(CLAIM_TYPES);
export type ClaimType = z.infer<typeof ClaimType>;

export const CLAIM_TYPE_LABELS = {
  wage_arrears: '拖欠工资',
  severance: '经济补偿',
  unlawful_termination: '违法解除赔偿金',
  overtime: '加班费',
  double_wage: '二倍工资',
  social_insurance: '社会保险',
  work_injury: '工伤待遇',
  confirm_relationship: '确认劳动关系',
  annual_leave: '年休假工资',
  other: '其他',
} as const satisfies Record<ClaimType, string>;

/** How a case reached the platform. */
export const CASE_SOURCES = [
  'walk_in',
  'phone',
  'online_worker',
  'online_enterprise',
  'referral_12333',
  'referral_court',
  'referral_inspection',
  'other',
] as const;
export const CaseSource = z.enum(CASE_SOURCES);
export type CaseSource = z.infer<typeof CaseSource>;

export const CASE_SOURCE_LABELS = {
  walk_in: '来访登记',
  phone: '电话申请',
  online_worker: '劳动者网上申请',
  online_enterprise: '用人单位网上申请',
  referral_12333: '12333热线转办',
  referral_court: '人民法院委派调解',
  referral_inspection: '劳动保障监察转办',
  other: '其他',
} as const satisfies Record<CaseSource, string>;

/** 劳动争议调解仲裁法 第四条、第五条: 协商 → 调解 → 仲裁 → 诉讼; consultation precedes them. */
export const CASE_STAGES = ['consultation', 'negotiation', 'mediation', 'arbitration', 'litigation'] as const;
export const CaseStage = z.enum(CASE_STAGES);
export type CaseStage = z.infer<typeof CaseStage>;

export const CASE_STAGE_LABELS = {
  consultation: '咨询',
  negotiation: '协商和解',
  mediation: '调解',
  arbitration: '仲裁',
  litigation: '诉讼',
} as const satisfies Record<CaseStage, string>;

/** How a stage ended. */
export const CASE_OUTCOMES = ['agreement', 'no_agreement', 'withdrawn', 'transferred', 'declined', 'award', 'answered'] as const;
export const CaseOutcome = z.enum(CASE_OUTCOMES);
export type CaseOutcome = z.infer<typeof CaseOutcome>;

export const CASE_OUTCOME_LABELS = {
  agreement: '达成协议',
  no_agreement: '未达成协议',
  withdrawn: '撤回申请',
  transferred: '移交处理',
  declined: '不予受理',
  award: '作出裁决',
  answered: '已解答',
} as const satisfies Record<CaseOutcome, string>;

/** Stage-specific wording of an outcome, e.g. agreement in negotiation is 达成和解协议. */
export function outcomeLabel(stage: CaseStage, outcome: CaseOutcome): string {
  if (outcome === 'agreement') {
    if (stage === 'negotiation') return '达成和解协议';
    if (stage === 'mediation') return '达成调解协议';
    if (stage === 'arbitration') return '仲裁调解结案';
  }
  if (outcome === 'no_agreement') {
    if (stage === 'negotiation') return '协商不成';
    if (stage === 'mediation') return '调解不成';
  }
  return CASE_OUTCOME_LABELS[outcome];
}

/** Documents the platform generates for a case (src/server/documents/case-documents.ts). */
export const CASE_DOCUMENT_KINDS = [
  'acceptance_notice',
  'mediation_record',
  'mediation_agreement',
  'mediation_termination_notice',
  'mediation_suggestion',
  'arbitral_review_application',
] as const;
export const CaseDocumentKind = z.enum(CASE_DOCUMENT_KINDS);
export type CaseDocumentKind = z.infer<typeof CaseDocumentKind>;

export const CASE_DOCUMENT_KIND_LABELS = {
  acceptance_notice: '受理通知书',
  mediation_record: '调解笔录',
  mediation_agreement: '调解协议书',
  mediation_termination_notice: '终止调解通知书',
  mediation_suggestion: '调解建议书',
  arbitral_review_application: '仲裁审查确认申请书',
} as const satisfies Record<CaseDocumentKind, string>;
