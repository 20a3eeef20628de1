/**
 * Double wages for working without a written labor contract.
 */
import { z } from 'zod';
import { addDays, addMonths, addYears, weekday } from '../calendar/iso-date';
import { basis, dateField, monthlyMoney, MONTHLY_PAID_DAYS, roundMoney, type LegalBasis } from './common';

export const DoubleWageInput = z
  .object({
    /** 用工之日: the first day of work. */
    employmentStartDate: dateField('用工之日'),
    /** When the written contract was finally signed, if it was. */
    contractSignedDate: dateField('书面劳动合同签订日期').optional(),
    /** The day to compute up to: the last day of work, or today for a running employment. */
    endDate: dateField('计算截止日期'),
    monthlyWage: monthlyMoney('月工资'),
  })
  .refine((v) => v.endDate >= v.employmentStartDate, { message: '计算截止日期不能早于用工之日', path: ['endDate'] });
export type DoubleWageInput = z.input<typeof DoubleWageInput>;

export interface DoubleWageResult {
  /** First and last day for which the second wage is owed; absent when nothing is owed. */
  period?: { from: string; to: string };
  /** Whole months in the period (at most 11). */
  fullMonths: number;
  /** Working days (Monday to Friday) of a final partial month. */
  extraWorkingDays: number;
  /** Months payable, the partial month as working days ÷ 21.75. */
  monthsPayable: number;
  /** The second wage still owed, on top of the normal wage already paid. */
  amount: number;
  /** No contract a year after the first day: an open-ended contract is deemed concluded. */
  deemedOpenEnded: boolean;
  basis: LegalBasis[];
  notes: string[];
}

function countWeekdays(from: string, to: string): number {
  let n = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const w = weekday(d);
    if (w !== 0 && w !== 6) n++;
  }
  return n;
}

/**
 * 劳动合同法 第八十二条 and 实施条例 第六条、第七条: from the day after the first full month of
 * work to the day before the first full year, the employer pays twice the wage for each month
 * without a written contract — at most 11 months. The period ends earlier when the contract is
 * signed or the employment ends. 劳动争议司法解释（二） 第六条: counted by month; a part month by
 * its actual working days. Working days here are Monday to Friday, public holidays included,
 * which matches 21.75 (the paid days of an average month, holidays counted) as the divisor.
 */
export function calculateDoubleWage(input: DoubleWageInput): DoubleWageResult {
  const v = DoubleWageInput.parse(input);
  const start = v.employmentStartDate;
  const from = addMonths(start, 1);
  const lastPossible = addDays(addYears(start, 1), -1);
  const candidates = [lastPossible, v.endDate];
  if (v.contractSignedDate) candidates.push(addDays(v.contractSignedDate, -1));
  const to = candidates.sort()[0];

  const refs: LegalBasis[] = [
    basis('labor-contract-law', 82, '用人单位自用工之日起超过一个月不满一年未与劳动者订立书面劳动合同的，应当向劳动者每月支付二倍的工资。'),
    basis('labor-contract-law-regulations', 6, '超过一个月不满一年未订立书面劳动合同的，向劳动者每月支付两倍的工资，并补订书面劳动合同。'),
    basis('labor-contract-law-regulations', 7, '满一年未订立书面劳动合同的，自满一个月的次日至满一年的前一日支付两倍工资，并视为自满一年的当日已订立无固定期限劳动合同。'),
  ];
  const notes: string[] = [];
  const deemedOpenEnded = !(v.contractSignedDate && v.contractSignedDate < addYears(start, 1)) && v.endDate >= addYears(start, 1);

  let fullMonths = 0;
  let extraWorkingDays = 0;
  if (to >= from) {
    while (fullMonths < 11 && addMonths(from, fullMonths + 1) <= addDays(to, 1)) fullMonths++;
    const partialFrom = addMonths(from, fullMonths);
    if (fullMonths < 11 && partialFrom <= to) extraWorkingDays = countWeekdays(partialFrom, to);
    notes.push(`二倍工资期间为${from}至${to}，计${fullMonths}个整月${extraWorkingDays > 0 ? `又${extraWorkingDays}个工作日` : ''}。`);
  } else {
    notes.push('用工之日起一个月内订立书面劳动合同（或用工不满一个月）的，不产生二倍工资。');
  }
  const monthsPayable = fullMonths + extraWorkingDays / MONTHLY_PAID_DAYS;
  const amount = monthsPayable * v.monthlyWage;
  notes.push('“二倍工资”中的一倍为正常工资，已随工资发放；本结果为尚应支付的另一倍工资，最多11个月。');
  if (extraWorkingDays > 0) {
    refs.push(basis('spc-labor-dispute-interpretation-2', 6, '二倍工资按月计算；不满一个月的，按该月实际工作日计算。'));
    notes.push('不满一个月的部分按工作日计算：月工资 ÷ 21.75 × 工作日数（周一至周五，法定节假日计入，与21.75天的口径一致）。');
  }
  if (deemedOpenEnded) {
    refs.push(
      basis('spc-labor-dispute-interpretation-2', 9, '视为已订立无固定期限劳动合同的，劳动者请求支付该期间二倍工资的，人民法院不予支持。'),
    );
    notes.push(
      `用工满一年（${addYears(start, 1)}）仍未订立书面劳动合同，视为自该日起已订立无固定期限劳动合同，应立即补订；此后不再支付二倍工资。`,
    );
  }
  notes.push('二倍工资的仲裁时效一般适用“知道或者应当知道权利被侵害之日起一年”的规定，请尽早主张。');
  return {
    ...(to >= from ? { period: { from, to } } : {}),
    fullMonths,
    extraWorkingDays,
    monthsPayable: Math.round(monthsPayable * 10_000) / 10_000,
    amount: roundMoney(amount),
    deemedOpenEnded,
    basis: refs,
    notes,
  };
}
