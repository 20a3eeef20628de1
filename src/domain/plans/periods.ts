import { z } from 'zod';

export const ReportKind = z.enum(['monthly', 'quarterly', 'yearly']);
export type ReportKind = z.infer<typeof ReportKind>;
export const REPORT_KIND_LABELS: Record<ReportKind, string> = { monthly: '月报', quarterly: '季报', yearly: '年报' };

/** Period codes: 2025-03 (month), 2025-Q1 (quarter), 2025 (year). */
export const PERIOD_PATTERNS: Record<ReportKind, RegExp> = { monthly: /^\d{4}-(0[1-9]|1[0-2])$/, quarterly: /^\d{4}-Q[1-4]$/, yearly: /^\d{4}$/ };

/** First and last day (inclusive) of a period. */
export function periodRange(kind: ReportKind, period: string): { from: string; to: string; year: number } {
  const year = Number(period.slice(0, 4));
  const last = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  switch (kind) {
    case 'monthly': {
      const m = Number(period.slice(5, 7));
      return { from: `${period}-01`, to: last(year, m), year };
    }
    case 'quarterly': {
      const q = Number(period.slice(6));
      const m1 = (q - 1) * 3 + 1;
      return { from: `${year}-${String(m1).padStart(2, '0')}-01`, to: last(year, m1 + 2), year };
    }
    case 'yearly':
      return { from: `${year}-01-01`, to: `${year}-12-31`, year };
  }
}

/** The period that ended most recently before `today` (what the scheduled job reports on). */
export function previousPeriod(kind: ReportKind, today: string): string {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  switch (kind) {
    case 'monthly':
      return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
    case 'quarterly': {
      const q = Math.floor((m - 1) / 3) + 1;
      return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
    }
    case 'yearly':
      return String(y - 1);
  }
}

export function periodLabel(kind: ReportKind, period: string): string {
  const y = period.slice(0, 4);
  if (kind === 'monthly') return `${y}年${Number(period.slice(5, 7))}月`;
  if (kind === 'quarterly') return `${y}年第${'一二三四'[Number(period.slice(6)) - 1]}季度`;
  return `${y}年度`;
}
