import { addMonths, addYears } from '../calendar';
import type { CreditGrade } from './grades';

/**
 * 守法诚信红名单 (local incentive list) and 拖欠农民工工资失信联合惩戒对象名单 (black list).
 * The black-list rules follow 拖欠农民工工资失信联合惩戒对象名单管理暂行办法（人力资源社会保障部令第45号）, which is
 * NOT in the law data set: article numbers and periods below are from memory and marked（待核对）.
 */
export const LIST_KINDS = ['red', 'black'] as const;
export type ListKind = (typeof LIST_KINDS)[number];
export const LIST_KIND_LABELS: Record<ListKind, string> = { red: '劳动保障守法诚信红名单', black: '拖欠农民工工资失信联合惩戒对象名单' };

export interface ListFacts {
  /** Final yearly grades, newest first. */
  yearlyGrades: readonly CreditGrade[];
  /** Violations found in the last two years. */
  violationsLast2Years: number;
  /** Wage arrears reaching the 拒不支付劳动报酬罪 threshold (found and not yet corrected). */
  wageCrimeAmount: boolean;
  /** Wage arrears that caused a mass or extreme incident with serious social impact. */
  wageMassIncident: boolean;
}

export interface ListCriterion {
  id: string;
  kind: ListKind;
  citation: string;
  text: string;
}

/** Red list (local rule, docs/decisions.md): A grade in the last two yearly rounds and no violation in two years. */
export const RED_CRITERION: ListCriterion = { id: 'R1', kind: 'red', citation: '本地守法诚信激励措施（地方规定，待核对）', text: '连续两个年度评为A级，且近两年未因劳动保障违法行为被查处' };
export const BLACK_CRITERIA: readonly ListCriterion[] = [
  { id: 'K1', kind: 'black', citation: '拖欠农民工工资失信联合惩戒对象名单管理暂行办法 第五条第（一）项（待核对）', text: '克扣、无故拖欠农民工工资达到认定拒不支付劳动报酬罪数额标准的' },
  { id: 'K2', kind: 'black', citation: '拖欠农民工工资失信联合惩戒对象名单管理暂行办法 第五条第（二）项（待核对）', text: '因拖欠农民工工资违法行为引发群体性事件、极端事件造成严重不良社会影响的' },
];

/** Which list criteria an enterprise meets now. */
export function listCriteriaMet(f: ListFacts): ListCriterion[] {
  const met: ListCriterion[] = [];
  if (f.yearlyGrades.length >= 2 && f.yearlyGrades[0] === 'A' && f.yearlyGrades[1] === 'A' && f.violationsLast2Years === 0) met.push(RED_CRITERION);
  if (f.wageCrimeAmount) met.push(BLACK_CRITERIA[0]!);
  if (f.wageMassIncident) met.push(BLACK_CRITERIA[1]!);
  return met;
}

/** Years on the list: black 3 (暂行办法 第十三条, 待核对); red 2 (local). */
export const LIST_YEARS: Record<ListKind, number> = { red: 2, black: 3 };
/** Working days the enterprise has for 陈述、申辩 after the prior notice (暂行办法 第九条, 待核对 — local default). */
export const NOTICE_WORKING_DAYS = 5;
/** Months on the black list before early removal may be applied for (暂行办法 第十五条, 待核对). */
export const EARLY_REMOVAL_MONTHS = 6;

export const LISTING_STATUSES = ['noticed', 'appealed', 'listed', 'dropped', 'removed'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];
export type ListingEvent = 'appeal' | 'list' | 'drop' | 'remove';
const TRANSITIONS: Record<ListingStatus, Partial<Record<ListingEvent, ListingStatus>>> = {
  noticed: { appeal: 'appealed', list: 'listed', drop: 'dropped' },
  appealed: { list: 'listed', drop: 'dropped' },
  listed: { remove: 'removed' },
  dropped: {},
  removed: {},
};
export function nextListingStatus(s: ListingStatus, e: ListingEvent): ListingStatus | null {
  return TRANSITIONS[s][e] ?? null;
}

/** Last day on the list. */
export const listedUntil = (kind: ListKind, listedOn: string) => addYears(listedOn, LIST_YEARS[kind]);

/**
 * Whether a listed enterprise may be removed on `today`: at the end of the period; a black-listed one earlier when it
 * has corrected the arrears, made a credit commitment and spent EARLY_REMOVAL_MONTHS on the list.
 */
export function removalCheck(kind: ListKind, listedOn: string, today: string, c: { corrected: boolean; commitment: boolean }): { allowed: boolean; reason: string } {
  if (today >= listedUntil(kind, listedOn)) return { allowed: true, reason: '列入期限届满' };
  if (kind === 'black') {
    const early = addMonths(listedOn, EARLY_REMOVAL_MONTHS);
    if (today < early) return { allowed: false, reason: `列入未满${EARLY_REMOVAL_MONTHS}个月（${early}起可申请提前移出）` };
    if (!c.corrected) return { allowed: false, reason: '尚未改正拖欠工资违法行为' };
    if (!c.commitment) return { allowed: false, reason: '尚未作出信用承诺' };
    return { allowed: true, reason: '已改正违法行为并作出信用承诺，申请提前移出' };
  }
  return { allowed: false, reason: `列入期限至${listedUntil(kind, listedOn)}` };
}


/**
 * Whether the listing decision may be taken on `today`: after a prior notice the enterprise has NOTICE_WORKING_DAYS
 * to state its case (陈述、申辩, 暂行办法 第九条, 待核对); an appeal must be answered by the decision itself.
 */
export function decideCheck(status: ListingStatus, noticeDueOn: string, today: string): { allowed: boolean; reason: string } {
  if (status === 'appealed') return { allowed: true, reason: '企业已陈述申辩，作出决定并答复' };
  if (status !== 'noticed') return { allowed: false, reason: '该名单记录已作出决定' };
  if (today <= noticeDueOn) return { allowed: false, reason: `陈述申辩期至${noticeDueOn}截止，期满后方可作出列入决定` };
  return { allowed: true, reason: '陈述申辩期满' };
}

/** A red-listed enterprise found violating the law loses the incentive at once (local rule, docs/decisions.md). */
export const redListRevoked = (kind: ListKind, violationsSinceListed: number) => kind === 'red' && violationsSinceListed > 0;
