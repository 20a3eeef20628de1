import { describe, expect, it } from 'vitest';
import { allowedActions, escalationDue, nextDeadline, nextStatus } from './alert-lifecycle';
import { assetSeizure, collectiveWageArrears, disputeCluster, isStaffCut, massLayoff, massUnemployment } from './hard-rules';
import { maxLevel } from './levels';
import { DEFAULT_RULE_SET as R, RuleSet } from './rule-set';
import { creditGradePoints, decayFactor, decayTable, levelOfScore, scoreSignals, severityOf, signalPoints } from './scoring';
import { dayNumber, monthIndex, monthOfIndex } from './signals';

describe('severity', () => {
  it.each([
    [null, null, 1],
    [9, 49_999, 1],
    [10, null, 1.5],
    [30, null, 2],
    [100, 1_000_000, 4],
    [null, 50_000, 1.5],
    [29, 199_999.99, 2],
  ])('workers %s, amount %s → %s', (w, a, s) => expect(severityOf(R.severity, w, a)).toBe(s));
});

describe('decay', () => {
  it.each([
    [0, 1],
    [90, 0.5],
    [180, 0.25],
    [45, Math.SQRT1_2],
    [-1, 0],
    [365, 0],
    [364, Math.pow(0.5, 364 / 90)],
  ])('age %s days → %s', (age, f) => expect(decayFactor(age, 90, 365)).toBeCloseTo(f, 12));
  it('the table has one factor per day of the window', () => {
    const t = decayTable(R);
    expect(t).toHaveLength(365);
    expect(t[0]).toBe(1);
    expect(t[90]).toBeCloseTo(0.5);
  });
});

