import { describe, expect, it } from 'vitest';
import { computeWageLevels, hasErrors, nextStatus, percentile, validateSurvey, type PayRecord, type SurveyData } from './index';

const base = (): SurveyData => ({
  economic: { revenue: 5000, profit: 300, avgEmployees: 10, totalPayroll: 60 },
  laborCost: { total: 80, wages: 60, socialInsurance: 12, welfare: 4, education: 1, housing: 2, other: 1 },
  employees: [
    { occupation: '6', annualPay: 54000, months: 12 },
    { occupation: '6', annualPay: 60000, months: 12 },
    { occupation: '2', annualPay: 90000, months: 12 },
  ],
});
const ctx = { minimumMonthlyWage: 2300 };
const fieldsOf = (d: SurveyData, c: Parameters<typeof validateSurvey>[1] = ctx) => validateSurvey(d, c).map((i) => `${i.level}:${i.rule}:${i.field}`);

describe('salary survey validation', () => {
  it('a consistent form has no issues', () => expect(validateSurvey(base(), ctx)).toEqual([]));

  it.each<[string, (d: SurveyData) => void, string[]]>([
    ['negative revenue', (d) => (d.economic.revenue = -1), ['error:range:economic.revenue']],
    ['fractional headcount', (d) => (d.economic.avgEmployees = 9.5), ['error:range:economic.avgEmployees']],
    ['zero headcount', (d) => (d.economic.avgEmployees = 0), ['error:range:economic.avgEmployees']],
    ['profit above revenue', (d) => (d.economic.profit = 6000), ['error:range:economic.profit']],
    ['negative cost part', (d) => ((d.laborCost.other = -1), (d.laborCost.total = 78)), ['error:range:laborCost.other']],
    ['parts do not add up', (d) => (d.laborCost.total = 81), ['error:sum:laborCost.total']],
    ['wages differ from payroll', (d) => ((d.laborCost.wages = 50), (d.laborCost.total = 70)), ['error:sum:laborCost.wages']],
    ['wages within 1 % of payroll', (d) => ((d.laborCost.wages = 60.5), (d.laborCost.total = 80.5)), []],
    ['no employees', (d) => (d.employees = []), ['error:required:employees']],
    ['too many rows', (d) => (d.employees = Array.from({ length: 13 }, () => ({ occupation: '6', annualPay: 60000, months: 12 }))), ['warning:sum:employees']],
    ['unknown occupation', (d) => (d.employees[0]!.occupation = '9'), ['error:range:employees.0.occupation']],
    ['13 months', (d) => (d.employees[1]!.months = 13), ['error:range:employees.1.months']],
    ['zero pay', (d) => (d.employees[2]!.annualPay = 0), ['error:range:employees.2.annualPay']],
    ['below minimum wage', (d) => (d.employees[0]!.annualPay = 27000), ['error:minimum-wage:employees.0.annualPay']],
    ['exactly minimum wage', (d) => (d.employees[0]!.annualPay = 27600), []],
    ['part year above minimum', (d) => ((d.employees[0]!.annualPay = 13800), (d.employees[0]!.months = 6)), []],
    ['sample far from average', (d) => (d.employees = [{ occupation: '1', annualPay: 400000, months: 12 }]), ['warning:consistency:employees']],
  ])('%s', (_name, change, expected) => {
    const d = base();
    change(d);
    expect(fieldsOf(d)).toEqual(expected);
  });

  it('flags outliers against last year', () => {
    const last = base();
    const d = base();
    d.economic.avgEmployees = 16; // +60 %
    d.employees[2]!.annualPay = 150000; // occupation 2: +67 %
    expect(fieldsOf(d, { ...ctx, lastYear: last })).toEqual(['warning:consistency:employees', 'warning:outlier:economic.avgEmployees', 'warning:outlier:occupation.2']);
    const msgs = validateSurvey(d, { ...ctx, lastYear: last }).map((i) => i.message);
    expect(msgs[1]).toBe('从业人员平均人数比上年增长60%，请核实或说明原因');
    expect(hasErrors(validateSurvey(d, { ...ctx, lastYear: last }))).toBe(false);
    expect(fieldsOf(base(), { ...ctx, lastYear: last })).toEqual([]);
  });

  it('names the minimum wage article in the message', () => {
    const d = base();
    d.employees[0]!.annualPay = 24000;
    expect(validateSurvey(d, ctx)[0]!.message).toBe('第1行：月均工资2,000元低于当地最低工资标准2,300元（最低工资规定 第十二条）');
  });
});

describe('percentiles', () => {
  it.each<[number[], [number, number, number, number, number]]>([
    // hand-computed with h = (n − 1)·p
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1.9, 3.25, 5.5, 7.75, 9.1]],
    [[3000, 4000, 6000, 10000], [3300, 3750, 5000, 7000, 8800]],
    [[5000], [5000, 5000, 5000, 5000, 5000]],
    [[10, 20], [11, 12.5, 15, 17.5, 19]],
  ])('%j', (values, expected) => {
    expect([10, 25, 50, 75, 90].map((p) => Math.round(percentile(values, p) * 1000) / 1000)).toEqual(expected);
  });

  it('suppresses cells with fewer enterprises than the threshold', () => {
    const rec = (enterpriseId: string, industry: string, occupation: string, annualPay: number): PayRecord => ({ enterpriseId, industry, occupation, annualPay });
    const records = [
      rec('e1', 'C', '6', 30000), rec('e1', 'C', '6', 40000),
      rec('e2', 'C', '6', 60000),
      rec('e3', 'C', '6', 100000),
      rec('e1', 'C', '2', 90000), rec('e2', 'C', '2', 120000), // only 2 enterprises
      rec('e4', 'F', '4', 50000),
    ];
    const cells = computeWageLevels(records, { minEnterprises: 3 });
    const cell = (i: string, o: string) => cells.find((c) => c.industry === i && c.occupation === o)!;
    expect(cell('C', '6')).toEqual({ industry: 'C', occupation: '6', enterprises: 3, employees: 4, suppressed: false, mean: 57500, p10: 33000, p25: 37500, p50: 50000, p75: 70000, p90: 88000 });
    expect(cell('C', '2')).toMatchObject({ enterprises: 2, suppressed: true, p50: null, mean: null, employees: 0 });
    expect(cell('F', '4')).toMatchObject({ enterprises: 1, suppressed: true });
    expect(cell('F', '*').suppressed).toBe(true);
    expect(cell('C', '*')).toMatchObject({ enterprises: 3, employees: 6, suppressed: false, p50: 75000 });
    expect(cell('*', '*')).toMatchObject({ enterprises: 4, employees: 7, p50: 60000 });
    // totals sort last
    expect(cells.at(-1)).toMatchObject({ industry: '*', occupation: '*' });
    expect(computeWageLevels(records, { minEnterprises: 1 }).every((c) => !c.suppressed)).toBe(true);
  });
});

describe('survey workflow', () => {
  it.each([
    ['draft', 'submit', 'submitted'],
    ['draft', 'save', 'draft'],
    ['submitted', 'accept', 'accepted'],
    ['submitted', 'return', 'returned'],
    ['returned', 'submit', 'submitted'],
    ['submitted', 'save', null],
    ['accepted', 'return', null],
    ['draft', 'accept', null],
  ] as const)('%s + %s → %s', (from, action, to) => expect(nextStatus(from, action)).toBe(to));
});
