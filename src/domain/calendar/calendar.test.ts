import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadDefaultCalendar, loadDefaultHolidayTable } from './default-holidays';
import { CalendarConflictError, HolidayTable, buildCalendar } from './holidays';
import { addDays, addMonths, formatChineseDate, weekday } from './iso-date';
import { addWorkingDays, endOfPeriod, endOfPeriodInMonths, isRestDay, nextWorkingDay, uncoveredYears, workingDaysBetween } from './periods';

const cal = loadDefaultCalendar();
const WEEKDAY_ZH = ['日', '一', '二', '三', '四', '五', '六'];

describe('holiday table (国务院办公厅部分节假日安排的通知)', () => {
  const table = loadDefaultHolidayTable();

  it('names its notice for every year', () => {
    expect(table.years.map((y) => [y.year, y.source])).toEqual([
      [2024, '国办发明电〔2023〕7号'],
      [2025, '国办发明电〔2024〕12号'],
      [2026, '国办发明电〔2025〕7号'],
    ]);
  });

  // Totals (共N天) and the weekdays the notices print next to each 上班 date, checked independently of the rows.
  it.each([
    [
      2024,
      { 元旦: 1, 春节: 8, 清明节: 3, 劳动节: 5, 端午节: 1, 中秋节: 3, 国庆节: 7 },
      [
        '2024-02-04 日',
        '2024-02-18 日',
        '2024-04-07 日',
        '2024-04-28 日',
        '2024-05-11 六',
        '2024-09-14 六',
        '2024-09-29 日',
        '2024-10-12 六',
      ],
    ],
    [
      2025,
      { 元旦: 1, 春节: 8, 清明节: 3, 劳动节: 5, 端午节: 3, '国庆节、中秋节': 8 },
      ['2025-01-26 日', '2025-02-08 六', '2025-04-27 日', '2025-09-28 日', '2025-10-11 六'],
    ],
    [
      2026,
      { 元旦: 3, 春节: 9, 清明节: 3, 劳动节: 5, 端午节: 3, 中秋节: 3, 国庆节: 7 },
      ['2026-01-04 日', '2026-02-14 六', '2026-02-28 六', '2026-05-09 六', '2026-09-20 日', '2026-10-10 六'],
    ],
  ] as const)('%i: days off per holiday and make-up working days', (year, totals, workdays) => {
    const y = table.years.find((t) => t.year === year)!;
    const counts: Record<string, number> = {};
    for (const r of y.rows) if (r.kind === 'holiday') counts[r.name] = (counts[r.name] ?? 0) + 1;
    expect(counts).toEqual(totals);
    const worked = y.rows.filter((r) => r.kind === 'workday').map((r) => `${r.date} ${WEEKDAY_ZH[weekday(r.date)]}`);
    expect(worked).toEqual(workdays);
  });

  it('notice weekdays of first days: 2026 春节 starts Sunday 15 Feb, 2025 春节 Tuesday 28 Jan, 2026 元旦 Thursday', () => {
    expect(weekday('2026-02-15')).toBe(0);
    expect(weekday('2025-01-28')).toBe(2);
    expect(weekday('2026-01-01')).toBe(4);
  });

  it('rejects a row far from its year and conflicting kinds', () => {
    const bad = {
      years: [
        { year: 2026, source: 'x', title: 'x', published: '2025-11-04', rows: [{ date: '2029-01-01', kind: 'holiday', name: '元旦' }] },
      ],
    };
    expect(HolidayTable.safeParse(bad).success).toBe(false);
    expect(() =>
      buildCalendar([
        { date: '2026-10-10', kind: 'holiday', name: '国庆节' },
        { date: '2026-10-10', kind: 'workday', name: '国庆节' },
      ]),
    ).toThrow(CalendarConflictError);
  });
});

describe('isRestDay / nextWorkingDay', () => {
  it.each([
    ['2026-02-14', false, '周六调休上班'],
    ['2026-02-15', true, '春节（周日）'],
    ['2026-02-23', true, '春节最后一天（周一）'],
    ['2026-02-24', false, '春节后首个工作日'],
    ['2026-10-10', false, '国庆后周六调休上班'],
    ['2026-10-07', true, '国庆节'],
    ['2026-11-28', true, '普通周六'],
    ['2026-11-26', false, '普通周四'],
    ['2025-10-08', true, '2025国庆中秋第八天（周三）'],
    ['2027-01-01', false, '2027年放假安排尚未录入：只按周末判断'],
  ])('%s → %s (%s)', (date, rest, _why) => {
    expect(isRestDay(cal, date)).toBe(rest);
  });

  it.each([
    ['2026-09-30', '2026-10-08'],
    ['2026-10-09', '2026-10-10'],
    ['2026-02-13', '2026-02-14'],
    ['2026-02-14', '2026-02-24'],
    ['2026-11-27', '2026-11-30'],
  ])('nextWorkingDay(%s) = %s', (d, next) => {
    expect(nextWorkingDay(cal, d)).toBe(next);
  });
});

