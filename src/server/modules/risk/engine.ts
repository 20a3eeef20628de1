import { assetSeizure, collectiveWageArrears, disputeCluster, isStaffCut, massLayoff, massUnemployment, type HardRuleHit, type ReasonCode } from '../../../domain/risk/hard-rules';
import { levelRank, maxLevel, type AlertLevel, type RiskLevel } from '../../../domain/risk/levels';
import type { RuleSet } from '../../../domain/risk/rule-set';
import { creditGradePoints, levelOfScore, scoreFromPoints, signalPoints } from '../../../domain/risk/scoring';
import { dayNumber, monthIndex, SIGNAL_KIND_LABELS, type SignalKind } from '../../../domain/risk/signals';
import type { DbOrTrx } from '../../db';
import { phase } from './profile';
import { incrementalPoints, type NewSignal } from './score-state';
import { creditGrades, headcountDrops, hardRuleSignals, scorePoints, type HardRuleRow } from './repo';

export interface AlertReason {
  code: ReasonCode;
  level: AlertLevel;
  text: string;
  basis?: string;
  signalIds: string[];
  /** Keys of non-signal evidence, e.g. `hc:<enterprise>:<month>` for a headcount record. */
  evidence?: string[];
}

export interface EnterpriseAssessment {
  enterpriseId: string;
  score: number;
  /** Points from the labor-security credit grade (part of the score). */
  creditPoints?: number;
  creditGrade?: string;
  scoreLevel: RiskLevel;
  level: RiskLevel;
  hard: (HardRuleHit & { signalIds: string[]; evidence: string[] })[];
}

export interface RegionalAssessment {
  streetId: string;
  month: string;
  hit: HardRuleHit;
  evidence: string[];
  enterpriseIds: string[];
}

export interface Assessment {
  enterprises: Map<string, EnterpriseAssessment>;
  regional: RegionalAssessment[];
  /** Signal points per enterprise (before credit points) and where they came from. */
  signalPoints: Map<string, number>;
  pointsFrom: 'aggregate' | 'state';
  /** Enterprises whose stored points got new terms (incremental only). */
  touched?: Set<string>;
}

/** The month (YYYY-MM) of an instant on the China calendar. */
export const chinaMonth = (now: Date) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 7);

/**
 * Scores and hard rules for all enterprises (or a subset): one aggregate query for the score, two small
 * queries for the hard rules, then the pure domain functions decide.
 */
