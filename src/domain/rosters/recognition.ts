import { z } from 'zod';
import { addDays } from '../calendar/iso-date';

/** The four 金牌 awards selected through the one yearly workflow. */
export const AwardKind = z.enum(['coordinator', 'social_org', 'mediation_org', 'mediator']);
export type AwardKind = z.infer<typeof AwardKind>;
export const AWARD_KIND_LABELS = {
  coordinator: '金牌劳动关系协调员',
  social_org: '金牌社会组织',
  mediation_org: '金牌调解组织',
  mediator: '金牌调解员',
} as const satisfies Record<AwardKind, string>;

export const AwardIndicator = z.object({
  code: z.string().regex(/^[A-Za-z0-9_.-]{1,20}$/, '指标编码为1至20位字母、数字或_.-'),
  name: z.string().trim().min(1, '请填写指标名称').max(200),
  weight: z.number().int('权重须为整数').min(1, '权重至少为1').max(100, '权重不能超过100'),
});
export type AwardIndicator = z.infer<typeof AwardIndicator>;

export interface FieldProblem {
  field: string;
  message: string;
}

/** An indicator set is usable when codes are unique and the weights add up to exactly 100. */
export function checkIndicatorSet(indicators: readonly AwardIndicator[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  indicators.forEach((i, n) => {
    if (seen.has(i.code)) problems.push({ field: `indicators.${n}.code`, message: `指标编码重复：${i.code}` });
    seen.add(i.code);
  });
  const sum = indicators.reduce((s, i) => s + i.weight, 0);
  if (sum !== 100) problems.push({ field: 'indicators', message: `各项指标权重之和须为100，当前为${sum}` });
  return problems;
}

/** A reviewer's marks: each indicator scored 0–100. */
export type IndicatorMarks = Record<string, number>;

export function checkMarks(indicators: readonly AwardIndicator[], marks: IndicatorMarks): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const i of indicators) {
    const m = marks[i.code];
    if (m === undefined) problems.push({ field: `scores.${i.code}`, message: `请为“${i.name}”打分` });
    else if (!Number.isFinite(m) || m < 0 || m > 100) problems.push({ field: `scores.${i.code}`, message: `“${i.name}”的得分须在0至100之间` });
  }
  for (const code of Object.keys(marks)) {
    if (!indicators.some((i) => i.code === code)) problems.push({ field: `scores.${code}`, message: `指标不存在：${code}` });
  }
  return problems;
}

/** Scores are kept in hundredths (integers) so that comparisons are exact. */
const hundredths = (n: number) => Math.round(n * 100);

/** A reviewer's weighted total out of 100: Σ mark × weight ÷ 100, to two decimals. */
export function weightedTotal(indicators: readonly AwardIndicator[], marks: IndicatorMarks): number {
  const raw = indicators.reduce((s, i) => s + (marks[i.code] ?? 0) * i.weight, 0);
  return hundredths(raw / 100) / 100;
}

export interface ReviewerSheet {
  reviewerId: string;
  marks: IndicatorMarks;
}

export interface NomineeScore {
  nominationId: string;
  /** Mean of the reviewers' weighted totals, two decimals; null when no reviewer has scored yet. */
  score: number | null;
  reviewers: number;
  /** Mean mark per indicator, used only to break ties. */
  indicatorMeans: Record<string, number>;
}

export function nomineeScore(nominationId: string, indicators: readonly AwardIndicator[], sheets: readonly ReviewerSheet[]): NomineeScore {
  if (sheets.length === 0) return { nominationId, score: null, reviewers: 0, indicatorMeans: {} };
  const totals = sheets.map((s) => weightedTotal(indicators, s.marks));
  const indicatorMeans: Record<string, number> = {};
  for (const i of indicators) indicatorMeans[i.code] = hundredths(sheets.reduce((s, sh) => s + (sh.marks[i.code] ?? 0), 0) / sheets.length) / 100;
  return { nominationId, score: hundredths(totals.reduce((a, b) => a + b, 0) / totals.length) / 100, reviewers: sheets.length, indicatorMeans };
}

