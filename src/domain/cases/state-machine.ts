import { z } from 'zod';
import { type CaseDocumentKind, CaseOutcome, CaseStage } from './claim-types';

/**
 * The dispute-case workflow as data. The path follows 劳动争议调解仲裁法 第四条、第五条 (协商 → 调解 → 仲裁 → 诉讼,
 * any step may be skipped), chapter 二 (调解) and 劳动人事争议仲裁办案规则 第四章 (仲裁调解, 调解协议的仲裁审查).
 * A status either is open (work in progress in its stage) or records how its stage ended; an action taken from an
 * open status records the stage's outcome.
 */
export const CASE_STATUSES = [
  'consulting',
  'registered',
  'declined',
  'negotiating',
  'negotiation_failed',
  'settled',
  'mediating',
  'mediation_failed',
  'agreement_reached',
  'arbitral_review',
  'agreement_confirmed',
  'arbitration_pending',
  'arbitration_declined',
  'arbitrating',
  'arbitration_settled',
  'awarded',
  'in_court',
  'closed',
] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const CASE_STATUS_LABELS = {
  consulting: '咨询中',
  registered: '已登记待受理',
  declined: '不予受理',
  negotiating: '协商中',
  negotiation_failed: '协商不成',
  settled: '已达成和解协议',
  mediating: '调解中',
  mediation_failed: '调解终止',
  agreement_reached: '已达成调解协议',
  arbitral_review: '仲裁审查中',
  agreement_confirmed: '已出具仲裁调解书',
  arbitration_pending: '待仲裁受理',
  arbitration_declined: '仲裁不予受理',
  arbitrating: '仲裁审理中',
  arbitration_settled: '仲裁调解结案',
  awarded: '已裁决',
  in_court: '诉讼或执行中',
  closed: '已结案',
} as const satisfies Record<CaseStatus, string>;

/** The stage each status belongs to; `closed` keeps the stage the case ended in. */
export const STATUS_STAGE = {
  consulting: 'consultation',
  registered: 'mediation',
  declined: 'mediation',
  negotiating: 'negotiation',
  negotiation_failed: 'negotiation',
  settled: 'negotiation',
  mediating: 'mediation',
  mediation_failed: 'mediation',
  agreement_reached: 'mediation',
  arbitral_review: 'mediation',
  agreement_confirmed: 'mediation',
  arbitration_pending: 'arbitration',
  arbitration_declined: 'arbitration',
  arbitrating: 'arbitration',
  arbitration_settled: 'arbitration',
  awarded: 'arbitration',
  in_court: 'litigation',
  closed: null,
} as const satisfies Record<CaseStatus, CaseStage | null>;

/** Statuses in which a stage is still being worked on; leaving them records the stage's outcome. */
const OPEN_STATUSES: ReadonlySet<CaseStatus> = new Set([
  'consulting',
  'registered',
  'negotiating',
  'mediating',
  'arbitration_pending',
  'arbitrating',
  'in_court',
]);

export const CASE_ACTIONS = [
  'register',
  'answer',
  'accept_mediation',
  'start_negotiation',
  'decline',
  'transfer_org',
  'reach_settlement',
  'fail_negotiation',
  'apply_mediation',
  'extend_mediation',
  'reach_agreement',
  'terminate_mediation',
  'apply_arbitral_review',
  'confirm_agreement',
  'reject_review',
  'withdraw_review',
  'confirm_performance',
  'apply_payment_order',
  'apply_enforcement',
  'transfer_to_arbitration',
  'refer_to_mediation',
  'accept_arbitration',
  'decline_arbitration',
  'arbitral_settlement',
  'make_award',
  'file_lawsuit',
  'withdraw',
  'close',
] as const;
export const CaseAction = z.enum(CASE_ACTIONS);
export type CaseAction = z.infer<typeof CaseAction>;

export const CASE_ACTION_LABELS = {
  register: '登记申请',
  answer: '解答完毕',
  accept_mediation: '受理调解',
  start_negotiation: '组织协商',
  decline: '不予受理',
  transfer_org: '移交其他调解组织',
  reach_settlement: '达成和解协议',
  fail_negotiation: '协商不成',
  apply_mediation: '申请调解',
  extend_mediation: '延长调解期限',
  reach_agreement: '达成调解协议',
  terminate_mediation: '终止调解',
  apply_arbitral_review: '申请仲裁审查确认',
  confirm_agreement: '审查确认并出具调解书',
  reject_review: '不予制作调解书',
  withdraw_review: '撤回仲裁审查申请',
  confirm_performance: '确认履行完毕',
  apply_payment_order: '申请支付令',
  apply_enforcement: '申请强制执行',
  transfer_to_arbitration: '转入仲裁',
  refer_to_mediation: '引导先行调解',
  accept_arbitration: '仲裁立案受理',
  decline_arbitration: '仲裁不予受理',
  arbitral_settlement: '仲裁调解结案',
  make_award: '作出裁决',
  file_lawsuit: '提起诉讼',
  withdraw: '撤回申请',
  close: '结案归档',
} as const satisfies Record<CaseAction, string>;

