import { describe, expect, it } from 'vitest';
import { AnnualLeaveInput, calculateAnnualLeave, entitledLeaveDays } from './annual-leave';

// 职工带薪年休假条例 第三条
describe('entitledLeaveDays', () => {
  it.each([
    [0, 0],
    [0.99, 0],
    [1, 5],
    [9, 5],
    [9.99, 5],
    [10, 10],
    [19, 10],
    [19.5, 10],
    [20, 15],
    [35, 15],
  ])('%f years → %i days', (years, days) => {
    expect(entitledLeaveDays(years)).toBe(days);
  });
});

describe('calculateAnnualLeave (实施办法 第十条、第十一条)', () => {
  it('pays the extra 200 % of the daily wage (monthly ÷ 21.75)', () => {
    const r = calculateAnnualLeave({ cumulativeWorkYears: 12, monthlyWage: 8700, unusedDays: 4 });
    expect(r.entitledDays).toBe(10);
    expect(r.dailyWage).toBe(400);
    expect(r.compensation).toBe(3200);
    expect(r.basis.map((b) => b.articleNo)).toEqual([3, 5, 10, 11]);
  });

  it('rounds only at the end', () => {
    const r = calculateAnnualLeave({ cumulativeWorkYears: 3, monthlyWage: 10000, unusedDays: 5 });
    expect(r.dailyWage).toBe(459.77);
    expect(r.compensation).toBe(4597.7); // 10000 / 21.75 × 5 × 2 = 4597.701…
  });

  it('rejects more unused days than entitled', () => {
    const r = AnnualLeaveInput.safeParse({ cumulativeWorkYears: 9, monthlyWage: 8000, unusedDays: 6 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['unusedDays']);
    expect(r.error?.issues[0]?.message).toMatch(/不能超过应休天数/);
    expect(AnnualLeaveInput.safeParse({ cumulativeWorkYears: 0.5, monthlyWage: 8000, unusedDays: 1 }).success).toBe(false);
  });

  it('rejects negative, absurd and fractional input', () => {
    for (const input of [
      { cumulativeWorkYears: -1, monthlyWage: 8000, unusedDays: 0 },
      { cumulativeWorkYears: 5, monthlyWage: 80_000_000, unusedDays: 0 },
      { cumulativeWorkYears: 5, monthlyWage: 8000, unusedDays: 1.3 },
      { cumulativeWorkYears: 5, monthlyWage: 8000 },
    ]) {
      expect(AnnualLeaveInput.safeParse(input).success).toBe(false);
    }
  });
});
