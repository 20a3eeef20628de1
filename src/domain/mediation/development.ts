import { z } from 'zod';
import { addDays, addYears } from '../calendar/iso-date';
import type { FieldProblem } from '../rosters/recognition';

/**
 * Mediator development (调解员队伍建设): appointment terms, dismissal, mentoring pairs and the suggested
 * grade of the yearly evaluation. Seed 003 二(五)1: 完善调解员聘任、培训、考评、奖惩和退出管理.
 */

/** 企业劳动争议协商调解规定 第十九条：调解员的聘期至少为1年，可以续聘。 */
export const MIN_TERM_YEARS = 1;
/** A term longer than five years is taken as a typing error (terms are renewed, not made open-ended). */
export const MAX_TERM_YEARS = 5;

export interface TermLike {
  id?: string;
  termStart: string;
  termEnd: string;
  status: 'serving' | 'ended' | 'dismissed';
  dismissedOn?: string | null;
}

/** The last day a term was actually in force (a dismissal cuts it short). */
export const termLastDay = (t: TermLike) => (t.status === 'dismissed' && t.dismissedOn ? t.dismissedOn : t.termEnd);

/**
 * Checks a new appointment (聘任) or renewal (续聘). 企业劳动争议协商调解规定 第十九条: the term is at least
 * one year (2026-01-01 to 2026-12-31 is a full year); 劳动争议调解仲裁法 第十一条 / 企业劳动争议协商调解规定 第十八条: a mediator is an adult citizen
 * (checked when the birth date is known). Terms of one mediator may not overlap.
 */
export function checkAppointment(input: { termStart: string; termEnd: string; birthDate?: string | null }, existing: readonly TermLike[]): FieldProblem[] {
  const p: FieldProblem[] = [];
  if (input.termEnd <= input.termStart) p.push({ field: 'termEnd', message: '聘期结束日期应晚于开始日期' });
  else if (input.termEnd < addDays(addYears(input.termStart, MIN_TERM_YEARS), -1)) p.push({ field: 'termEnd', message: '调解员聘期至少为1年（企业劳动争议协商调解规定第十九条）' });
  else if (input.termEnd > addYears(input.termStart, MAX_TERM_YEARS)) p.push({ field: 'termEnd', message: `单次聘期不超过${MAX_TERM_YEARS}年，期满可续聘` });
  if (input.birthDate && addYears(input.birthDate, 18) > input.termStart) p.push({ field: 'birthDate', message: '调解员应当由成年公民担任（劳动争议调解仲裁法第十一条）' });
  const clash = existing.find((t) => input.termStart <= termLastDay(t) && t.termStart <= input.termEnd);
  if (clash) p.push({ field: 'termStart', message: `与现有聘期（${clash.termStart}至${termLastDay(clash)}）重叠` });
  return p;
}

/** Whether a mediator is in post on a day: inside a term that is not dismissed before that day. */
export function servingOn(terms: readonly TermLike[], day: string): TermLike | null {
  return terms.find((t) => t.termStart <= day && day <= termLastDay(t)) ?? null;
}

/** Terms ending within `withinDays` of today (续聘提醒). */
export function expiringTerms<T extends TermLike>(terms: readonly T[], today: string, withinDays: number): T[] {
  const last = addDays(today, withinDays);
  return terms.filter((t) => t.status === 'serving' && t.termEnd >= today && t.termEnd <= last);
}

/**
 * Grounds for dismissal (解聘). 企业劳动争议协商调解规定 第三十五条: 严重失职或者违法违纪、侵害当事人合法权益的，
 * 应当予以解聘; 第十九条: 不能履行调解职责时应当及时调整; and the mediator's own resignation.
 */
export const DISMISSAL_GROUNDS = {
  misconduct: '严重失职或违法违纪，侵害当事人合法权益（第三十五条）',
  unable: '不能履行调解职责（第十九条）',
  resigned: '本人申请辞任',
  other: '其他原因',
} as const;
export type DismissalGround = keyof typeof DISMISSAL_GROUNDS;
export const DismissalGround = z.enum(Object.keys(DISMISSAL_GROUNDS) as [DismissalGround, ...DismissalGround[]]);

/** A young mediator (青年调解员) for mentoring: in post for less than this many years. */
export const MENTEE_MAX_YEARS = 3;
/** A mentor (师傅) has been in post at least this many years. */
export const MENTOR_MIN_YEARS = 5;

/**
 * Checks a mentoring pair (师徒结对, seed 003 二(五)2: 通过设立调解工作室、师徒结对等方式培育青年调解员).
 * Years in post count from `joinedOn`; a mediator has at most one active mentor.
 */
export function checkMentoringPair(
  input: { mentorId: string; menteeId: string; startedOn: string },
  mentor: { joinedOn: string | null; active: boolean },
  mentee: { joinedOn: string | null; active: boolean; hasActiveMentor: boolean },
): FieldProblem[] {
  const p: FieldProblem[] = [];
  if (input.mentorId === input.menteeId) return [{ field: 'menteeId', message: '师傅和徒弟不能是同一人' }];
  if (!mentor.active) p.push({ field: 'mentorId', message: '师傅不在岗' });
  else if (!mentor.joinedOn || addYears(mentor.joinedOn, MENTOR_MIN_YEARS) > input.startedOn) p.push({ field: 'mentorId', message: `师傅应从事调解工作满${MENTOR_MIN_YEARS}年` });
  if (!mentee.active) p.push({ field: 'menteeId', message: '徒弟不在岗' });
  else if (mentee.joinedOn && addYears(mentee.joinedOn, MENTEE_MAX_YEARS) <= input.startedOn) p.push({ field: 'menteeId', message: `徒弟应为从事调解工作不满${MENTEE_MAX_YEARS}年的青年调解员` });
  else if (mentee.hasActiveMentor) p.push({ field: 'menteeId', message: '该调解员已有在带的师傅' });
  return p;
}

export interface EvaluationFacts {
  cases: number | null;
  successRate: number | null;
  withinLimitRate: number | null;
  satisfaction: number | null;
  trainingHours: number;
  penalties: number;
}

/** Yearly training a mediator should complete (业务培训, 企业劳动争议协商调解规定 第三十二条; district practice: 24 学时). */
export const YEARLY_TRAINING_HOURS = 24;
/** seed 003 二(四): 调解成功率不低于60%. */
export const SUCCESS_TARGET = 60;

export const MediatorGrade = z.enum(['excellent', 'competent', 'basic', 'incompetent']);
export type MediatorGrade = z.infer<typeof MediatorGrade>;

/**
 * The grade the figures suggest; the evaluator decides (考评 is partly computed, partly judged).
 * 不称职: a penalty in the year. 优秀: ≥ 10 cases, success ≥ 80%, in time ≥ 95%, training done, and
 * satisfaction ≥ 4.5 when measured. 称职: success ≥ 60% (or no mediation results) and training done.
 * Otherwise 基本称职.
 */
export function suggestMediatorGrade(f: EvaluationFacts): MediatorGrade {
  if (f.penalties > 0) return 'incompetent';
  const trained = f.trainingHours >= YEARLY_TRAINING_HOURS;
  if (trained && (f.cases ?? 0) >= 10 && (f.successRate ?? 0) >= 80 && (f.withinLimitRate ?? 0) >= 95 && (f.satisfaction === null || f.satisfaction >= 4.5)) return 'excellent';
  if (trained && (f.successRate === null || f.successRate >= SUCCESS_TARGET)) return 'competent';
  return 'basic';
}
