import { describe, expect, it } from 'vitest';
import { DEFAULT_ENTERPRISE_INDICATORS as IND, checkScores, cultivationStatus, matchesTarget, outreachSince, PolicyTarget, qualifiesForOutreach, recruitmentProgress, suggestedLevel, totalScore } from './index';

describe('outreach', () => {
  it('window and criterion', () => {
    expect(outreachSince('2026-11-26')).toBe('2025-11-26');
    expect(outreachSince('2024-03-01', 30)).toBe('2024-01-31');
    const since = '2025-11-26';
    expect(qualifiesForOutreach({ headcount: 10, registered_on: '2025-11-26' }, since)).toBe(true);
    expect(qualifiesForOutreach({ headcount: 9, registered_on: '2026-01-01' }, since)).toBe(false);
    expect(qualifiesForOutreach({ headcount: 50, registered_on: '2025-11-25' }, since)).toBe(false);
    expect(qualifiesForOutreach({ headcount: 50, registered_on: null }, since)).toBe(false);
  });
});

describe('policy targeting', () => {
  const e = { id: 'e1', region_id: '441999006101', industry_code: 'C', size_class: 'medium' };
  it.each<[Partial<PolicyTarget>, boolean]>([
    [{}, true],
    [{ industries: ['C'] }, true],
    [{ industries: ['F'] }, false],
    [{ industries: ['C'], sizes: ['small'] }, false],
    [{ industries: ['C'], sizes: ['medium'], regionIds: ['441999006'] }, true],
    [{ regionIds: ['441999003'] }, false],
    [{ enterpriseIds: ['e2'] }, false],
    [{ enterpriseIds: ['e1'], industries: ['F'] }, true],
    [{ enterpriseIds: ['e2'], industries: ['C'] }, true],
  ])('%j → %s', (t, expected) => expect(matchesTarget(PolicyTarget.parse(t), e, '441999')).toBe(expected));
  it('never reaches outside the publishing region', () => expect(matchesTarget(PolicyTarget.parse({ enterpriseIds: ['e1'] }), e, '441999003')).toBe(false));
});

describe('recruitment, cultivation and harmony', () => {
  it('progress against 30/80', () => {
    expect(recruitmentProgress({ online: 30, offline: 20 }, { online: 30, offline: 80 })).toEqual([
      { mode: 'online', label: '线上招聘', held: 30, target: 30, rate: 1, met: true },
      { mode: 'offline', label: '线下招聘', held: 20, target: 80, rate: 0.25, met: false },
    ]);
  });
  it('cultivation status follows the work', () => {
    expect(cultivationStatus({ plan: null, activityCount: 0, assessedAt: null })).toBe('diagnosed');
    expect(cultivationStatus({ plan: 'x', activityCount: 0, assessedAt: null })).toBe('planned');
    expect(cultivationStatus({ plan: 'x', activityCount: 2, assessedAt: null })).toBe('in_progress');
    expect(cultivationStatus({ plan: 'x', activityCount: 2, assessedAt: '2026-01-01' })).toBe('assessed');
  });
  it('the default indicator set totals 100; scores, levels', () => {
    expect(IND.reduce((s, i) => s + i.maxScore, 0)).toBe(100);
    const all = Object.fromEntries(IND.map((i) => [i.code, { score: i.maxScore }]));
    expect(totalScore(IND, all)).toBe(100);
    expect(totalScore(IND, { ...all, care: { score: 0 }, dispute: { score: 5.5 } })).toBe(90.5);
    expect(checkScores(IND, { contract: { score: 16 }, nope: { score: 1 } }, false)).toEqual([
      { field: 'scores.nope', message: '未知的指标' },
      { field: 'scores.contract', message: '“劳动合同”得分不能超过15分' },
    ]);
    expect(checkScores(IND, {}, true)).toHaveLength(IND.length);
    expect([95, 90, 89.9, 80, 70, 69.9].map((t) => suggestedLevel(IND, t))).toEqual(['AAA', 'AAA', 'AA', 'AA', 'A', null]);
    expect(suggestedLevel([{ code: 'x', category: 'x', name: 'x', maxScore: 50 }], 45)).toBe('AAA');
  });
});