/** Allowed actions per status — the table the API answers 409 from. */
export const ALLOWED_ACTIONS = {
  consulting: ['register', 'answer'],
  registered: ['accept_mediation', 'start_negotiation', 'decline', 'transfer_org', 'withdraw'],
  // 企业劳动争议协商调解规定 第二十二条: a party refusing mediation → written notice; the applicant may go to arbitration.
  declined: ['transfer_to_arbitration', 'close'],
  negotiating: ['reach_settlement', 'fail_negotiation', 'transfer_org', 'withdraw'],
  // 劳动争议调解仲裁法 第五条: 协商不成或者达成和解协议后不履行的，可以申请调解或仲裁.
  negotiation_failed: ['apply_mediation', 'transfer_to_arbitration', 'close'],
  settled: ['confirm_performance', 'apply_mediation', 'transfer_to_arbitration'],
  // 第十四条第三款: fifteen days without agreement → arbitration; 企业劳动争议协商调解规定 第二十九条: extension by consent.
  mediating: ['reach_agreement', 'terminate_mediation', 'extend_mediation', 'transfer_to_arbitration', 'transfer_org', 'withdraw'],
  mediation_failed: ['transfer_to_arbitration', 'close'],
  // 第十五条 (不履行 → 仲裁), 第十六条 (支付令); 办案规则 第七十四条 (仲裁审查).
  agreement_reached: ['apply_arbitral_review', 'confirm_performance', 'apply_payment_order', 'transfer_to_arbitration'],
  // 办案规则 第七十六条至第七十九条.
  arbitral_review: ['confirm_agreement', 'reject_review', 'withdraw_review'],
  // 第五十一条: 调解书 not performed → enforcement by the people's court.
  agreement_confirmed: ['confirm_performance', 'apply_enforcement'],
  // 第二十九条; 办案规则 第六十九条 (调解建议书, 暂缓受理).
  arbitration_pending: ['accept_arbitration', 'decline_arbitration', 'refer_to_mediation', 'file_lawsuit', 'withdraw'],
  arbitration_declined: ['file_lawsuit', 'close'],
  // 第四十二条 (先行调解), 第四十三条 (逾期未裁决 → 诉讼), 第四十一条 (和解后撤回).
  arbitrating: ['arbitral_settlement', 'make_award', 'file_lawsuit', 'withdraw'],
  arbitration_settled: ['confirm_performance', 'apply_enforcement'],
  // 第四十八条、第五十条 (不服裁决起诉), 第五十一条 (执行).
  awarded: ['confirm_performance', 'file_lawsuit', 'apply_enforcement', 'close'],
  in_court: ['close'],
  closed: [],
} as const satisfies Record<CaseStatus, readonly CaseAction[]>;

interface ActionEffect {
  to: CaseStatus;
  /** Recorded for the stage of the status the action is taken from, when that status is open. */
  outcome?: CaseOutcome;
  requiresReason?: true;
}

const ACTION_EFFECTS = {
  register: { to: 'registered' },
  answer: { to: 'closed', outcome: 'answered' },
  accept_mediation: { to: 'mediating' },
  start_negotiation: { to: 'negotiating' },
  decline: { to: 'declined', outcome: 'declined', requiresReason: true },
  transfer_org: { to: 'registered', outcome: 'transferred', requiresReason: true },
  reach_settlement: { to: 'settled', outcome: 'agreement' },
  fail_negotiation: { to: 'negotiation_failed', outcome: 'no_agreement' },
  apply_mediation: { to: 'registered' },
  extend_mediation: { to: 'mediating' },
  reach_agreement: { to: 'agreement_reached', outcome: 'agreement' },
  terminate_mediation: { to: 'mediation_failed', outcome: 'no_agreement', requiresReason: true },
  apply_arbitral_review: { to: 'arbitral_review' },
  confirm_agreement: { to: 'agreement_confirmed' },
  reject_review: { to: 'agreement_reached', requiresReason: true },
  withdraw_review: { to: 'agreement_reached' },
  confirm_performance: { to: 'closed' },
  apply_payment_order: { to: 'in_court' },
  apply_enforcement: { to: 'in_court' },
  transfer_to_arbitration: { to: 'arbitration_pending', outcome: 'transferred' },
  refer_to_mediation: { to: 'registered', outcome: 'transferred' },
  accept_arbitration: { to: 'arbitrating' },
  decline_arbitration: { to: 'arbitration_declined', outcome: 'declined', requiresReason: true },
  arbitral_settlement: { to: 'arbitration_settled', outcome: 'agreement' },
  make_award: { to: 'awarded', outcome: 'award' },
  file_lawsuit: { to: 'in_court', outcome: 'transferred' },
  withdraw: { to: 'closed', outcome: 'withdrawn' },
  close: { to: 'closed' },
} as const satisfies Record<CaseAction, ActionEffect>;

