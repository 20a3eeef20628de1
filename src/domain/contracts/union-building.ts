import { z } from 'zod';

/** The union-building pipeline of one enterprise (工会法 第十一条、第十二条). */
export const UNION_STAGES = ['not_started', 'preparing', 'established'] as const;
export const UnionStage = z.enum(UNION_STAGES);
export type UnionStage = z.infer<typeof UnionStage>;
export const UNION_STAGE_LABELS = {
  not_started: '未启动',
  preparing: '筹建中',
  established: '已建会',
} as const satisfies Record<UnionStage, string>;

export const UNION_STAGE_TRANSITIONS = {
  not_started: ['preparing', 'established'],
  preparing: ['not_started', 'established'],
  established: [],
} as const satisfies Record<UnionStage, readonly UnionStage[]>;

export function canMoveTo(from: UnionStage, to: UnionStage): boolean {
  return (UNION_STAGE_TRANSITIONS[from] as readonly UnionStage[]).includes(to);
}

/** 工会法 第十一条: an employer with 25 or more members shall set up a grass-roots union committee. */
export const UNION_COMMITTEE_THRESHOLD = 25;

/** Enterprises registered within this many days appear as new in the union-building list. */
export const NEW_ENTERPRISE_DAYS = 365;

export interface Indicator {
  id: string;
  maxScore: number;
  weight: number;
}

/** The weighted total of an assessment on a 100-point scale; scores are clamped to each indicator's maximum. */
export function assessmentTotal(indicators: readonly Indicator[], scores: ReadonlyMap<string, number>): number {
  const weightSum = indicators.reduce((s, i) => s + i.weight, 0);
  if (weightSum <= 0) return 0;
  const total = indicators.reduce((s, i) => {
    const v = Math.min(i.maxScore, Math.max(0, scores.get(i.id) ?? 0));
    return s + (i.maxScore > 0 ? (v / i.maxScore) * i.weight : 0);
  }, 0);
  return Math.round((total / weightSum) * 1000) / 10;
}

export function assessmentGrade(total: number): '优秀' | '良好' | '合格' | '不合格' {
  if (total >= 90) return '优秀';
  if (total >= 75) return '良好';
  if (total >= 60) return '合格';
  return '不合格';
}