describe('score and level', () => {
  it('weight × severity × decay, summed and capped at 100', () => {
    expect(signalPoints(R, { kind: 'petition', ageDays: 0 })).toBe(12);
    expect(signalPoints(R, { kind: 'petition', ageDays: 90, workersAffected: 10 })).toBe(9);
    const s = scoreSignals(R, [
      { kind: 'dispute_case', ageDays: 0 },
      { kind: 'dispute_case', ageDays: 90 },
      { kind: 'court_filing', ageDays: 0, amount: 60_000 },
    ]);
    expect(s.score).toBe(27);
    expect(s.byKind).toEqual({ dispute_case: 12, court_filing: 15 });
    expect(scoreSignals(R, Array.from({ length: 20 }, () => ({ kind: 'asset_seizure' as const, ageDays: 0 }))).score).toBe(100);
  });
  it.each([
    [0, 'none'],
    [9.9, 'none'],
    [10, 'blue'],
    [24.9, 'blue'],
    [25, 'yellow'],
    [49.9, 'yellow'],
    [50, 'orange'],
    [79.9, 'orange'],
    [80, 'red'],
    [100, 'red'],
  ] as const)('score %s → %s', (score, level) => expect(levelOfScore(R.levelThresholds, score)).toBe(level));
  it('the highest level wins', () => {
    expect(maxLevel('blue', 'red', 'yellow')).toBe('red');
    expect(maxLevel()).toBe('none');
  });
  it('rule set validation names the broken field', () => {
    const bad = RuleSet.safeParse({ ...R, levelThresholds: { red: 10, orange: 50, yellow: 25, blue: 5 } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(['levelThresholds']);
  });
});

describe('MASS_LAYOFF — 劳动合同法 第四十一条', () => {
  const m = (p: number, c: number) => massLayoff(R, { month: '2026-09', count: p }, { month: '2026-10', count: c });
  it.each([
    // ≥ 20 people regardless of the ratio
    [1000, 981, false], // 19 people, 1.9 %
    [1000, 980, true], // 20 people, 2 %
    // < 20 people but ≥ 10 % of the workforce
    [1000, 901, true], // 99 people (> 20 anyway)
    [100, 90, true], // 10 people, 10 %
    [100, 91, false], // 9 people, 9 %
    [1000, 999, false],
    [90, 81, true], // 9 people = 10 % exactly
    [91, 82, false], // 9 people = 9.89 %
    [1000, 1000, false],
    [20, 18, false], // 2 people = 10 %, below the 3-person floor of the ratio branch
    [30, 27, true], // 3 people = 10 %
    [5, 4, false], // 1 person = 20 % of a micro enterprise: churn, not a layoff
    [100, 120, false], // growth
    [0, 0, false],
  ])('%s → %s: %s', (p, c, expected) => expect(!!m(p, c)).toBe(expected));
  it('9.9 % vs 10 %: 99 of 1000 is not 10 %, but 19 people is below 20 — so no alert; 100 of 1000 is', () => {
    expect(massLayoff({ ...R, hardRules: { ...R.hardRules, massLayoffPeople: 200 } }, { month: '2026-09', count: 1000 }, { month: '2026-10', count: 901 })).toBeNull();
    expect(massLayoff({ ...R, hardRules: { ...R.hardRules, massLayoffPeople: 200 } }, { month: '2026-09', count: 1000 }, { month: '2026-10', count: 900 })).not.toBeNull();
  });
  it('the reason names the months, people and percentage', () => {
    const h = m(150, 130)!;
    expect(h.code).toBe('MASS_LAYOFF');
    expect(h.level).toBe('red');
    expect(h.text).toContain('减少 20 人');
    expect(h.text).toContain('13.3%');
    expect(h.basis).toContain('第四十一条');
  });
  it('needs both months', () => expect(massLayoff(R, null, { month: '2026-10', count: 5 })).toBeNull());
});

describe('COLLECTIVE_WAGE_ARREARS — 劳动争议调解仲裁法 第七条', () => {
  it.each([
    [[9], false],
    [[10], true],
    [[5, 4], false],
    [[5, 5], true],
    [[null, null, null, null, null, null, null, null, null], false],
    [[null, null, null, null, null, null, null, null, null, null], true],
  ])('%j → %s', (workers, expected) => expect(!!collectiveWageArrears(R, workers.map((w) => ({ workersAffected: w })))).toBe(expected));
});

describe('ASSET_SEIZURE and DISPUTE_CLUSTER', () => {
  it('any seizure in the window alerts', () => {
    expect(assetSeizure(R, [])).toBeNull();
    expect(assetSeizure(R, [{ amount: 1_200_000 }])!.text).toContain('1,200,000');
  });
  it.each([
    [[0, 10, 29], true],
    [[0, 10, 30], false],
    [[0, 10], false],
    [[1, 2, 3, 4], true],
    [[-1, 0, 1], false],
  ])('case ages %j → %s', (ages, expected) => expect(!!disputeCluster(R, ages)).toBe(expected));
});

describe('MASS_UNEMPLOYMENT (regional)', () => {
  it.each([
    [100, 95, true],
    [100, 96, false],
    [40, 38, false], // 5 % but only 2 people
    [100, 100, false],
  ])('staff cut %s → %s: %s', (p, c, expected) => expect(isStaffCut(R, p, c)).toBe(expected));
  it('three enterprises of a street in one month → a regional alert', () => {
    const cuts = [{ enterpriseId: 'A', drop: 5 }, { enterpriseId: 'B', drop: 8 }];
    expect(massUnemployment(R, '新桥街道', '2026-10', cuts)).toBeNull();
    const h = massUnemployment(R, '新桥街道', '2026-10', [...cuts, { enterpriseId: 'C', drop: 12 }])!;
    expect(h.text).toBe('新桥街道 2026-10 共 3 家企业减员，合计减少参保 25 人');
  });
});

describe('alert lifecycle', () => {
  it.each([
    ['open', 'assign', 'assigned'],
    ['open', 'assess', null],
    ['assigned', 'assess', 'assessing'],
    ['assigned', 'assign', 'assigned'],
    ['assessing', 'handle', 'handling'],
    ['assessing', 'close', null],
    ['handling', 'handle', 'handling'],
    ['handling', 'close', 'closed'],
    ['closed', 'assign', null],
  ] as const)('%s + %s → %s', (s, a, to) => expect(nextStatus(s, a)).toBe(to));
  it('closed allows nothing', () => expect(allowedActions('closed')).toEqual([]));
  it('red must be assessed within 24 h, then closed within 7 days', () => {
    expect(nextDeadline('red', 'open', '2026-11-01T00:00:00.000Z')).toEqual({ milestone: 'assess', dueAt: '2026-11-02T00:00:00.000Z' });
    expect(nextDeadline('red', 'assessing', '2026-11-01T00:00:00.000Z')).toEqual({ milestone: 'close', dueAt: '2026-11-08T00:00:00.000Z' });
    expect(nextDeadline('blue', 'closed', '2026-11-01T00:00:00.000Z')).toBeNull();
  });
  it('escalates once per missed milestone', () => {
    const a = { level: 'red' as const, status: 'assigned' as const, since: '2026-11-01T00:00:00.000Z', escalation: 0, escalatedFor: null };
    expect(escalationDue(a, new Date('2026-11-02T00:00:00.000Z'))).toBeNull();
    expect(escalationDue(a, new Date('2026-11-02T00:00:01.000Z'))).toEqual({ tier: 1, milestone: 'assess' });
    expect(escalationDue({ ...a, escalation: 1, escalatedFor: 'assess' }, new Date('2026-11-03T00:00:00.000Z'))).toBeNull();
    expect(escalationDue({ ...a, status: 'handling', escalation: 1, escalatedFor: 'assess' }, new Date('2026-11-09T00:00:00.000Z'))).toEqual({ tier: 2, milestone: 'close' });
  });
});

describe('calendar helpers', () => {
  it('months and days', () => {
    expect(monthIndex('2026-01') - monthIndex('2025-12')).toBe(1);
    expect(monthOfIndex(monthIndex('2026-10'))).toBe('2026-10');
    expect(dayNumber('2026-10-31T16:00:00.000Z') - dayNumber('2026-10-31T15:59:59.000Z')).toBe(1);
  });
});

describe('credit grade points', () => {
  it.each([
    [null, 0],
    ['A', 0],
    ['B', 0],
    ['C', 20],
    ['X', 0],
  ])('default rules: grade %s adds %d points', (grade, points) => {
    expect(creditGradePoints(R, grade)).toBe(points);
  });
  it('configurable per grade; a rule set saved before the rule gets the defaults', () => {
    expect(creditGradePoints({ creditGradePoints: { B: 5, C: 30 } }, 'B')).toBe(5);
    const { creditGradePoints: _omit, ...old } = R;
    expect(RuleSet.parse(old).creditGradePoints).toEqual({ B: 0, C: 20 });
  });
});