export async function assess(db: DbOrTrx, rules: RuleSet, now: Date, enterpriseIds?: string[], opts: { regional?: boolean; newSignals?: NewSignal[] } = {}): Promise<Assessment> {
  // The regional rule compares enterprises of a street, so it needs every drop; signal batches skip it.
  const regionalToo = !enterpriseIds || opts.regional !== false;
  const today = dayNumber(now);
  // A batch that names the signals it has just stored adds their terms to the stored points (score-state.ts).
  const incremental = enterpriseIds && opts.newSignals ? incrementalPoints(db, rules, today, enterpriseIds, opts.newSignals) : undefined;
  const signalPoints = incremental?.points ?? (await scorePoints(db, rules, today, enterpriseIds));
  const points = new Map(signalPoints);
  phase('score points');
  // The credit grade adds fixed points (rule set `creditGradePoints`).
  const credit = new Map<string, { grade: string; points: number }>();
  for (const g of await creditGrades(db, rules, enterpriseIds)) {
    const p = creditGradePoints(rules, g.credit_grade);
    if (p <= 0) continue;
    credit.set(g.id, { grade: g.credit_grade!, points: p });
    points.set(g.id, (points.get(g.id) ?? 0) + p);
  }
  phase('credit');
  const hardRows = await hardRuleSignals(db, rules, today, enterpriseIds);
  phase('hard-rule signals');
  const drops = await headcountDrops(db, monthIndex(chinaMonth(now)) - 2, regionalToo ? undefined : enterpriseIds);
  phase('credit, hard-rule signals, headcount');
  const only = enterpriseIds ? new Set(enterpriseIds) : null;

  const out = new Map<string, EnterpriseAssessment>();
  const get = (id: string) => {
    let a = out.get(id);
    if (!a) {
      const score = scoreFromPoints(points.get(id) ?? 0);
      const scoreLevel = levelOfScore(rules.levelThresholds, score);
      const c = credit.get(id);
      a = { enterpriseId: id, score, scoreLevel, level: scoreLevel, hard: [], ...(c ? { creditPoints: c.points, creditGrade: c.grade } : {}) };
      out.set(id, a);
    }
    return a;
  };
  for (const id of points.keys()) get(id);

  const byEnterprise = new Map<string, HardRuleRow[]>();
  for (const r of hardRows) {
    const list = byEnterprise.get(r.enterprise_id) ?? [];
    list.push(r);
    byEnterprise.set(r.enterprise_id, list);
  }
  for (const [id, rows] of byEnterprise) {
    const wage = rows.filter((r) => r.kind === 'wage_arrears_complaint');
    const seizures = rows.filter((r) => r.kind === 'asset_seizure');
    const cases = rows.filter((r) => r.kind === 'dispute_case');
    const hits: [HardRuleHit | null, HardRuleRow[]][] = [
      [collectiveWageArrears(rules, wage.map((w) => ({ workersAffected: w.workers_affected }))), wage],
      [assetSeizure(rules, seizures.map((s) => ({ amount: s.amount }))), seizures],
      [disputeCluster(rules, cases.map((c) => today - c.occurred_day)), cases],
    ];
    for (const [hit, evidence] of hits) {
      if (hit) get(id).hard.push({ ...hit, signalIds: evidence.map((e) => e.id), evidence: [] });
    }
  }

  // MASS_LAYOFF: the latest month whose drop crosses the threshold.
  const sortedDrops = [...drops].sort((a, b) => (a.month < b.month ? 1 : -1));
  const layoffDone = new Set<string>();
  for (const d of sortedDrops) {
    if (layoffDone.has(d.enterprise_id) || (only && !only.has(d.enterprise_id))) continue;
    const hit = massLayoff(rules, { month: d.prev_month, count: d.prev }, { month: d.month, count: d.curr });
    if (!hit) continue;
    layoffDone.add(d.enterprise_id);
    get(d.enterprise_id).hard.push({ ...hit, signalIds: [], evidence: [`hc:${d.enterprise_id}:${d.month}`] });
  }
  for (const a of out.values()) a.level = maxLevel(a.scoreLevel, ...a.hard.map((h) => h.level));

  // MASS_UNEMPLOYMENT: enterprises of one street cutting staff in the same month.
  const groups = new Map<string, typeof drops>();
  for (const d of regionalToo ? drops : []) {
    if (!isStaffCut(rules, d.prev, d.curr)) continue;
    const key = `${d.region_id.slice(0, 9)}|${d.month}`;
    const list = groups.get(key);
    if (list) list.push(d);
    else groups.set(key, [d]);
  }
  const regional: RegionalAssessment[] = [];
  if (groups.size && regionalToo) {
    const streetIds = [...new Set([...groups.keys()].map((k) => k.split('|')[0]!))];
    const names = new Map((await db.selectFrom('regions').select(['id', 'name']).where('id', 'in', streetIds).execute()).map((r) => [r.id, r.name]));
    const latest = new Map<string, RegionalAssessment>();
    for (const [key, list] of groups) {
      const [streetId, month] = key.split('|') as [string, string];
      const hit = massUnemployment(rules, names.get(streetId) ?? streetId, month, list.map((d) => ({ enterpriseId: d.enterprise_id, drop: d.prev - d.curr })));
      if (!hit) continue;
      const prev = latest.get(streetId);
      if (prev && prev.month > month) continue;
      latest.set(streetId, { streetId, month, hit, evidence: list.map((d) => `hc:${d.enterprise_id}:${d.month}`), enterpriseIds: list.map((d) => d.enterprise_id) });
    }
    regional.push(...latest.values());
  }
  return { enterprises: out, regional, signalPoints, pointsFrom: incremental ? 'state' : 'aggregate', ...(incremental ? { touched: incremental.touched } : {}) };
}

/** The SCORE reason: points by kind and the signals that contribute most. */
export function scoreReason(rules: RuleSet, a: EnterpriseAssessment, signals: HardRuleRow[], today: number): AlertReason | null {
  if (a.scoreLevel === 'none') return null;
  const scored = signals
    .map((s) => ({ id: s.id, kind: s.kind as SignalKind, points: signalPoints(rules, { kind: s.kind as SignalKind, ageDays: today - s.occurred_day, workersAffected: s.workers_affected, amount: s.amount }) }))
    .filter((s) => s.points > 0)
    .sort((x, y) => y.points - x.points);
  const byKind = new Map<SignalKind, number>();
  for (const s of scored) byKind.set(s.kind, (byKind.get(s.kind) ?? 0) + s.points);
  const parts = [...byKind.entries()]
    .sort((x, y) => y[1] - x[1])
    .slice(0, 4)
    .map(([k, p]) => `${SIGNAL_KIND_LABELS[k]} ${Math.round(p * 10) / 10} 分`);
  if (a.creditPoints) parts.unshift(`劳动保障守法诚信等级${a.creditGrade}级 ${a.creditPoints} 分`);
  const level = a.scoreLevel as AlertLevel;
  return {
    code: 'SCORE',
    level,
    text: `风险评分 ${a.score} 分（达到${levelLabel(level)}阈值 ${rules.levelThresholds[level]} 分）：${parts.join('、')}`,
    signalIds: scored.slice(0, 20).map((s) => s.id),
  };
}
const levelLabel = (l: AlertLevel) => ({ red: '红色', orange: '橙色', yellow: '黄色', blue: '蓝色' })[l];

export function reasonsOf(a: EnterpriseAssessment, score: AlertReason | null): AlertReason[] {
  const hard: AlertReason[] = a.hard.map((h) => ({ code: h.code, level: h.level, text: h.text, basis: h.basis, signalIds: h.signalIds, ...(h.evidence.length ? { evidence: h.evidence } : {}) }));
  return [...hard, ...(score ? [score] : [])].sort((x, y) => levelRank(y.level) - levelRank(x.level));
}

export const evidenceOf = (reasons: AlertReason[]) => [...new Set(reasons.flatMap((r) => [...r.signalIds, ...(r.evidence ?? [])]))].sort();

