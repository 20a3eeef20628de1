import { describe, expect, it } from 'vitest';
import { calculateOvertime, OvertimeInput, OVERTIME_RATES } from './overtime';

describe('calculateOvertime (劳动法 第四十四条)', () => {
  it('has the statutory rates', () => {
    expect(OVERTIME_RATES).toEqual({ weekday: 1.5, restDay: 2, holiday: 3 });
  });

  // 8700 / 21.75 / 8 = 50 an hour
  it.each([
    [{ weekdayHours: 10 }, 750],
    [{ restDayHours: 8 }, 800],
    [{ holidayHours: 8 }, 1200],
    [{ weekdayHours: 10, restDayHours: 8, holidayHours: 8 }, 2750],
    [{}, 0],
  ])('%o → %f', (hours, amount) => {
    const r = calculateOvertime({ monthlyWage: 8700, ...hours });
    expect(r.hourlyWage).toBe(50);
    expect(r.amount).toBe(amount);
  });

  it('itemises by kind and notes more than 36 hours (劳动法 第四十一条)', () => {
    const r = calculateOvertime({ monthlyWage: 6000, weekdayHours: 30, restDayHours: 16, holidayHours: 0 });
    expect(r.breakdown.map((b) => [b.kind, b.hours, b.rate])).toEqual([
      ['weekday', 30, 1.5],
      ['restDay', 16, 2],
      ['holiday', 0, 3],
    ]);
    // 6000 / 174 = 34.4827…; 30 × 1.5 + 16 × 2 = 77 hours-equivalent → 2655.17
    expect(r.amount).toBe(2655.17);
    expect(r.hourlyWage).toBe(34.48);
    expect(r.basis.some((b) => b.articleNo === 41)).toBe(true);
  });

  it('rejects negative and impossible hours', () => {
    expect(OvertimeInput.safeParse({ monthlyWage: 6000, weekdayHours: -1 }).success).toBe(false);
    expect(OvertimeInput.safeParse({ monthlyWage: 6000, holidayHours: 800 }).success).toBe(false);
    expect(OvertimeInput.safeParse({ weekdayHours: 3 }).error?.issues[0]?.message).toBe('请填写月工资（数字）');
  });
});