/** Documents an action produces (src/server/documents/case-documents.ts). */
export const ACTION_DOCUMENTS = {
  accept_mediation: 'acceptance_notice',
  reach_agreement: 'mediation_agreement',
  terminate_mediation: 'mediation_termination_notice',
  refer_to_mediation: 'mediation_suggestion',
  apply_arbitral_review: 'arbitral_review_application',
} as const satisfies Partial<Record<CaseAction, CaseDocumentKind>>;

export const CaseState = z.object({
  status: CaseStatus,
  stage: CaseStage,
  /** How each stage the case went through ended; the latest ending wins. */
  outcomes: z.partialRecord(CaseStage, CaseOutcome),
});
export type CaseState = z.infer<typeof CaseState>;

export interface TransitionError {
  code: 'TRANSITION_NOT_ALLOWED' | 'REASON_REQUIRED';
  allowed: CaseAction[];
  message: string;
}

/** Where a case starts: a consultation, an application for mediation (or negotiation), or one for arbitration. */
export function initialCaseState(start: 'consultation' | 'mediation' | 'arbitration'): CaseState {
  if (start === 'consultation') return { status: 'consulting', stage: 'consultation', outcomes: {} };
  if (start === 'arbitration') return { status: 'arbitration_pending', stage: 'arbitration', outcomes: {} };
  return { status: 'registered', stage: 'mediation', outcomes: {} };
}

export function allowedActions(status: CaseStatus): CaseAction[] {
  return [...ALLOWED_ACTIONS[status]];
}

export function isTransitionError(value: CaseState | TransitionError): value is TransitionError {
  return 'allowed' in value;
}

export function actionRequiresReason(action: CaseAction): boolean {
  return 'requiresReason' in ACTION_EFFECTS[action];
}

/**
 * The state after `action`, or why it is not allowed (the API maps the error to 409 and lists `allowed`).
 * `reason` is required for declining, transferring and terminating (written notice with reasons:
 * 劳动争议调解仲裁法 第二十九条; 企业劳动争议协商调解规定 第二十二条、第三十条; 办案规则 第七十八条).
 */
export function nextState(state: CaseState, action: CaseAction, input: { reason?: string } = {}): CaseState | TransitionError {
  const allowed = allowedActions(state.status);
  const actionLabel = CASE_ACTION_LABELS[action];
  if (!(allowed as readonly string[]).includes(action)) {
    const statusLabel = CASE_STATUS_LABELS[state.status];
    const message =
      allowed.length === 0
        ? `案件${statusLabel}，不能再${actionLabel}。`
        : `案件当前为“${statusLabel}”，不能${actionLabel}；可以进行：${allowed.map((a) => CASE_ACTION_LABELS[a]).join('、')}。`;
    return { code: 'TRANSITION_NOT_ALLOWED', allowed, message };
  }
  const effect: ActionEffect = ACTION_EFFECTS[action];
  if (effect.requiresReason && !input.reason?.trim()) {
    return { code: 'REASON_REQUIRED', allowed, message: `${actionLabel}须说明理由。` };
  }
  const outcomes = { ...state.outcomes };
  if (effect.outcome && OPEN_STATUSES.has(state.status)) outcomes[state.stage] = effect.outcome;
  return { status: effect.to, stage: STATUS_STAGE[effect.to] ?? state.stage, outcomes };
}

/** Folds an append-only action history into the current state; stops at the first action that is not allowed. */
export function replayActions(
  start: CaseState,
  actions: readonly { action: CaseAction; reason?: string }[],
): { state: CaseState; error?: TransitionError & { index: number } } {
  let state = start;
  for (const [index, a] of actions.entries()) {
    const next = nextState(state, a.action, { reason: a.reason });
    if (isTransitionError(next)) return { state, error: { ...next, index } };
    state = next;
  }
  return { state };
}
