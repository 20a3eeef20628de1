import { describe, expect, it } from 'vitest';
import { arrearsOutstanding, missingPayrollMonths, nextMonth, payrollDueOn, projectDeficits, type ProjectFacts } from './projects';

const ok: ProjectFacts = { wageAccountOpened: true, guaranteeForm: 'deposit', realNameWorkers: 40, laborManager: '王工', infoBoard: true };

describe('project deficits — 保障农民工工资支付条例 第四章', () => {
  it.each([
    ['all in order', ok, []],
    ['第二十六条 no wage account', { ...ok, wageAccountOpened: false }, ['WAGE_ACCOUNT']],
    ['第三十二条 no guarantee', { ...ok, guaranteeForm: null }, ['GUARANTEE']],
    ['第三十二条 bank guarantee replaces the deposit', { ...ok, guaranteeForm: 'bank_guarantee' }, []],
    ['第二十八条 no real-name registration', { ...ok, realNameWorkers: 0 }, ['REAL_NAME']],
    ['第二十八条第二款 no labor manager', { ...ok, laborManager: null }, ['LABOR_MANAGER']],
    ['第三十四条 no information board', { ...ok, infoBoard: false }, ['INFO_BOARD']],
  ] as const)('%s', (_n, facts, codes) => expect(projectDeficits(facts as ProjectFacts).map((d) => d.code)).toEqual(codes));

  it('cites the penalty article of each deficit', () => {
    const all = projectDeficits({ wageAccountOpened: false, guaranteeForm: null, realNameWorkers: 0, laborManager: null, infoBoard: false });
    expect(all.map((d) => d.penalty)).toEqual(['第五十五条第（一）项', '第五十五条第（二）项', '第五十五条第（三）项', '第五十六条第（二）项', '第五十六条第（四）项']);
  });
});

describe('monthly payment — 第十二条、第十三条、第三十一条', () => {
  it.each([
    ['2026-01', 15, '2026-02-15'],
    ['2026-12', 10, '2027-01-10'],
    ['2026-01', 31, '2026-02-28'],
    ['2028-01', 31, '2028-02-29'],
  ] as const)('wages of %s with pay day %i are due %s', (m, d, due) => expect(payrollDueOn(m, d)).toBe(due));

  it('next month rolls over the year', () => expect(nextMonth('2026-12')).toBe('2027-01'));

  it.each([
    ['nothing due yet', '2026-09-10', [], []],
    ['September due on 10-15, not yet late on that day', '2026-10-15', [], []],
    ['September late the day after', '2026-10-16', [], ['2026-09']],
    ['September confirmed', '2026-10-16', ['2026-09'], []],
    ['two months late', '2026-11-26', ['2026-10'], ['2026-09']],
  ] as const)('%s (today %s)', (_n, today, confirmed, missing) =>
    expect(missingPayrollMonths({ startOn: '2026-09-03', endOn: null, payDay: 15 }, new Set(confirmed), today).map((m) => m.month)).toEqual(missing),
  );

  it('stops at the project end month', () => {
    expect(missingPayrollMonths({ startOn: '2026-01-01', endOn: '2026-02-20', payDay: 15 }, new Set(['2026-01']), '2026-11-26').map((m) => m.month)).toEqual(['2026-02']);
  });

  it('outstanding amount never goes negative', () => {
    expect(arrearsOutstanding(10000, 2500.5)).toBe(7499.5);
    expect(arrearsOutstanding(10000, 12000)).toBe(0);
  });
});