export interface RankedNominee extends NomineeScore {
  /** Competition ranking (1, 2, 2, 4): nominees still equal after every tie-break share a rank. */
  rank: number | null;
  /** Within the quota; nominees tied at the last place within the quota are all selected. */
  selected: boolean;
  /** Shares its rank with another nominee after every tie-break. */
  tied: boolean;
  /** How a tie with a neighbour was broken (Chinese, for the ranking table), if it was. */
  tieBreak: string | null;
}

/**
 * Ranks nominees for an award. Order: the mean weighted score (higher first); equal scores are broken
 * by the mean mark of the heaviest-weighted indicator, then the next heaviest (equal weights in the
 * order of the set), and so on. Nominees still equal share a rank. The quota selects the nominees ranked
 * within it; a tie straddling the last place selects every tied nominee (并列入选), so equal merit is
 * never decided by input order. Unscored nominees are not ranked and never selected.
 */
export function rankNominees(indicators: readonly AwardIndicator[], scores: readonly NomineeScore[], quota: number): RankedNominee[] {
  const order = indicators.map((i, n) => ({ i, n })).sort((a, b) => b.i.weight - a.i.weight || a.n - b.n).map((x) => x.i);
  const scored = scores.filter((s) => s.score !== null);
  const key = (s: NomineeScore) => [hundredths(s.score!), ...order.map((i) => hundredths(s.indicatorMeans[i.code] ?? 0))];
  const cmp = (a: NomineeScore, b: NomineeScore) => {
    const ka = key(a);
    const kb = key(b);
    for (let n = 0; n < ka.length; n++) if (ka[n] !== kb[n]) return kb[n]! - ka[n]!;
    return 0;
  };
  const sorted = [...scored].sort((a, b) => cmp(a, b) || a.nominationId.localeCompare(b.nominationId));
  const out: RankedNominee[] = [];
  sorted.forEach((s, n) => {
    const prev = sorted[n - 1];
    const rank = prev && cmp(prev, s) === 0 ? out[n - 1]!.rank! : n + 1;
    let tieBreak: string | null = null;
    if (prev && cmp(prev, s) !== 0 && hundredths(prev.score!) === hundredths(s.score!)) {
      const decisive = order.find((i) => hundredths(prev.indicatorMeans[i.code] ?? 0) !== hundredths(s.indicatorMeans[i.code] ?? 0));
      tieBreak = decisive ? `总分相同，按“${decisive.name}”得分排序` : null;
    }
    out.push({ ...s, rank, selected: rank <= quota, tied: false, tieBreak });
  });
  for (const r of out) r.tied = out.filter((o) => o.rank === r.rank).length > 1;
  const unscored = scores.filter((s) => s.score === null).map((s) => ({ ...s, rank: null, selected: false, tied: false, tieBreak: null }));
  return [...out, ...unscored];
}

/** The public notice (公示) runs `days` calendar days from its first day, both ends included. */
export function noticePeriod(start: string, days: number): { start: string; end: string } {
  if (!Number.isInteger(days) || days < 1) throw new Error('公示天数须为正整数');
  return { start, end: addDays(start, days - 1) };
}

export type NoticeState = 'not_started' | 'open' | 'closed';
export function noticeState(period: { start: string; end: string } | null, today: string): NoticeState {
  if (!period || today < period.start) return 'not_started';
  return today <= period.end ? 'open' : 'closed';
}

/** Round lifecycle: call for nominations → reviewer scoring → public notice → announcement. */
export const RoundStatus = z.enum(['nominating', 'reviewing', 'notice', 'announced']);
export type RoundStatus = z.infer<typeof RoundStatus>;
export const ROUND_STATUS_LABELS = { nominating: '征集推荐', reviewing: '评审打分', notice: '公示中', announced: '已公布' } as const satisfies Record<RoundStatus, string>;
export const ROUND_NEXT: Record<RoundStatus, RoundStatus | null> = { nominating: 'reviewing', reviewing: 'notice', notice: 'announced', announced: null };
