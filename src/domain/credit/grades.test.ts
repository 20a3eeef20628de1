import { describe, expect, it } from 'vitest';
import { dynamicGrade, evaluateGrade, GRADE_RULES, INSPECTIONS_PER_YEAR, type ViolationFact, type ViolationKind } from './grades';
import { allowedEvaluationEvents, gradeAfterReview, nextEvaluationStatus } from './evaluation';

const period = { from: '2025-01-01', to: '2025-12-31' };
const v = (kind: ViolationKind, foundOn = '2025-06-01', id = `${kind}-${foundOn}`): ViolationFact => ({ id, kind, foundOn });

describe('evaluateGrade: one row per rule', () => {
  const cases: [string, ViolationFact[], 'A' | 'B' | 'C', string][] = [
    ['no violations → A', [], 'A', 'A1'],
    ['violation outside the period → A', [v('ordinary', '2024-12-31')], 'A', 'A1'],
    ['one ordinary violation → B', [v('ordinary')], 'B', 'B1'],
    ['two ordinary violations → B', [v('ordinary', '2025-02-01'), v('ordinary', '2025-03-01')], 'B', 'B1'],
    ['mass incident → C', [v('mass_incident')], 'C', 'C1'],
    ['child labour → C', [v('child_labour')], 'C', 'C2'],
    ['forced labour → C', [v('forced_labour')], 'C', 'C2'],
    ['refused order → C', [v('refused_order')], 'C', 'C3'],
    ['obstructing inspection → C', [v('obstruction')], 'C', 'C4'],
    ['criminal liability → C', [v('criminal')], 'C', 'C5'],
    ['wage arrears at the crime threshold → C', [v('wage_crime_amount')], 'C', 'C6'],
    ['three violations in the period → C', [v('ordinary', '2025-02-01'), v('ordinary', '2025-03-01'), v('ordinary', '2025-04-01')], 'C', 'C7'],
    ['violation on the last day counts', [v('ordinary', '2025-12-31')], 'B', 'B1'],
  ];
  it.each(cases)('%s', (_name, facts, grade, ruleId) => {
    const r = evaluateGrade(facts, period);
    expect(r.grade).toBe(grade);
    expect(r.reasons.map((x) => x.ruleId)).toContain(ruleId);
  });
  it('cites the measures in every rule', () => {
    for (const r of GRADE_RULES) expect(r.citation).toContain('人社部规〔2016〕1号');
  });
  it('lists every matching C rule with its violations', () => {
    const r = evaluateGrade([v('child_labour', '2025-01-02', 'x'), v('obstruction', '2025-01-03', 'y')], period);
    expect(r.reasons.map((x) => [x.ruleId, x.violationIds])).toEqual([['C2', ['x']], ['C4', ['y']]]);
  });
});

describe('dynamicGrade: only downgrades', () => {
  it.each([
    ['A', [v('ordinary')], 'B', true],
    ['B', [v('ordinary')], 'B', false],
    ['B', [v('obstruction')], 'C', true],
    ['C', [], 'C', false],
    ['C', [v('ordinary')], 'C', false],
    [null, [], 'A', true],
  ] as const)('%s + %j → %s', (current, facts, grade, changed) => {
    const r = dynamicGrade(current, facts, period);
    expect(r.grade).toBe(grade);
    expect(r.changed).toBe(changed);
  });
});

describe('evaluation workflow', () => {
  it.each([
    ['proposed', 'object', 'objected'],
    ['proposed', 'finalize', 'final'],
    ['objected', 'review', 'final'],
    ['objected', 'finalize', null],
    ['final', 'object', null],
  ] as const)('%s --%s--> %s', (s, e, next) => expect(nextEvaluationStatus(s, e)).toBe(next));
  it('names the allowed events', () => expect(allowedEvaluationEvents('proposed')).toEqual(['object', 'finalize']));
  it('an upheld objection takes the reviewed grade', () => {
    expect(gradeAfterReview('C', 'upheld', 'B')).toBe('B');
    expect(gradeAfterReview('C', 'rejected', 'B')).toBe('C');
  });
  it('inspects C more often than B, B more than A', () => {
    expect(INSPECTIONS_PER_YEAR.C).toBeGreaterThan(INSPECTIONS_PER_YEAR.B);
    expect(INSPECTIONS_PER_YEAR.B).toBeGreaterThan(INSPECTIONS_PER_YEAR.A);
  });
});
