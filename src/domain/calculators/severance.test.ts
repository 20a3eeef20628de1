import { describe, expect, it } from 'vitest';
import { calculateSeverance, compensationUnits, fullMonthsOfService, SeveranceInput } from './severance';

const base = {
  averageMonthlyWage: 8000,
  localAverageMonthlyWage: 10000,
  localMinimumWage: 2500,
  unlawful: false,
};

describe('fullMonthsOfService (end date inclusive, corresponding-day rule)', () => {
  it.each([
    ['2020-01-15', '2020-07-14', 6, 0],
    ['2020-01-15', '2020-07-13', 5, 29],
    ['2020-01-15', '2020-07-15', 6, 1],
    ['2020-01-31', '2020-02-28', 1, 0], // 2020-02-29 is the clamped corresponding day
    ['2020-01-31', '2020-02-27', 0, 28],
    ['2020-03-01', '2020-03-01', 0, 1],
    ['2015-03-01', '2020-02-29', 60, 0],
    ['2019-02-28', '2020-02-27', 12, 0],
  ])('%s … %s → %i months %i days', (start, end, months, days) => {
    expect(fullMonthsOfService(start, end)).toEqual({ months, days });
  });
});

// 劳动合同法 第四十七条: each full year one month; remainder ≥ 6 months one month, < 6 half.
describe('compensationUnits', () => {
  it.each([
    ['2020-01-01', '2020-06-30', 1], // exactly 6 months
    ['2020-01-01', '2020-06-29', 0.5], // 5 months 30 days
    ['2020-01-01', '2020-01-01', 0.5], // one day still earns half a month
    ['2018-01-01', '2020-12-31', 3],
    ['2018-01-01', '2021-05-31', 3.5], // 3 years 5 months
    ['2018-01-01', '2021-06-30', 4], // 3 years 6 months
    ['2018-01-01', '2021-01-01', 3.5], // 3 years and a day
  ])('%s … %s → %f', (start, end, units) => {
    expect(compensationUnits(start, end)).toBe(units);
  });
});

describe('calculateSeverance', () => {
  it('pays one month per year plus half a month for a remainder under six months', () => {
    const r = calculateSeverance({ ...base, startDate: '2019-03-01', endDate: '2022-07-31' });
    expect(r.serviceMonths).toBe(41);
    expect(r.compensationMonths).toBe(3.5);
    expect(r.amount).toBe(28000);
    expect(r.capped).toBe(false);
    expect(r.basis.map((b) => `${b.lawTitle}${b.label}`)).toEqual([
      '中华人民共和国劳动合同法第四十七条',
      '中华人民共和国劳动合同法实施条例第二十七条',
    ]);
  });

  it('counts a remainder of six months as a full year', () => {
    const r = calculateSeverance({ ...base, startDate: '2019-03-01', endDate: '2022-08-31' });
    expect(r.compensationMonths).toBe(4);
    expect(r.amount).toBe(32000);
  });

  it('does not cap a wage of exactly three times the local average', () => {
    const r = calculateSeverance({ ...base, averageMonthlyWage: 30000, startDate: '2005-01-01', endDate: '2024-12-31', unlawful: true });
    expect(r.capped).toBe(false);
    expect(r.compensationMonths).toBe(20);
    expect(r.amount).toBe(30000 * 20 * 2);
  });

  it('caps a wage above three times the average at 3× and the years at twelve', () => {
    const r = calculateSeverance({ ...base, averageMonthlyWage: 30000.01, startDate: '2008-01-01', endDate: '2024-12-31' });
    expect(r.capped).toBe(true);
    expect(r.baseMonthlyWage).toBe(30000);
    expect(r.compensationMonths).toBe(12);
    expect(r.amount).toBe(360000);
  });

  it('keeps all years when capped but under twelve', () => {
    const r = calculateSeverance({ ...base, averageMonthlyWage: 50000, startDate: '2020-01-01', endDate: '2024-12-31' });
    expect(r.compensationMonths).toBe(5);
    expect(r.amount).toBe(150000);
  });

  it('raises a wage below the local minimum to the minimum (实施条例 第二十七条)', () => {
    const r = calculateSeverance({ ...base, averageMonthlyWage: 1800, startDate: '2022-01-01', endDate: '2023-12-31' });
    expect(r.raisedToMinimum).toBe(true);
    expect(r.baseMonthlyWage).toBe(2500);
    expect(r.amount).toBe(5000);
  });

  it('doubles for unlawful termination and cites 第八十七条', () => {
    const r = calculateSeverance({ ...base, startDate: '2021-01-01', endDate: '2023-03-31', unlawful: true });
    expect(r.compensationMonths).toBe(2.5);
    expect(r.amount).toBe(40000);
    expect(r.basis.some((b) => b.articleNo === 87)).toBe(true);
  });

  it('rounds only the final figure', () => {
    const r = calculateSeverance({ ...base, averageMonthlyWage: 3333.335, startDate: '2021-01-01', endDate: '2023-12-31' });
    expect(r.amount).toBe(10000.01);
  });

  it('explains service before 2008 and gives the part since 2008', () => {
    const r = calculateSeverance({ ...base, startDate: '2005-07-01', endDate: '2010-06-30' });
    expect(r.compensationMonths).toBe(5);
    expect(r.monthsBefore2008).toBe(30);
    expect(r.amountSince2008).toBe(3 * 8000); // 2008-01-01 … 2010-06-30: 2 years 6 months
    expect(r.basis.some((b) => b.articleNo === 97)).toBe(true);
    expect(r.notes.join('')).toMatch(/第九十七条/);
  });

  it('rejects bad input with Chinese messages', () => {
    const bad = [
      { ...base, startDate: '2020-05-01', endDate: '2020-04-30' },
      { ...base, startDate: '2020-02-30', endDate: '2020-04-30' },
      { ...base, averageMonthlyWage: -1, startDate: '2020-01-01', endDate: '2020-04-30' },
      { ...base, averageMonthlyWage: 20_000_000, startDate: '2020-01-01', endDate: '2020-04-30' },
      { ...base, localAverageMonthlyWage: 0, startDate: '2020-01-01', endDate: '2020-04-30' },
      { startDate: '2020-01-01', endDate: '2020-04-30' },
    ];
    for (const input of bad) {
      const r = SeveranceInput.safeParse(input);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(() => calculateSeverance(bad[0] as never)).toThrow('离职日期不能早于入职日期');
  });
});
