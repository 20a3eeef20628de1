import { describe, expect, it } from 'vitest';
import { checkIndicatorSet, checkMarks, nomineeScore, noticePeriod, noticeState, rankNominees, weightedTotal, type AwardIndicator } from './recognition';

const SET: AwardIndicator[] = [
  { code: 'work', name: '工作实绩', weight: 50 },
  { code: 'skill', name: '业务能力', weight: 30 },
  { code: 'credit', name: '社会评价', weight: 20 },
];

describe('indicator sets: weights must sum to 100', () => {
  it.each([
    [[50, 30, 20], []],
    [[50, 30, 10], ['indicators']],
    [[60, 30, 20], ['indicators']],
  ])('weights %j → problems %j', (weights, fields) => {
    const set = SET.map((i, n) => ({ ...i, weight: weights[n]! }));
    expect(checkIndicatorSet(set).map((p) => p.field)).toEqual(fields);
  });
  it('names the sum and duplicate codes', () => {
    const p = checkIndicatorSet([{ code: 'a', name: 'A', weight: 40 }, { code: 'a', name: 'B', weight: 40 }]);
    expect(p.map((x) => x.field)).toEqual(['indicators.1.code', 'indicators']);
    expect(p[1]!.message).toContain('当前为80');
  });
});

describe('reviewer marks and weighted totals', () => {
  it('checks every indicator is marked within 0–100 and no unknown codes', () => {
    expect(checkMarks(SET, { work: 90, skill: 80, credit: 70 })).toEqual([]);
    expect(checkMarks(SET, { work: 101, skill: 80, extra: 1 }).map((p) => p.field)).toEqual(['scores.work', 'scores.credit', 'scores.extra']);
  });
  it.each([
    [{ work: 90, skill: 80, credit: 70 }, 83],
    [{ work: 100, skill: 100, credit: 100 }, 100],
    [{ work: 0, skill: 0, credit: 0 }, 0],
    [{ work: 85.5, skill: 77, credit: 91 }, 84.05],
  ])('%j → %d', (marks, total) => expect(weightedTotal(SET, marks)).toBe(total));
  it('a nominee score is the mean of the reviewers’ totals', () => {
    const s = nomineeScore('n1', SET, [{ reviewerId: 'a', marks: { work: 90, skill: 80, credit: 70 } }, { reviewerId: 'b', marks: { work: 80, skill: 80, credit: 80 } }]);
    expect(s.score).toBe(81.5);
    expect(s.indicatorMeans).toEqual({ work: 85, skill: 80, credit: 75 });
    expect(nomineeScore('n2', SET, []).score).toBeNull();
  });
});

describe('ranking', () => {
  const ns = (id: string, score: number | null, means: Record<string, number> = {}) => ({ nominationId: id, score, reviewers: score === null ? 0 : 1, indicatorMeans: means });
  it('orders by score, ranks 1..n, selects the quota; unscored are unranked', () => {
    const r = rankNominees(SET, [ns('a', 80), ns('b', 90), ns('c', null), ns('d', 70)], 2);
    expect(r.map((x) => [x.nominationId, x.rank, x.selected])).toEqual([['b', 1, true], ['a', 2, true], ['d', 3, false], ['c', null, false]]);
  });
  it('breaks equal scores by the heaviest indicator, then the next', () => {
    const r = rankNominees(SET, [ns('a', 85, { work: 80, skill: 90, credit: 90 }), ns('b', 85, { work: 90, skill: 80, credit: 75 }), ns('c', 85, { work: 90, skill: 85, credit: 62.5 })], 1);
    expect(r.map((x) => [x.nominationId, x.rank, x.selected, x.tied])).toEqual([['c', 1, true, false], ['b', 2, false, false], ['a', 3, false, false]]);
    expect(r[1]!.tieBreak).toBe('总分相同，按“业务能力”得分排序');
    expect(r[2]!.tieBreak).toBe('总分相同，按“工作实绩”得分排序');
  });
  it('nominees equal on everything share a rank, and a tie at the last place selects all of them', () => {
    const m = { work: 80, skill: 80, credit: 80 };
    const r = rankNominees(SET, [ns('x', 90), ns('b', 80, m), ns('a', 80, m), ns('c', 70)], 2);
    expect(r.map((x) => [x.nominationId, x.rank, x.selected, x.tied])).toEqual([['x', 1, true, false], ['a', 2, true, true], ['b', 2, true, true], ['c', 4, false, false]]);
  });
  it('a tie below the quota does not select', () => {
    const r = rankNominees(SET, [ns('x', 90), ns('a', 80), ns('b', 80)], 1);
    expect(r.filter((x) => x.selected).map((x) => x.nominationId)).toEqual(['x']);
    expect(r.slice(1).every((x) => x.rank === 2 && x.tied)).toBe(true);
  });
  it('ignores float noise: 83.05 from two routes is the same score', () => {
    const r = rankNominees(SET, [ns('a', 0.1 + 82.95), ns('b', 83.05)], 1);
    expect(r.every((x) => x.rank === 1)).toBe(true);
  });
});

describe('public notice period (公示)', () => {
  it.each([
    ['2026-11-26', 7, '2026-12-02'],
    ['2026-12-28', 7, '2027-01-03'],
    ['2028-02-27', 5, '2028-03-02'],
    ['2026-11-26', 1, '2026-11-26'],
  ])('from %s for %d days ends %s', (start, days, end) => expect(noticePeriod(start, days)).toEqual({ start, end }));
  it('rejects a non-positive length', () => expect(() => noticePeriod('2026-11-26', 0)).toThrow());
  it.each([
    ['2026-11-25', 'not_started'],
    ['2026-11-26', 'open'],
    ['2026-12-02', 'open'],
    ['2026-12-03', 'closed'],
  ])('on %s the notice is %s', (today, state) => expect(noticeState(noticePeriod('2026-11-26', 7), today)).toBe(state));
  it('no period is not started', () => expect(noticeState(null, '2026-11-26')).toBe('not_started'));
});
