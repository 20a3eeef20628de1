/**
 * Overtime pay for hours worked beyond the standard day, on rest days and on public holidays.
 */
import { z } from 'zod';
import { basis, monthlyMoney, MONTHLY_PAID_DAYS, roundMoney, type LegalBasis } from './common';

/** Hours in a 31-day month: any more is a typing error. */
const MAX_HOURS = 744;

function hours(name: string) {
  return z
    .number({ error: `请填写${name}（数字）` })
    .finite(`${name}必须是有效数字`)
    .min(0, `${name}不能为负数`)
    .max(MAX_HOURS, `${name}超出合理范围（一个月不超过744小时）`)
    .default(0);
}

export const OvertimeInput = z.object({
  /** The wage of normal working time the overtime rates apply to. */
  monthlyWage: monthlyMoney('月工资'),
  weekdayHours: hours('工作日延长工作时间'),
  restDayHours: hours('休息日加班时间'),
  holidayHours: hours('法定休假日加班时间'),
});
export type OvertimeInput = z.input<typeof OvertimeInput>;

export const OVERTIME_KINDS = ['weekday', 'restDay', 'holiday'] as const;
export type OvertimeKind = (typeof OVERTIME_KINDS)[number];

/** 劳动法 第四十四条: 150 %, 200 %, 300 % of the normal wage. */
export const OVERTIME_RATES = { weekday: 1.5, restDay: 2, holiday: 3 } as const satisfies Record<OvertimeKind, number>;

export const OVERTIME_KIND_LABELS = {
  weekday: '工作日延长工作时间',
  restDay: '休息日加班（未安排补休）',
  holiday: '法定休假日加班',
} as const satisfies Record<OvertimeKind, string>;

export interface OvertimeResult {
  hourlyWage: number;
  amount: number;
  breakdown: { kind: OvertimeKind; label: string; hours: number; rate: number; amount: number }[];
  basis: LegalBasis[];
  notes: string[];
}

/** 劳动法 第四十一条: at most 36 hours of extended time a month. */
const MONTHLY_OVERTIME_LIMIT = 36;

/**
 * Hourly wage = monthly wage ÷ 21.75 ÷ 8 (关于职工全年月平均工作时间和工资折算问题的通知
 * 第二部分); each hour is paid at its rate (劳动法 第四十四条).
 */
export function calculateOvertime(input: OvertimeInput): OvertimeResult {
  const v = OvertimeInput.parse(input);
  const hourly = v.monthlyWage / MONTHLY_PAID_DAYS / 8;
  const hoursOf = { weekday: v.weekdayHours, restDay: v.restDayHours, holiday: v.holidayHours };
  const raw = OVERTIME_KINDS.map((kind) => ({ kind, amount: hourly * hoursOf[kind] * OVERTIME_RATES[kind] }));
  const total = raw.reduce((s, r) => s + r.amount, 0);
  const notes = [
    '小时工资 = 月工资 ÷ 21.75 ÷ 8；工作日延长工作时间按150%，休息日加班按200%，法定休假日加班按300%支付。',
    '休息日加班已安排同等时间补休的，可不支付加班工资；法定休假日加班不能以补休代替。',
  ];
  const refs = [
    basis('labor-law', 44, '延长工作时间支付不低于工资150%；休息日工作又不能安排补休的支付不低于200%；法定休假日工作支付不低于300%。'),
    basis('monthly-working-days-notice', 2, '日工资 = 月工资收入 ÷ 月计薪天数（21.75天）；小时工资 = 月工资收入 ÷（21.75 × 8小时）。'),
  ];
  if (v.weekdayHours + v.restDayHours + v.holidayHours > MONTHLY_OVERTIME_LIMIT) {
    notes.push('如以上为一个月的加班时间，合计已超过36小时，超出劳动法第四十一条规定的上限；超时部分仍应支付加班工资。');
    refs.push(basis('labor-law', 41, '延长工作时间一般每日不超过1小时，特殊原因每日不超过3小时，每月不超过36小时。'));
  }
  return {
    hourlyWage: roundMoney(hourly),
    amount: roundMoney(total),
    breakdown: raw.map((r) => ({
      kind: r.kind,
      label: OVERTIME_KIND_LABELS[r.kind],
      hours: hoursOf[r.kind],
      rate: OVERTIME_RATES[r.kind],
      amount: roundMoney(r.amount),
    })),
    basis: refs,
    notes,
  };
}
