import { z } from 'zod';
import { responseDeadline, type NonWorkingDay } from './deadlines';

/** The dated steps of a collective negotiation, in their usual order (集体合同规定 第四章、第五章). */
export const NEGOTIATION_STEPS = ['request', 'response', 'meeting', 'draft', 'congress_vote', 'signing', 'filing'] as const;
export const NegotiationStepKind = z.enum(NEGOTIATION_STEPS);
export type NegotiationStepKind = z.infer<typeof NegotiationStepKind>;
export const NEGOTIATION_STEP_LABELS = {
  request: '提出协商要约',
  response: '书面回应要约',
  meeting: '协商会议',
  draft: '形成合同草案',
  congress_vote: '职工代表大会审议通过',
  signing: '首席代表签字',
  filing: '报送审查',
} as const satisfies Record<NegotiationStepKind, string>;

export const NEGOTIATION_STATUSES = ['requested', 'negotiating', 'voted', 'signed', 'filed'] as const;
export type NegotiationStatus = (typeof NEGOTIATION_STATUSES)[number];
export const NEGOTIATION_STATUS_LABELS = {
  requested: '已发出要约',
  negotiating: '协商中',
  voted: '职代会已通过',
  signed: '已签订',
  filed: '已报送',
} as const satisfies Record<NegotiationStatus, string>;

/** Which steps may follow the steps already recorded (meetings and drafts may repeat). */
export function nextSteps(done: readonly NegotiationStepKind[]): NegotiationStepKind[] {
  const has = (k: NegotiationStepKind) => done.includes(k);
  if (!has('request')) return ['request'];
  if (!has('response')) return ['response'];
  if (has('filing')) return [];
  if (has('signing')) return ['filing'];
  if (has('congress_vote')) return ['signing'];
  if (has('draft')) return ['meeting', 'draft', 'congress_vote'];
  return ['meeting', 'draft'];
}

export function negotiationStatus(done: readonly NegotiationStepKind[]): NegotiationStatus {
  if (done.includes('filing')) return 'filed';
  if (done.includes('signing')) return 'signed';
  if (done.includes('congress_vote')) return 'voted';
  if (done.includes('response')) return 'negotiating';
  return 'requested';
}

/**
 * 集体合同规定 第三十二条: the state of the 20-day answer to a request — due date, and whether it is
 * overdue on `today` with no response recorded.
 */
export function responseState(requestedOn: string, respondedOn: string | null, today: string, isNonWorkingDay?: NonWorkingDay) {
  const due = responseDeadline(requestedOn, isNonWorkingDay);
  return { due, responded: !!respondedOn, late: respondedOn ? respondedOn > due : today > due };
}

/**
 * 劳动合同法 第五十一条: the draft must be adopted by the workers' congress or all workers; a vote passes
 * with more than half of all delegates (集体合同规定 第三十六条 requires two thirds present and a majority of
 * all — stated here as the platform's check, the regulation is not in the law data set).
 */
export function congressPassed(votesFor: number, delegates: number, present?: number): boolean {
  if (delegates <= 0) return false;
  if (present !== undefined && present * 3 < delegates * 2) return false;
  return votesFor * 2 > delegates;
}

/** Document templates for the negotiation steps. */
export const NEGOTIATION_TEMPLATES = {
  request: '集体协商要约书',
  response: '集体协商要约回应书',
  meeting: '集体协商会议纪要',
  congress_vote: '职工代表大会审议集体合同草案决议',
} as const;
export type NegotiationTemplate = keyof typeof NEGOTIATION_TEMPLATES;
