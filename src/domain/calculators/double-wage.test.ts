import { describe, expect, it } from 'vitest';
import { calculateDoubleWage, DoubleWageInput } from './double-wage';

describe('calculateDoubleWage (劳动合同法 第八十二条, 实施条例 第六条、第七条)', () => {
  it('owes 11 months at most, from the day after the first month to the day before the first year', () => {
    const r = calculateDoubleWage({ employmentStartDate: '2023-01-01', endDate: '2024-06-30', monthlyWage: 6000 });
    expect(r.period).toEqual({ from: '2023-02-01', to: '2023-12-31' });
    expect(r.fullMonths).toBe(11);
    expect(r.extraWorkingDays).toBe(0);
    expect(r.amount).toBe(66000);
    expect(r.deemedOpenEnded).toBe(true);
    expect(r.basis.map((b) => `${b.lawId}#${b.articleNo}`)).toContain('spc-labor-dispute-interpretation-2#9');
  });

  it('stops the day before the contract is signed', () => {
    const r = calculateDoubleWage({
      employmentStartDate: '2023-03-15',
      contractSignedDate: '2023-07-15',
      endDate: '2024-01-01',
      monthlyWage: 8700,
    });
    expect(r.period).toEqual({ from: '2023-04-15', to: '2023-07-14' });
    expect(r.fullMonths).toBe(3);
    expect(r.amount).toBe(26100);
    expect(r.deemedOpenEnded).toBe(false);
  });

  it('pays a part month by working days ÷ 21.75 (劳动争议司法解释（二） 第六条)', () => {
    // 2024-03-01 … 2024-04-10: one month, then 2024-04-01 … 04-10 = 8 weekdays
    const r = calculateDoubleWage({ employmentStartDate: '2024-02-01', endDate: '2024-04-10', monthlyWage: 8700 });
    expect(r.fullMonths).toBe(1);
    expect(r.extraWorkingDays).toBe(8);
    expect(r.amount).toBe(8700 + 3200);
  });

  it('owes nothing when the contract is signed within the first month', () => {
    const r = calculateDoubleWage({
      employmentStartDate: '2024-01-10',
      contractSignedDate: '2024-02-09',
      endDate: '2024-12-31',
      monthlyWage: 5000,
    });
    expect(r.period).toBeUndefined();
    expect(r.amount).toBe(0);
  });

  it('rejects an end before the start and impossible dates', () => {
    expect(DoubleWageInput.safeParse({ employmentStartDate: '2024-05-01', endDate: '2024-04-01', monthlyWage: 1 }).success).toBe(false);
    expect(DoubleWageInput.safeParse({ employmentStartDate: '2024-13-01', endDate: '2024-04-01', monthlyWage: 1 }).success).toBe(false);
  });
});
