import { describe, expect, it } from 'vitest';
import { awardFor, checkAcceptance, creditHours, rankCompetitors, serviceGrade } from './programmes';

describe('skills competition ranking (seed 003 二(五)3)', () => {
  it.each([
    ['distinct scores', [90, 80, 70], [1, 2, 3]],
    ['tie at the top shares first, next is 3', [88, 88, 70], [1, 1, 3]],
    ['tie in the middle', [95, 80, 80, 60], [1, 2, 2, 4]],
    ['equal to two decimals counts as a tie', [80.001, 80.004], [1, 1]],
    ['input order does not matter', [60, 95, 80], [1, 2, 3]],
  ])('%s', (_, scores, ranks) => {
    expect(rankCompetitors(scores.map((score) => ({ score }))).map((r) => r.rank)).toEqual(ranks);
  });
  it.each([[1, '一等奖'], [2, '二等奖'], [3, '二等奖'], [4, '三等奖'], [6, '三等奖'], [7, null]])('rank %i → %s', (rank, award) => expect(awardFor(rank)).toBe(award));
});

describe('government-purchased service acceptance (seed 000 二(二)3)', () => {
  it.each([[95, 'excellent'], [90, 'excellent'], [89.9, 'good'], [80, 'good'], [60, 'pass'], [59.5, 'fail']] as const)('score %d → %s', (s, g) => expect(serviceGrade(s)).toBe(g));
  const done = [{ title: '法律咨询台账', deliveredOn: '2026-06-30' }];
  it('accepts when every deliverable is delivered and the score passes', () => expect(checkAcceptance(done, { passed: true, score: 85 })).toEqual([]));
  it('names the deliverables still open', () => {
    const p = checkAcceptance([...done, { title: '调解培训2场', deliveredOn: null }], { passed: true, score: 85 });
    expect(p[0]).toMatchObject({ field: 'passed' });
    expect(p[0]!.message).toContain('调解培训2场');
  });
  it('a failing score cannot pass, but may be recorded as rejected', () => {
    expect(checkAcceptance(done, { passed: true, score: 50 })[0]!.field).toBe('score');
    expect(checkAcceptance(done, { passed: false, score: 50 })).toEqual([]);
  });
  it('a project without deliverables cannot pass', () => expect(checkAcceptance([], { passed: true, score: 90 })[0]!.field).toBe('passed'));
});

describe('training hours credited on attendance', () => {
  it('gives the event hours to those present and nothing to the absent', () => {
    expect(creditHours(6, [{ id: 'a', attended: true }, { id: 'b', attended: false }])).toEqual([{ id: 'a', hours: 6 }, { id: 'b', hours: 0 }]);
  });
});
