import { z } from 'zod';

/** 职业大类 of GB/T 6565-2015 (职业分类与代码), the level at which the district publishes wage levels. */
export const OCCUPATIONS = {
  '1': '单位负责人',
  '2': '专业技术人员',
  '3': '办事人员和有关人员',
  '4': '社会生产服务和生活服务人员',
  '5': '农、林、牧、渔业生产及辅助人员',
  '6': '生产制造及有关人员',
} as const;
export type OccupationCode = keyof typeof OCCUPATIONS;
export const OccupationCode = z.enum(Object.keys(OCCUPATIONS) as [OccupationCode, ...OccupationCode[]]);

const money = z.number().finite();

/**
 * One enterprise's yearly survey form, after the annual enterprise salary survey (企业薪酬调查):
 * economic indicators and labour cost in 万元, and one row per surveyed employee with annual pay in 元.
 * Types only: ranges and consistency are checked by `validateSurvey` so every problem gets a field and message.
 */
export const SurveyData = z.object({
  economic: z.object({
    revenue: money.describe('营业收入（万元）'),
    profit: money.describe('利润总额（万元）'),
    avgEmployees: money.describe('从业人员平均人数（人）'),
    totalPayroll: money.describe('应付工资总额（万元）'),
  }),
  laborCost: z.object({
    total: money.describe('人工成本总额（万元）'),
    wages: money.describe('从业人员工资总额（万元）'),
    socialInsurance: money.describe('社会保险费用（万元）'),
    welfare: money.describe('福利费用（万元）'),
    education: money.describe('教育经费（万元）'),
    housing: money.describe('住房费用（万元）'),
    other: money.describe('其他人工成本（万元）'),
  }),
  employees: z
    .array(
      z.object({
        occupation: z.string().max(10),
        annualPay: money.describe('年度应发工资（元）'),
        months: money.describe('本年工作月数'),
        note: z.string().max(100).optional(),
      }),
    )
    .max(5000, '职工记录不能超过5000条'),
});
export type SurveyData = z.infer<typeof SurveyData>;

export const LABOR_COST_PARTS = ['wages', 'socialInsurance', 'welfare', 'education', 'housing', 'other'] as const;

export const FIELD_LABELS: Record<string, string> = {
  'economic.revenue': '营业收入',
  'economic.profit': '利润总额',
  'economic.avgEmployees': '从业人员平均人数',
  'economic.totalPayroll': '应付工资总额',
  'laborCost.total': '人工成本总额',
  'laborCost.wages': '从业人员工资总额',
  'laborCost.socialInsurance': '社会保险费用',
  'laborCost.welfare': '福利费用',
  'laborCost.education': '教育经费',
  'laborCost.housing': '住房费用',
  'laborCost.other': '其他人工成本',
};

export const emptySurvey = (): SurveyData => ({
  economic: { revenue: 0, profit: 0, avgEmployees: 0, totalPayroll: 0 },
  laborCost: { total: 0, wages: 0, socialInsurance: 0, welfare: 0, education: 0, housing: 0, other: 0 },
  employees: [],
});
