import type { CreditGrade } from './grades';

/**
 * One enterprise's evaluation: proposed by the evaluating meeting, notified to the enterprise, which may
 * object (异议) within the objection period; the objection is reviewed (upheld → the grade is changed,
 * rejected → the proposed grade stands) and the evaluation becomes final. Dynamic downgrades are final
 * at once but the enterprise may still object to them.
 */
export const EVALUATION_STATUSES = ['proposed', 'objected', 'final'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];
export const EVALUATION_STATUS_LABELS: Record<EvaluationStatus, string> = { proposed: '已告知企业（异议期）', objected: '企业提出异议', final: '已确定' };

export const OBJECTION_OUTCOMES = ['upheld', 'rejected'] as const;
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number];

/** Working days the enterprise has to object after being notified (local setting, see docs/decisions.md). */
export const OBJECTION_WORKING_DAYS = 10;

export type EvaluationEvent = 'object' | 'review' | 'finalize';

const TRANSITIONS: Record<EvaluationStatus, Partial<Record<EvaluationEvent, EvaluationStatus>>> = {
  proposed: { object: 'objected', finalize: 'final' },
  objected: { review: 'final' },
  final: {},
};

export function nextEvaluationStatus(status: EvaluationStatus, event: EvaluationEvent): EvaluationStatus | null {
  return TRANSITIONS[status][event] ?? null;
}

export function allowedEvaluationEvents(status: EvaluationStatus): EvaluationEvent[] {
  return Object.keys(TRANSITIONS[status]) as EvaluationEvent[];
}

/** The grade after review: an upheld objection takes the reviewed grade; a rejected one keeps the proposal. */
export function gradeAfterReview(proposed: CreditGrade, outcome: ObjectionOutcome, reviewed?: CreditGrade | null): CreditGrade {
  return outcome === 'upheld' && reviewed ? reviewed : proposed;
}

/** Round statuses: open (grades proposed) → closed (meeting held, minutes recorded, grades final). */
export const ROUND_STATUSES = ['open', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];
