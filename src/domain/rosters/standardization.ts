import { nomineeScore, type AwardIndicator, type ReviewerSheet } from './recognition';

/**
 * The four indicator groups of the mediation organisation standardization assessment (调解组织规范化建设):
 * 工作基础, 制度机制, 办案能力, 服务水平 — equal weights, each marked 0–100 by every reviewer.
 */
export const STANDARDIZATION_GROUPS: AwardIndicator[] = [
  { code: 'foundation', name: '工作基础', weight: 25 },
  { code: 'system', name: '制度机制', weight: 25 },
  { code: 'capacity', name: '办案能力', weight: 25 },
  { code: 'service', name: '服务水平', weight: 25 },
];
/** The mean reviewers' score an organisation needs to be recognised as standardized. */
export const STANDARDIZATION_PASS = 80;
/** A group under this mean mark blocks recognition whatever the total (no group may be neglected). */
export const STANDARDIZATION_GROUP_FLOOR = 60;

export interface StandardizationResult {
  score: number | null;
  groupMeans: Record<string, number>;
  reviewers: number;
  passes: boolean;
  /** Why it does not pass (Chinese), if it does not. */
  reasons: string[];
}

export function standardizationResult(sheets: readonly ReviewerSheet[]): StandardizationResult {
  const s = nomineeScore('org', STANDARDIZATION_GROUPS, sheets);
  if (s.score === null) return { score: null, groupMeans: {}, reviewers: 0, passes: false, reasons: ['尚无评审打分'] };
  const reasons: string[] = [];
  if (s.score < STANDARDIZATION_PASS) reasons.push(`总分${s.score}，低于认定分数${STANDARDIZATION_PASS}`);
  for (const g of STANDARDIZATION_GROUPS) if ((s.indicatorMeans[g.code] ?? 0) < STANDARDIZATION_GROUP_FLOOR) reasons.push(`“${g.name}”得分${s.indicatorMeans[g.code]}，低于${STANDARDIZATION_GROUP_FLOOR}`);
  return { score: s.score, groupMeans: s.indicatorMeans, reviewers: s.reviewers, passes: reasons.length === 0, reasons };
}
