/**
 * Shared pieces of the labor-law calculators: the legal basis each result cites, input schemas
 * for money and dates with Chinese messages, and rounding at the edge.
 */
import { z } from 'zod';
import { isValidIsoDate } from '../calendar/iso-date';
import { articleLabel } from '../knowledge/citation';
import { toFen } from '../money/chinese-capital';

/** One article a calculation applied; `lawId` matches data/laws/laws.json for linking. */
export interface LegalBasis {
  lawId: string;
  lawTitle: string;
  articleNo: number;
  label: string;
  summary: string;
}

/** Titles as in data/laws/laws.json. */
export const LAWS = {
  'labor-law': '中华人民共和国劳动法',
  'labor-contract-law': '中华人民共和国劳动合同法',
  'labor-contract-law-regulations': '中华人民共和国劳动合同法实施条例',
  'labor-dispute-mediation-arbitration-law': '中华人民共和国劳动争议调解仲裁法',
  'paid-annual-leave-regulations': '职工带薪年休假条例',
  'paid-annual-leave-measures': '企业职工带薪年休假实施办法',
  'monthly-working-days-notice': '关于职工全年月平均工作时间和工资折算问题的通知',
  'spc-labor-dispute-interpretation-2': '最高人民法院关于审理劳动争议案件适用法律问题的解释（二）',
} as const;
export type LawId = keyof typeof LAWS;

export function basis(lawId: LawId, articleNo: number, summary: string): LegalBasis {
  // The salary-conversion notice has no numbered articles; its parts are 一、二、三.
  const label = lawId === 'monthly-working-days-notice' ? `第${'一二三'[articleNo - 1]}部分` : articleLabel(articleNo);
  return { lawId, lawTitle: LAWS[lawId], articleNo, label, summary };
}

/** A monthly amount above this is a typo, not a wage. */
export const MAX_MONTHLY_AMOUNT = 10_000_000;

export function monthlyMoney(name: string) {
  return z
    .number({ error: `请填写${name}（数字）` })
    .finite(`${name}必须是有效数字`)
    .min(0, `${name}不能为负数`)
    .max(MAX_MONTHLY_AMOUNT, `${name}超出合理范围（不超过每月1000万元）`);
}

export function positiveMonthlyMoney(name: string) {
  return monthlyMoney(name).refine((v) => v > 0, `${name}必须大于0`);
}

/** A YYYY-MM-DD date between 1949 and 2100: anything else is a typing error. */
export function dateField(name: string) {
  return z
    .string({ error: `请填写${name}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${name}格式应为YYYY-MM-DD`)
    .refine(isValidIsoDate, `${name}不是有效日期`)
    .refine((d) => d >= '1949-10-01' && d <= '2100-12-31', `${name}超出合理范围`);
}

/** Yuan to 2 decimals, half-up on the decimal as written; applied only to final figures. */
export function roundMoney(amount: number): number {
  return toFen(amount) / 100;
}

/**
 * 月计薪天数 21.75 = (365 − 104 rest days) ÷ 12: the 11 paid public holidays are included.
 * 关于职工全年月平均工作时间和工资折算问题的通知 第二部分.
 */
export const MONTHLY_PAID_DAYS = 21.75;
