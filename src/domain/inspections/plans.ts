import { z } from 'zod';

/**
 * 双随机、一公开 plans: a plan is drafted, drawn exactly once (国办发〔2015〕58号: 随机抽取检查对象、随机选派执法检查人员),
 * inspected, then its results are approved and published (抽查情况及查处结果及时向社会公开).
 */
export const PLAN_STATUSES = ['draft', 'drawn', 'published'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = { draft: '待抽取', drawn: '检查中', published: '已公开' };
export type PlanEvent = 'draw' | 'publish';
const PLAN_TRANSITIONS = { draft: ['draw'], drawn: ['publish'], published: [] } satisfies Record<PlanStatus, PlanEvent[]>;
export const allowedPlanEvents = (s: PlanStatus): PlanEvent[] => PLAN_TRANSITIONS[s];
export function nextPlanStatus(s: PlanStatus, e: PlanEvent): PlanStatus | null {
  if (!(PLAN_TRANSITIONS[s] as PlanEvent[]).includes(e)) return null;
  return e === 'draw' ? 'drawn' : 'published';
}

/** What an inspection of a drawn target found. */
export const INSPECTION_RESULTS = ['compliant', 'rectified', 'violation', 'not_found'] as const;
export const InspectionResult = z.enum(INSPECTION_RESULTS, { error: '请选择检查结果' });
export type InspectionResult = z.infer<typeof InspectionResult>;
export const INSPECTION_RESULT_LABELS: Record<InspectionResult, string> = {
  compliant: '未发现问题',
  rectified: '发现问题已责令整改',
  violation: '发现违法行为依法查处',
  not_found: '通过登记的住所（经营场所）无法联系',
};

/** A plan's results may be published only when every drawn target has a result. */
export function publishCheck(results: readonly (string | null)[]): { allowed: boolean; reason: string } {
  const missing = results.filter((r) => !r).length;
  if (results.length === 0) return { allowed: false, reason: '尚未抽取检查对象' };
  if (missing > 0) return { allowed: false, reason: `尚有${missing}户检查结果未录入` };
  return { allowed: true, reason: '检查结果已全部录入' };
}

/** Share of the directory a year's plans have drawn so far (the 5 % floor is per year, see MIN_RATIO). */
export function yearlyCoverage(drawnTargets: number, directorySize: number): number {
  return directorySize === 0 ? 0 : Math.round((drawnTargets / directorySize) * 1000) / 1000;
}
