import type { AlertLevel } from './levels';
import type { RuleSet } from './rule-set';

export const HARD_RULE_CODES = ['MASS_LAYOFF', 'COLLECTIVE_WAGE_ARREARS', 'ASSET_SEIZURE', 'DISPUTE_CLUSTER', 'MASS_UNEMPLOYMENT'] as const;
export type HardRuleCode = (typeof HARD_RULE_CODES)[number];
/** Reason codes of an alert: the hard rules plus the score itself. */
export type ReasonCode = HardRuleCode | 'SCORE';

/** The article or document behind each hard rule, shown with every alert it raises. */
export const HARD_RULE_BASIS = {
  MASS_LAYOFF: '《劳动合同法》第四十一条（裁减人员二十人以上或者裁减不足二十人但占企业职工总数百分之十以上）',
  COLLECTIVE_WAGE_ARREARS: '《劳动争议调解仲裁法》第七条（劳动者一方在十人以上）；《劳动合同法》第三十条',
  ASSET_SEIZURE: '园区劳动关系公共服务站建设方案 二(二)1（法院通报园区企业立案和查封信息）；《劳动合同法》第四十一条（生产经营发生严重困难）',
  DISPUTE_CLUSTER: '“和谐同行”三年行动计划 六(一)（对劳动仲裁案件频繁的单位提出预警和建议）；《劳动争议调解仲裁法》第七条',
  MASS_UNEMPLOYMENT: '《就业促进法》第四十二条（建立失业预警制度）；《劳动合同法》第四十一条',
} as const satisfies Record<HardRuleCode, string>;

export const HARD_RULE_LABELS = {
  MASS_LAYOFF: '规模性裁员',
  COLLECTIVE_WAGE_ARREARS: '集体欠薪',
  ASSET_SEIZURE: '资产查封',
  DISPUTE_CLUSTER: '争议高发',
  MASS_UNEMPLOYMENT: '区域性规模失业',
} as const satisfies Record<HardRuleCode, string>;

export interface HardRuleHit {
  code: HardRuleCode;
  level: AlertLevel;
  text: string;
  basis: string;
}

const hit = (rules: RuleSet, code: HardRuleCode, text: string): HardRuleHit => ({ code, level: rules.hardRules.levels[code], text, basis: HARD_RULE_BASIS[code] });

/**
 * 劳动合同法 第四十一条: a month-over-month insured-headcount drop of ≥ 20 people, or of fewer than 20
 * but ≥ 10 % of the workforce (the previous month's insured count). The ratio branch needs at least
 * `massLayoffMinDrop` people (default 3) so that ordinary churn in a micro enterprise is not a layoff.
 */
export function massLayoff(rules: RuleSet, prev: { month: string; count: number } | null, curr: { month: string; count: number } | null): HardRuleHit | null {
  if (!prev || !curr || prev.count <= 0) return null;
  const drop = prev.count - curr.count;
  if (drop <= 0) return null;
  const { massLayoffPeople, massLayoffRatio, massLayoffMinDrop } = rules.hardRules;
  // Integer comparison (drop × 1000 ≥ ratio × 1000 × prev) avoids 0.1 × 90 ≠ 9 rounding at the edge.
  const ratioHit = drop >= massLayoffMinDrop && drop * 1000 >= Math.round(massLayoffRatio * 1000) * prev.count;
  if (drop < massLayoffPeople && !ratioHit) return null;
  const pct = Math.round((drop / prev.count) * 1000) / 10;
  return hit(rules, 'MASS_LAYOFF', `${curr.month} 参保人数较 ${prev.month} 减少 ${drop} 人（${prev.count} → ${curr.count}，降幅 ${pct}%）`);
}

/** 劳动争议调解仲裁法 第七条: wage-arrears complaints from ≥ 10 workers within the window. */
export function collectiveWageArrears(rules: RuleSet, complaints: { workersAffected: number | null }[]): HardRuleHit | null {
  const workers = complaints.reduce((s, c) => s + Math.max(1, c.workersAffected ?? 1), 0);
  if (workers < rules.hardRules.collectiveWageWorkers) return null;
  return hit(rules, 'COLLECTIVE_WAGE_ARREARS', `近${rules.hardRules.collectiveWageWindowDays}日欠薪投诉 ${complaints.length} 件，涉及劳动者 ${workers} 人`);
}

/** An asset seizure within the window raises an alert by itself. */
export function assetSeizure(rules: RuleSet, seizures: { amount: number | null }[]): HardRuleHit | null {
  if (seizures.length === 0) return null;
  const total = seizures.reduce((s, x) => s + (x.amount ?? 0), 0);
  return hit(rules, 'ASSET_SEIZURE', `近${rules.hardRules.assetSeizureWindowDays}日资产被查封 ${seizures.length} 次${total > 0 ? `，涉及金额 ${total.toLocaleString('zh-CN')} 元` : ''}`);
}

/** ≥ 3 dispute cases within 30 days (ages 0 … days − 1). */
export function disputeCluster(rules: RuleSet, caseAgesDays: number[]): HardRuleHit | null {
  const { disputeClusterCount, disputeClusterDays } = rules.hardRules;
  const n = caseAgesDays.filter((a) => a >= 0 && a < disputeClusterDays).length;
  if (n < disputeClusterCount) return null;
  return hit(rules, 'DISPUTE_CLUSTER', `近${disputeClusterDays}日发生劳动争议案件 ${n} 件`);
}

/** Whether an enterprise's month-over-month drop counts as "cutting staff" for the regional rule. */
export function isStaffCut(rules: RuleSet, prev: number, curr: number): boolean {
  if (prev <= 0 || prev - curr < rules.hardRules.massLayoffMinDrop) return false;
  return (prev - curr) * 1000 >= Math.round(rules.hardRules.regionalCutRatio * 1000) * prev;
}

/**
 * 就业促进法 第四十二条: several enterprises of one street cutting staff in the same month → one regional
 * alert for the street (规模性失业风险).
 */
export function massUnemployment(rules: RuleSet, streetName: string, month: string, cuts: { enterpriseId: string; drop: number }[]): HardRuleHit | null {
  if (cuts.length < rules.hardRules.regionalEnterprises) return null;
  const total = cuts.reduce((s, c) => s + c.drop, 0);
  return hit(rules, 'MASS_UNEMPLOYMENT', `${streetName} ${month} 共 ${cuts.length} 家企业减员，合计减少参保 ${total} 人`);
}
