import type { RiskLevel } from './levels';
import type { RuleSet } from './rule-set';
import type { SignalKind } from './signals';

/** Severity multiplier of one signal: 1 + step for every workers / amount threshold it reaches. */
export function severityOf(rules: RuleSet['severity'], workersAffected: number | null | undefined, amount: number | null | undefined): number {
  let s = 1;
  for (const t of rules.workersThresholds) if ((workersAffected ?? 0) >= t) s += rules.step;
  for (const t of rules.amountThresholds) if ((amount ?? 0) >= t) s += rules.step;
  return s;
}

/** Exponential time decay: 1 today, ½ after one half-life, 0 outside the window or in the future. */
export function decayFactor(ageDays: number, halfLifeDays: number, windowDays = Infinity): number {
  if (ageDays < 0 || ageDays >= windowDays) return 0;
  return Math.pow(0.5, ageDays / halfLifeDays);
}

/** Decay by age in days 0 … windowDays − 1: the table the set-based recompute joins against. */
export function decayTable(rules: Pick<RuleSet, 'halfLifeDays' | 'windowDays'>): number[] {
  return Array.from({ length: rules.windowDays }, (_, age) => decayFactor(age, rules.halfLifeDays, rules.windowDays));
}

export interface ScoredSignal {
  kind: SignalKind;
  ageDays: number;
  workersAffected?: number | null;
  amount?: number | null;
}

/** Points one signal contributes: weight × severity × decay. */
export function signalPoints(rules: RuleSet, s: ScoredSignal): number {
  return rules.weights[s.kind] * severityOf(rules.severity, s.workersAffected, s.amount) * decayFactor(s.ageDays, rules.halfLifeDays, rules.windowDays);
}

/** The score (0–100) from summed points: capped, rounded to one decimal. */
export const scoreFromPoints = (points: number) => Math.round(Math.min(100, points) * 10) / 10;

/** The explainable score: total and the points per kind. */
export function scoreSignals(rules: RuleSet, signals: ScoredSignal[]): { score: number; byKind: Partial<Record<SignalKind, number>> } {
  const byKind: Partial<Record<SignalKind, number>> = {};
  let total = 0;
  for (const s of signals) {
    const p = signalPoints(rules, s);
    total += p;
    byKind[s.kind] = (byKind[s.kind] ?? 0) + p;
  }
  return { score: scoreFromPoints(total), byKind };
}

/** The level of a score: the highest threshold it reaches. */
export function levelOfScore(thresholds: RuleSet['levelThresholds'], score: number): RiskLevel {
  if (score >= thresholds.red) return 'red';
  if (score >= thresholds.orange) return 'orange';
  if (score >= thresholds.yellow) return 'yellow';
  if (score >= thresholds.blue) return 'blue';
  return 'none';
}

/**
 * Points for the enterprise's labor-security credit grade (企业劳动保障守法诚信等级评价办法 人社部规〔2016〕1号:
 * C级 = 不守法诚信, 列为重点监察对象). A or no grade adds nothing.
 */
export function creditGradePoints(rules: Pick<RuleSet, 'creditGradePoints'>, grade: string | null | undefined): number {
  if (grade === 'B' || grade === 'C') return rules.creditGradePoints[grade];
  return 0;
}
