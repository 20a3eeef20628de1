import { z } from 'zod';

/** Kinds of risk signal (风险信号) that providers push and officials file. */
export const SIGNAL_KINDS = [
  'dispute_case',
  'court_filing',
  'asset_seizure',
  'petition',
  'online_sentiment',
  'inspection_violation',
  'wage_arrears_complaint',
  'social_insurance_arrears',
  'unemployment_registration',
  'utility_arrears',
  'tax_abnormal',
] as const;
export const SignalKind = z.enum(SIGNAL_KINDS, { error: '信号类型不正确' });
export type SignalKind = z.infer<typeof SignalKind>;

export const SIGNAL_KIND_LABELS = {
  dispute_case: '劳动争议案件',
  court_filing: '法院立案',
  asset_seizure: '资产查封',
  petition: '信访',
  online_sentiment: '网络舆情',
  inspection_violation: '监察违法',
  wage_arrears_complaint: '欠薪投诉',
  social_insurance_arrears: '社保欠费',
  unemployment_registration: '失业登记',
  utility_arrears: '水电欠费',
  tax_abnormal: '税务异常',
} as const satisfies Record<SignalKind, string>;

/** How a signal reached the platform. */
export const SIGNAL_CHANNELS = ['api', 'manual', 'import', 'case'] as const;
export type SignalChannel = (typeof SIGNAL_CHANNELS)[number];
export const SIGNAL_CHANNEL_LABELS = { api: '接口推送', manual: '人工录入', import: '批量导入', case: '争议案件' } as const satisfies Record<SignalChannel, string>;

const DAY_MS = 86_400_000;
/** Whole days since 1970-01-01 (UTC+8 calendar), the unit of signal ages. */
export function dayNumber(at: Date | string): number {
  const t = typeof at === 'string' ? new Date(at).getTime() : at.getTime();
  return Math.floor((t + 8 * 3600_000) / DAY_MS);
}

/** 'YYYY-MM' → year × 12 + month − 1, so that consecutive months differ by one. */
export function monthIndex(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return y! * 12 + (m! - 1);
}
export function monthOfIndex(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
