import { z } from 'zod';

/** Seed 000 四: each year the bureau, the union and the federation each pair with enterprises (一对一培育). */
export const CultivationPartner = z.enum(['hrss', 'union', 'federation']);
export type CultivationPartner = z.infer<typeof CultivationPartner>;
export const PARTNER_LABELS = { hrss: '人社局', union: '总工会', federation: '工商联' } as const satisfies Record<CultivationPartner, string>;

export const ActivityKind = z.enum(['visit', 'training']);
export type ActivityKind = z.infer<typeof ActivityKind>;
export const ACTIVITY_LABELS = { visit: '走访指导', training: '专题培训' } as const satisfies Record<ActivityKind, string>;

export type CultivationStatus = 'diagnosed' | 'planned' | 'in_progress' | 'assessed';
export const CULTIVATION_STATUS_LABELS = { diagnosed: '已诊断', planned: '已制定方案', in_progress: '培育中', assessed: '已评估' } as const satisfies Record<CultivationStatus, string>;

/** Status follows the work done: a diagnosis, then a plan, then visits/trainings, then the assessment. */
export function cultivationStatus(c: { plan: string | null; activityCount: number; assessedAt: string | null }): CultivationStatus {
  if (c.assessedAt) return 'assessed';
  if (c.activityCount > 0) return 'in_progress';
  if (c.plan) return 'planned';
  return 'diagnosed';
}

export const AssessmentResult = z.enum(['excellent', 'qualified', 'unqualified']);
export type AssessmentResult = z.infer<typeof AssessmentResult>;
export const ASSESSMENT_LABELS = { excellent: '优秀', qualified: '合格', unqualified: '不合格' } as const satisfies Record<AssessmentResult, string>;
