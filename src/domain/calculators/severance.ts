/**
 * Economic compensation (经济补偿) on termination, and the doubled damages (赔偿金) for an
 * unlawful termination.
 */
import { z } from 'zod';
import { addDays, addMonths } from '../calendar/iso-date';
import { basis, dateField, monthlyMoney, positiveMonthlyMoney, roundMoney, type LegalBasis } from './common';

export const SeveranceInput = z
  .object({
    /** First day of work (用工之日). */
    startDate: dateField('入职日期'),
    /** Last day of the employment relationship, inclusive. */
    endDate: dateField('离职日期'),
    /** Average monthly wage of the last 12 months, bonuses and allowances included. */
    averageMonthlyWage: monthlyMoney('离职前十二个月平均工资'),
    /** 用人单位所在直辖市、设区的市级人民政府公布的本地区上年度职工月平均工资. */
    localAverageMonthlyWage: positiveMonthlyMoney('当地上年度职工月平均工资'),
    localMinimumWage: positiveMonthlyMoney('当地月最低工资标准'),
    /** The employer terminated unlawfully: damages at twice the compensation. */
    unlawful: z.boolean({ error: '请选择是否违法解除或终止' }).default(false),
  })
  .refine((v) => v.endDate >= v.startDate, { message: '离职日期不能早于入职日期', path: ['endDate'] })
  .refine((v) => v.localMinimumWage <= v.localAverageMonthlyWage, {
    message: '当地最低工资标准不应高于当地职工月平均工资，请核对',
    path: ['localMinimumWage'],
  });
export type SeveranceInput = z.input<typeof SeveranceInput>;

export interface SeveranceResult {
  /** Whole months of service, see {@link fullMonthsOfService}. */
  serviceMonths: number;
  /** Service months left over after whole years, plus whether odd days remain. */
  remainder: { months: number; days: number };
  /** Months of wage payable: one per year, 1 or 0.5 for the remainder, capped at 12 if the wage is capped. */
  compensationMonths: number;
  baseMonthlyWage: number;
  /** Wage capped at 3× the local average monthly wage (and years at 12). */
  capped: boolean;
  /** Raised to the local minimum wage. */
  raisedToMinimum: boolean;
  /** 经济补偿, or 赔偿金 when `unlawful`. */
  amount: number;
  /** Service before 2008-01-01, in whole months; see the note. */
  monthsBefore2008: number;
  /**
   * When service began before 2008: the amount for the years from 2008-01-01 only, the part
   * 劳动合同法 第九十七条 puts under the current rule whatever the old rules said.
   */
  amountSince2008?: number;
  basis: LegalBasis[];
  notes: string[];
}

/**
 * Whole months of service from `start` to `endInclusive`: the largest n such that the day n
 * months after `start` is no later than the day after `endInclusive` (the corresponding-day
 * rule of 民法典 第二百零二条, month ends clamped). 2020-01-15 … 2020-07-14 is 6 months;
 * 2020-01-31 … 2020-02-28 is 1 month. Also returns the odd days left after those months.
 */
