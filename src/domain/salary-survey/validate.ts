import { FIELD_LABELS, LABOR_COST_PARTS, OCCUPATIONS, type SurveyData } from './form';

export type IssueLevel = 'error' | 'warning';
export interface SurveyIssue {
  field: string;
  level: IssueLevel;
  rule: string;
  message: string;
}

export interface ValidationContext {
  /** 当地月最低工资标准（元）for the survey year. */
  minimumMonthlyWage: number;
  /** Last year's accepted form of the same enterprise, for the outlier checks. */
  lastYear?: SurveyData | null;
  /** Relative change against last year that is flagged for the reviewer (0.5 = ±50 %). */
  outlierRatio?: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const fmt = (n: number) => round2(n).toLocaleString('zh-CN');

/**
 * Checks a survey form field by field. Errors block submission; warnings go to the reviewer.
 * Rules: ranges, sums that must add up, pay below the local minimum wage, outliers against last year.
 */
export function validateSurvey(d: SurveyData, ctx: ValidationContext): SurveyIssue[] {
  const issues: SurveyIssue[] = [];
  const add = (field: string, level: IssueLevel, rule: string, message: string) => issues.push({ field, level, rule, message });
  const label = (f: string) => FIELD_LABELS[f] ?? f;

  // ranges
  const nonNegative = ['economic.revenue', 'economic.totalPayroll', ...Object.keys(FIELD_LABELS).filter((f) => f.startsWith('laborCost.'))];
  for (const f of nonNegative) {
    const v = f.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], d) as number;
    if (v < 0) add(f, 'error', 'range', `${label(f)}不能为负数`);
  }
  const e = d.economic;
  if (!Number.isInteger(e.avgEmployees) || e.avgEmployees < 1 || e.avgEmployees > 1_000_000) add('economic.avgEmployees', 'error', 'range', '从业人员平均人数应为1至1000000之间的整数');
  if (e.revenue >= 0 && e.profit > e.revenue) add('economic.profit', 'error', 'range', '利润总额不能大于营业收入');

  // sums that must add up
  const lc = d.laborCost;
  const parts = round2(LABOR_COST_PARTS.reduce((s, k) => s + lc[k], 0));
  if (Math.abs(parts - lc.total) > 0.01) add('laborCost.total', 'error', 'sum', `人工成本总额（${fmt(lc.total)}）应等于各分项之和（${fmt(parts)}）`);
  if (e.totalPayroll > 0 && Math.abs(lc.wages - e.totalPayroll) > Math.max(0.01, e.totalPayroll * 0.01)) {
    add('laborCost.wages', 'error', 'sum', `人工成本中的工资总额（${fmt(lc.wages)}）应与经济指标中的应付工资总额（${fmt(e.totalPayroll)}）一致`);
  }

  // employee rows
  if (d.employees.length === 0) add('employees', 'error', 'required', '请至少填写一名职工的薪酬');
  if (e.avgEmployees >= 1 && d.employees.length > Math.ceil(e.avgEmployees * 1.2)) {
    add('employees', 'warning', 'sum', `职工记录数（${d.employees.length}）超过从业人员平均人数（${e.avgEmployees}）的120%，请核实`);
  }
  d.employees.forEach((row, i) => {
    const f = `employees.${i}`;
    if (!(row.occupation in OCCUPATIONS)) add(`${f}.occupation`, 'error', 'range', `第${i + 1}行：请选择职业类别`);
    const monthsOk = Number.isInteger(row.months) && row.months >= 1 && row.months <= 12;
    if (!monthsOk) add(`${f}.months`, 'error', 'range', `第${i + 1}行：工作月数应为1至12的整数`);
    if (row.annualPay <= 0 || row.annualPay > 10_000_000) add(`${f}.annualPay`, 'error', 'range', `第${i + 1}行：年度应发工资应大于0且不超过1000万元`);
    /** 最低工资规定 第十二条：提供正常劳动的，工资不得低于当地最低工资标准。 */
    else if (monthsOk && row.annualPay / row.months < ctx.minimumMonthlyWage) {
      add(`${f}.annualPay`, 'error', 'minimum-wage', `第${i + 1}行：月均工资${fmt(row.annualPay / row.months)}元低于当地最低工资标准${fmt(ctx.minimumMonthlyWage)}元（最低工资规定 第十二条）`);
    }
  });

  // the sample's average against the enterprise's average (万元 → 元)
  const valid = d.employees.filter((r) => r.annualPay > 0 && r.months >= 1 && r.months <= 12);
  if (valid.length > 0 && e.avgEmployees >= 1 && e.totalPayroll > 0) {
    const sampleAvg = valid.reduce((s, r) => s + (r.annualPay / r.months) * 12, 0) / valid.length;
    const enterpriseAvg = (e.totalPayroll * 10_000) / e.avgEmployees;
    if (Math.abs(sampleAvg / enterpriseAvg - 1) > 0.5) {
      add('employees', 'warning', 'consistency', `职工平均年工资（${fmt(sampleAvg)}元）与应付工资总额折算的人均工资（${fmt(enterpriseAvg)}元）相差超过50%，请核实`);
    }
  }

  // outliers against last year
  const last = ctx.lastYear;
  if (last) {
    const r = ctx.outlierRatio ?? 0.5;
    const change = (now: number, before: number) => (before > 0 ? now / before - 1 : 0);
    const pct = (x: number) => `${x > 0 ? '增长' : '下降'}${Math.round(Math.abs(x) * 100)}%`;
    for (const f of ['economic.avgEmployees', 'economic.totalPayroll', 'laborCost.total'] as const) {
      const [g, k] = f.split('.') as ['economic' | 'laborCost', string];
      const x = change((d[g] as Record<string, number>)[k]!, (last[g] as Record<string, number>)[k]!);
      if (Math.abs(x) > r) add(f, 'warning', 'outlier', `${label(f)}比上年${pct(x)}，请核实或说明原因`);
    }
    const avgBy = (rows: SurveyData['employees']) => {
      const m = new Map<string, { s: number; n: number }>();
      for (const row of rows) if (row.months >= 1) {
        const a = m.get(row.occupation) ?? { s: 0, n: 0 };
        a.s += (row.annualPay / row.months) * 12;
        a.n++;
        m.set(row.occupation, a);
      }
      return m;
    };
    const before = avgBy(last.employees);
    for (const [occ, now] of avgBy(valid)) {
      const b = before.get(occ);
      if (!b) continue;
      const x = change(now.s / now.n, b.s / b.n);
      if (Math.abs(x) > r) add(`occupation.${occ}`, 'warning', 'outlier', `${OCCUPATIONS[occ as keyof typeof OCCUPATIONS] ?? occ}平均工资比上年${pct(x)}，请核实或说明原因`);
    }
  }
  return issues;
}

export const hasErrors = (issues: SurveyIssue[]) => issues.some((i) => i.level === 'error');
