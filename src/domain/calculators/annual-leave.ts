/**
 * Paid annual leave: days a worker is entitled to, and pay for the days not taken.
 */
import { z } from 'zod';
import { basis, monthlyMoney, MONTHLY_PAID_DAYS, roundMoney, type LegalBasis } from './common';

/**
 * 职工带薪年休假条例 第三条: cumulative service of 1 to under 10 years gives 5 days, 10 to under
 * 20 gives 10, 20 or more gives 15; under a year (第二条: 连续工作1年以上) gives none.
 */
export function entitledLeaveDays(cumulativeWorkYears: number): number {
  if (cumulativeWorkYears < 1) return 0;
  if (cumulativeWorkYears < 10) return 5;
  if (cumulativeWorkYears < 20) return 10;
  return 15;
}

export const AnnualLeaveInput = z
  .object({
    /** Years worked in total, for any employer (累计工作时间, 实施办法 第四条). */
    cumulativeWorkYears: z
      .number({ error: '请填写累计工作年限（数字）' })
      .finite('累计工作年限必须是有效数字')
      .min(0, '累计工作年限不能为负数')
      .max(60, '累计工作年限超出合理范围（不超过60年）'),
    /** Average monthly wage of the last 12 months without overtime pay (实施办法 第十一条). */
    monthlyWage: monthlyMoney('月工资'),
    unusedDays: z
      .number({ error: '请填写未休年休假天数（数字）' })
      .finite('未休年休假天数必须是有效数字')
      .min(0, '未休年休假天数不能为负数')
      .refine((d) => Number.isInteger(d * 2), '未休年休假天数最小单位为半天'),
  })
  .superRefine((v, ctx) => {
    const entitled = entitledLeaveDays(v.cumulativeWorkYears);
    if (v.unusedDays > entitled) {
      ctx.addIssue({
        code: 'custom',
        path: ['unusedDays'],
        message: `未休年休假天数不能超过应休天数（累计工作${v.cumulativeWorkYears}年，每年应休${entitled}天）`,
      });
    }
  });
export type AnnualLeaveInput = z.input<typeof AnnualLeaveInput>;

export interface AnnualLeaveResult {
  entitledDays: number;
  dailyWage: number;
  /** The extra 200 % owed for the unused days; the normal 100 % was paid with the salary. */
  compensation: number;
  basis: LegalBasis[];
  notes: string[];
}

/**
 * 企业职工带薪年休假实施办法 第十条: unused days are paid at 300 % of the daily wage, which
 * includes the normal pay already received — so the amount still owed is 200 %.
 * 第十一条: daily wage = monthly wage ÷ 21.75.
 */
export function calculateAnnualLeave(input: AnnualLeaveInput): AnnualLeaveResult {
  const v = AnnualLeaveInput.parse(input);
  const entitledDays = entitledLeaveDays(v.cumulativeWorkYears);
  const daily = v.monthlyWage / MONTHLY_PAID_DAYS;
  const compensation = daily * v.unusedDays * 2;
  const notes = [
    `累计工作${v.cumulativeWorkYears}年，每年应休年休假${entitledDays}天。`,
    `日工资 = 月工资 ÷ 21.75；未休天数按日工资的300%支付，其中100%已随正常工资发放，另需支付200%。`,
  ];
  if (entitledDays === 0) notes.push('累计工作不满1年，不享受年休假。');
  notes.push('新进单位或年度中离职的，当年应休天数按日历天数折算（实施办法第五条、第十二条），本计算按全年天数。');
  return {
    entitledDays,
    dailyWage: roundMoney(daily),
    compensation: roundMoney(compensation),
    basis: [
      basis('paid-annual-leave-regulations', 3, '累计工作已满1年不满10年的，年休假5天；已满10年不满20年的，10天；已满20年的，15天。'),
      basis('paid-annual-leave-regulations', 5, '对职工应休未休的年休假天数，单位应当按照该职工日工资收入的300%支付年休假工资报酬。'),
      basis('paid-annual-leave-measures', 10, '未休年休假工资报酬按日工资收入的300%支付，其中包含用人单位支付职工正常工作期间的工资收入。'),
      basis('paid-annual-leave-measures', 11, '日工资收入按月工资除以月计薪天数（21.75天）折算；月工资为前12个月剔除加班工资后的月平均工资。'),
    ],
    notes,
  };
}