export function fullMonthsOfService(start: string, endInclusive: string): { months: number; days: number } {
  const stop = addDays(endInclusive, 1);
  if (stop <= start) return { months: 0, days: 0 };
  const [y1, m1] = start.split('-').map(Number) as [number, number];
  const [y2, m2] = stop.split('-').map(Number) as [number, number];
  let months = (y2 - y1) * 12 + (m2 - m1);
  while (months > 0 && addMonths(start, months) > stop) months--;
  while (addMonths(start, months + 1) <= stop) months++;
  const from = addMonths(start, months);
  const days = Math.round((Date.parse(`${stop}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  return { months, days };
}

const NEW_LAW_IN_FORCE = '2008-01-01';

/** Months of wage for a service period: one per full year, then 1 for six months or more, 0.5 for less. */
export function compensationUnits(start: string, endInclusive: string): number {
  const { months, days } = fullMonthsOfService(start, endInclusive);
  const years = Math.floor(months / 12);
  const rem = months - years * 12;
  return years + (rem >= 6 ? 1 : rem > 0 || days > 0 ? 0.5 : 0);
}

/**
 * 劳动合同法 第四十七条: one month's wage per full year of service; six months or more counts
 * as a year, less than six months as half a month; a wage above three times the local average
 * monthly wage is paid at three times that average for at most twelve years.
 * 劳动合同法实施条例 第二十七条: the month's wage is the average of the last twelve months
 * (bonuses, allowances included), and no less than the local minimum wage.
 * 劳动合同法 第八十七条: unlawful termination costs twice the compensation.
 *
 * Decision on service before 2008 (劳动合同法 第九十七条): the whole period is computed by the
 * current rule, and a note says that the years before 2008-01-01 fall under the rules then in
 * force — whether they earn compensation at all depends on why the contract ended (under the old
 * rules expiry of a fixed term paid none), which this input does not capture, and the 1994 rules
 * are repealed and not in the platform's corpus. `amountSince2008` gives the part the current
 * rule requires in any case, so the adviser sees both ends. Damages for unlawful termination
 * count from the first day of work (实施条例 第二十五条), so there the split does not apply.
 */
export function calculateSeverance(input: SeveranceInput): SeveranceResult {
  const v = SeveranceInput.parse(input);
  const { months, days } = fullMonthsOfService(v.startDate, v.endDate);
  const years = Math.floor(months / 12);
  const remMonths = months - years * 12;

  const raisedToMinimum = v.averageMonthlyWage < v.localMinimumWage;
  let base = raisedToMinimum ? v.localMinimumWage : v.averageMonthlyWage;
  const ceiling = 3 * v.localAverageMonthlyWage;
  const capped = base > ceiling;
  if (capped) base = ceiling;
  const payable = (from: string) => {
    const units = compensationUnits(from, v.endDate);
    const m = capped ? Math.min(units, 12) : units;
    return { months: m, amount: m * base * (v.unlawful ? 2 : 1) };
  };
  const { months: compensationMonths, amount } = payable(v.startDate);

  const refs: LegalBasis[] = [
    basis('labor-contract-law', 47, '按工作年限每满一年支付一个月工资；六个月以上不满一年按一年，不满六个月支付半个月；月工资高于当地职工月平均工资三倍的按三倍计算、年限最高十二年。'),
    basis('labor-contract-law-regulations', 27, '月工资按劳动者应得工资计算，包括奖金、津贴和补贴；低于当地最低工资标准的按最低工资标准计算。'),
  ];
  const monthsBefore2008 =
    v.startDate < NEW_LAW_IN_FORCE
      ? fullMonthsOfService(v.startDate, v.endDate < NEW_LAW_IN_FORCE ? v.endDate : addDays(NEW_LAW_IN_FORCE, -1)).months
      : 0;
  const notes: string[] = [
    `工作年限按整月计算：共${months}个整月${days > 0 ? `又${days}天` : ''}，即${years}年${remMonths}个月${days > 0 ? `${days}天` : ''}，计${compensationMonths}个月工资。`,
  ];
  if (raisedToMinimum) notes.push('离职前十二个月平均工资低于当地最低工资标准，按最低工资标准计算。');
  if (capped) notes.push('月工资高于当地上年度职工月平均工资三倍，按三倍计算，且支付年限最高不超过十二年。');
  if (v.unlawful) {
    refs.push(
      basis('labor-contract-law', 87, '违法解除或者终止劳动合同的，按经济补偿标准的二倍支付赔偿金。'),
      basis('labor-contract-law', 48, '劳动者不要求继续履行或者劳动合同已经不能继续履行的，支付赔偿金。'),
      basis('labor-contract-law-regulations', 25, '支付了赔偿金的，不再支付经济补偿；赔偿金的计算年限自用工之日起计算。'),
    );
    notes.push('违法解除或终止：赔偿金为经济补偿的二倍，支付赔偿金后不再另付经济补偿。');
  }
  const before2008 = v.startDate < NEW_LAW_IN_FORCE && !v.unlawful;
  if (v.startDate < NEW_LAW_IN_FORCE && v.unlawful) {
    notes.push('赔偿金的计算年限自用工之日起计算（实施条例第二十五条），2008年以前的工作年限一并计入。');
  } else if (before2008) {
    refs.push(basis('labor-contract-law', 97, '本法施行之日存续的劳动合同在施行后解除或者终止的，经济补偿年限自本法施行之日起计算；本法施行前按照当时有关规定应当支付经济补偿的，按照当时有关规定执行。'));
    notes.push(
      `其中${monthsBefore2008}个整月的工作年限在2008年1月1日《劳动合同法》施行之前。本计算按现行规则统一计算全部年限；` +
        '依劳动合同法第九十七条，2008年以前的年限是否计发及如何计发适用当时的规定（例如劳动合同期满终止在当时不支付经济补偿），请结合解除原因核实。' +
        '“2008年以后部分”只计2008年1月1日以后的年限，是依现行规则必须支付的部分。',
    );
  }
  return {
    serviceMonths: months,
    remainder: { months: remMonths, days },
    compensationMonths,
    baseMonthlyWage: roundMoney(base),
    capped,
    raisedToMinimum,
    amount: roundMoney(amount),
    monthsBefore2008,
    ...(before2008 && v.endDate >= NEW_LAW_IN_FORCE
      ? { amountSince2008: roundMoney(payable(NEW_LAW_IN_FORCE).amount) }
      : {}),
    basis: refs,
    notes,
  };
}