describe('endOfPeriod — 民法典 第二百零一条、第二百零三条; 劳动人事争议仲裁办案规则 第十九条', () => {
  it.each([
    // [event, days, rollOver, expected, case]
    ['2026-09-20', 15, true, '2026-10-08', '15日期间末日落在国庆假期（10月5日）→ 假期后首个工作日'],
    ['2026-09-20', 15, false, '2026-10-05', '不顺延'],
    ['2026-09-25', 15, true, '2026-10-10', '末日是调休上班的周六 → 不顺延'],
    ['2025-09-13', 15, true, '2025-09-28', '末日是调休上班的周日 → 不顺延'],
    ['2025-09-20', 15, true, '2025-10-09', '2025国庆中秋8天假期内届满 → 10月9日'],
    ['2026-11-06', 15, true, '2026-11-23', '末日是普通周六 → 下周一'],
    ['2026-02-01', 15, true, '2026-02-24', '末日落在春节假期 → 2月24日'],
    ['2026-01-01', 45, true, '2026-02-24', '45日期间届满于春节假期'],
    ['2026-11-26', 15, true, '2026-12-11', '末日是工作日（周五）'],
    ['2026-11-26', 0, true, '2026-11-26', '0日'],
  ])('%s + %i days (roll over: %s) → %s — %s', (event, days, roll, expected) => {
    expect(endOfPeriod(cal, event, days, { rollOverRestDays: roll })).toBe(expected);
  });

  it.each([
    ['2025-03-10', 12, '2026-03-10', '一年：对应日'],
    ['2024-02-29', 12, '2025-02-28', '无对应日 → 月末日（民法典 第二百零二条）'],
    ['2025-10-04', 12, '2026-10-08', '对应日在国庆假期 → 顺延'],
    ['2025-02-14', 12, '2026-02-14', '对应日是调休上班的周六 → 不顺延'],
    ['2025-02-16', 12, '2026-02-24', '对应日在春节假期 → 顺延'],
  ])('%s + %i months → %s (%s)', (event, months, expected) => {
    expect(endOfPeriodInMonths(cal, event, months, { rollOverRestDays: true })).toBe(expected);
  });

  it('addMonths clamps to the last day of the month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-12-15', 1)).toBe('2026-01-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });
});

describe('addWorkingDays — 劳动人事争议仲裁办案规则 第八十条; 劳动保障监察条例 第十七条', () => {
  it.each([
    ['2026-09-28', 5, '2026-10-10', '5个工作日跨国庆：9/29、9/30、10/8、10/9、10/10（周六调休上班）'],
    ['2026-11-26', 5, '2026-12-03', '普通一周'],
    ['2026-11-27', 1, '2026-11-30', '周五后第1个工作日是周一'],
    ['2026-02-13', 3, '2026-02-25', '春节：2/14（周六上班）、2/24、2/25'],
    ['2026-10-10', -5, '2026-09-28', '往前数5个工作日'],
    ['2026-11-26', 0, '2026-11-26', '0个工作日'],
  ])('%s + %i working days → %s (%s)', (date, n, expected) => {
    expect(addWorkingDays(cal, date, n)).toBe(expected);
  });

  it('劳动保障监察条例 第十七条: 60 working days from 2026-09-01 skip the National Day week', () => {
    const due = addWorkingDays(cal, '2026-09-01', 60);
    expect(workingDaysBetween(cal, '2026-09-01', due)).toBe(60);
    // Hand count: 21 in September (中秋 25 Sep off, Sunday 20 Sep worked), 18 in October (from 8 Oct, Saturday 10 Oct
    // worked), 21 in November up to the 30th.
    expect(due).toBe('2026-11-30');
  });

  it('always lands on a working day and counts exactly n working days', () => {
    const dates = fc.integer({ min: 0, max: 1000 }).map((i) => new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 90 }), (d, n) => {
        const end = addWorkingDays(cal, d, n);
        expect(isRestDay(cal, end)).toBe(false);
        expect(workingDaysBetween(cal, d, end)).toBe(n);
        expect(addWorkingDays(cal, end, -n) <= d).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('bad data', () => {
  it('refuses to search past a month of rest days', () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({ date: addDays('2030-01-01', i), kind: 'holiday' as const, name: '错误数据' }));
    const bad = buildCalendar(rows);
    expect(() => nextWorkingDay(bad, '2029-12-31')).toThrow(RangeError);
    expect(() => addWorkingDays(bad, '2029-12-31', 1)).toThrow(RangeError);
  });
});

describe('helpers', () => {
  it('formats dates the Chinese way and flags years the table lacks', () => {
    expect(formatChineseDate('2026-01-05')).toBe('2026年1月5日');
    expect(uncoveredYears(cal, '2026-12-01', '2027-02-01')).toEqual([2027]);
    expect(uncoveredYears(cal, '2025-12-01', '2026-02-01')).toEqual([]);
  });
});
