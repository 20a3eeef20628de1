import { z } from 'zod';

/**
 * 企业劳动保障守法诚信等级评价办法（人社部规〔2016〕1号）: enterprises are graded A, B or C from their
 * labor-security record in the evaluation period. The measures are NOT in the law data set: the criteria
 * below are written from memory and must be checked against the official text (docs/decisions.md).
 */
export const CREDIT_GRADES = ['A', 'B', 'C'] as const;
export const CreditGrade = z.enum(CREDIT_GRADES);
export type CreditGrade = z.infer<typeof CreditGrade>;

export const CREDIT_GRADE_LABELS: Record<CreditGrade, string> = {
  A: 'A级（守法诚信）',
  B: 'B级（基本守法诚信）',
  C: 'C级（不守法诚信）',
};

/** Kinds of labor-security violation the grade rules read. `ordinary` is any other violation found and dealt with. */
export const VIOLATION_KINDS = [
  'ordinary',
  'mass_incident',
  'child_labour',
  'forced_labour',
  'refused_order',
  'obstruction',
  'criminal',
  'wage_crime_amount',
] as const;
export const ViolationKind = z.enum(VIOLATION_KINDS);
export type ViolationKind = z.infer<typeof ViolationKind>;

export const VIOLATION_KIND_LABELS: Record<ViolationKind, string> = {
  ordinary: '一般劳动保障违法行为（被查处）',
  mass_incident: '引发群体性事件、极端事件或造成严重不良社会影响',
  child_labour: '使用童工',
  forced_labour: '强迫劳动',
  refused_order: '拒不履行限期整改指令、行政处理决定或行政处罚决定',
  obstruction: '无理抗拒、阻挠实施劳动保障监察',
  criminal: '因劳动保障违法行为被追究刑事责任',
  wage_crime_amount: '克扣或无故拖欠工资达到认定拒不支付劳动报酬罪数额标准',
};

/** A violation on the enterprise's record: found (查处) on `foundOn`. */
export interface ViolationFact {
  id: string;
  kind: ViolationKind;
  foundOn: string;
}

export interface GradeRule {
  id: string;
  grade: CreditGrade;
  citation: string;
  text: string;
  /** The facts that meet the rule (empty = the rule does not apply). */
  match(facts: readonly ViolationFact[]): readonly ViolationFact[];
}

const ofKind = (...kinds: ViolationKind[]) => (facts: readonly ViolationFact[]) => facts.filter((f) => kinds.includes(f.kind));

/** How many violations found in one period make a C grade by repetition (待核对：办法第十条). */
export const REPEATED_VIOLATIONS_FOR_C = 3;

const MEASURES = '企业劳动保障守法诚信等级评价办法（人社部规〔2016〕1号）';

/** The rule table, C rules first; the first grade with a matching rule wins, otherwise A. */
export const GRADE_RULES: readonly GradeRule[] = [
  { id: 'C1', grade: 'C', citation: `${MEASURES} 第十条第（一）项（待核对）`, text: '因违反劳动保障法律法规行为引发群体性事件、极端事件或造成严重不良社会影响的', match: ofKind('mass_incident') },
  { id: 'C2', grade: 'C', citation: `${MEASURES} 第十条第（二）项（待核对）`, text: '使用童工或者强迫劳动等严重侵害劳动者合法权益的', match: ofKind('child_labour', 'forced_labour') },
  { id: 'C3', grade: 'C', citation: `${MEASURES} 第十条第（三）项（待核对）`, text: '拒不履行劳动保障监察限期整改指令、行政处理决定或者行政处罚决定的', match: ofKind('refused_order') },
  { id: 'C4', grade: 'C', citation: `${MEASURES} 第十条第（四）项（待核对）`, text: '无理抗拒、阻挠人力资源社会保障行政部门实施劳动保障监察的', match: ofKind('obstruction') },
  { id: 'C5', grade: 'C', citation: `${MEASURES} 第十条第（五）项（待核对）`, text: '因劳动保障违法行为被追究刑事责任的', match: ofKind('criminal') },
  { id: 'C6', grade: 'C', citation: `${MEASURES} 第十条第（六）项（待核对）`, text: '克扣或者无故拖欠劳动者工资报酬，数额达到认定拒不支付劳动报酬罪数额标准的', match: ofKind('wage_crime_amount') },
  {
    id: 'C7',
    grade: 'C',
    citation: `${MEASURES} 第十条（待核对）`,
    text: `评价期内因劳动保障违法行为被查处${REPEATED_VIOLATIONS_FOR_C}次以上（含${REPEATED_VIOLATIONS_FOR_C}次）的`,
    match: (facts) => (facts.length >= REPEATED_VIOLATIONS_FOR_C ? facts : []),
  },
  { id: 'B1', grade: 'B', citation: `${MEASURES} 第九条（待核对）`, text: '因违反劳动保障法律法规行为被劳动保障监察机构查处，但不属于C级所列情形的', match: (facts) => facts },
];

export interface GradeReason {
  ruleId: string;
  citation: string;
  text: string;
  violationIds: string[];
}

export interface GradeResult {
  grade: CreditGrade;
  reasons: GradeReason[];
}

export const A_GRADE_REASON = { ruleId: 'A1', citation: `${MEASURES} 第八条（待核对）`, text: '遵守劳动保障法律法规规章，评价期内未因劳动保障违法行为被查处的' };

/** The grade for the violations found within [from, to] (inclusive dates). */
export function evaluateGrade(facts: readonly ViolationFact[], period: { from: string; to: string }): GradeResult {
  const inPeriod = facts.filter((f) => f.foundOn >= period.from && f.foundOn <= period.to);
  for (const grade of ['C', 'B'] as const) {
    const reasons = GRADE_RULES.filter((r) => r.grade === grade)
      .map((r) => ({ rule: r, hits: r.match(inPeriod) }))
      .filter((x) => x.hits.length > 0)
      .map(({ rule, hits }) => ({ ruleId: rule.id, citation: rule.citation, text: rule.text, violationIds: hits.map((h) => h.id) }));
    if (reasons.length) return { grade, reasons };
  }
  return { grade: 'A', reasons: [{ ...A_GRADE_REASON, violationIds: [] }] };
}

const RANK: Record<CreditGrade, number> = { A: 0, B: 1, C: 2 };
export const worseGrade = (a: CreditGrade, b: CreditGrade): CreditGrade => (RANK[a] >= RANK[b] ? a : b);

/**
 * Dynamic adjustment (动态调整) when a new violation is found between yearly rounds: the grade only goes
 * down — to the grade the record now supports — never up; upgrades wait for the next yearly round.
 */
export function dynamicGrade(current: CreditGrade | null, facts: readonly ViolationFact[], period: { from: string; to: string }): GradeResult & { changed: boolean } {
  const result = evaluateGrade(facts, period);
  const base = current ?? 'A';
  const grade = worseGrade(base, result.grade);
  return { grade, reasons: grade === result.grade ? result.reasons : [], changed: grade !== base || current === null };
}

/**
 * Inspection frequency by grade (办法 第十二条（待核对）: A级适当减少日常巡视检查频次, B级适当增加,
 * C级列为重点监察对象). The numbers of routine checks a year are a local setting (docs/decisions.md).
 */
export const INSPECTIONS_PER_YEAR: Record<CreditGrade, number> = { A: 0, B: 1, C: 4 };
export const INSPECTION_FREQUENCY_LABELS: Record<CreditGrade, string> = {
  A: '仅纳入双随机抽查，减少日常巡视检查',
  B: '每年日常巡视检查1次',
  C: '重点监察对象，每季度日常巡视检查1次',
};
