import { addDays, addYears, daysBetween } from './dates';

/** A predicate for days on which a period may not end (statutory holidays and their weekends). */
export type NonWorkingDay = (date: string) => boolean;
const NONE: NonWorkingDay = () => false;

/** 劳动合同法 第五十四条; 集体合同规定 第四十七条: no objection within 15 days of receipt → effective. */
export const REVIEW_DAYS = 15;
/** 集体合同规定 第三十二条: a written request to negotiate must be answered within 20 days. */
export const RESPONSE_DAYS = 20;
/** 集体合同规定 第四十二条: the employer files the text within 10 days of the chief representatives' signatures. */
export const FILING_DAYS = 10;
/** 集体合同规定 第三十八条: the term of a collective contract is generally 1 to 3 years. */
export const TERM_YEARS = { min: 1, max: 3 } as const;

/**
 * The last day of a period of `days` days starting on `from`: the starting day itself is not counted,
 * and a period whose last day is a non-working day ends on the next working day (the general rule for
 * periods in days; 民法典 第二百零一条、第二百零三条 — not in the law data set). Without a holiday
 * predicate the count is in plain calendar days.
 */
export function periodEnd(from: string, days: number, isNonWorkingDay: NonWorkingDay = NONE): string {
  let end = addDays(from, days);
  for (let i = 0; i < 30 && isNonWorkingDay(end); i++) end = addDays(end, 1);
  return end;
}

export interface ReviewClock {
  receivedOn: string;
  /** Last day on which the labor department may object. */
  deadline: string;
  /** The day the contract takes effect if no objection is raised. */
  effectiveOn: string;
  /** Days elapsed since receipt (the day of receipt is day 0). */
  elapsed: number;
  /** Days left including today; 0 once the deadline has passed. */
  daysLeft: number;
  /** The deadline has passed: an objection is no longer possible and the contract is effective. */
  lapsed: boolean;
}

/** 劳动合同法 第五十四条: the review clock of a contract received on `receivedOn`, seen on `today`. */
export function reviewClock(receivedOn: string, today: string, isNonWorkingDay: NonWorkingDay = NONE): ReviewClock {
  const deadline = periodEnd(receivedOn, REVIEW_DAYS, isNonWorkingDay);
  const lapsed = today > deadline;
  return {
    receivedOn,
    deadline,
    effectiveOn: addDays(deadline, 1),
    elapsed: Math.max(0, daysBetween(receivedOn, today)),
    daysLeft: lapsed ? 0 : daysBetween(today, deadline) + 1,
    lapsed,
  };
}

/** 集体合同规定 第三十二条: the day by which a request to negotiate must be answered. */
export const responseDeadline = (requestedOn: string, isNonWorkingDay: NonWorkingDay = NONE) =>
  periodEnd(requestedOn, RESPONSE_DAYS, isNonWorkingDay);

/** 集体合同规定 第四十二条: the day by which the signed text must be filed. */
export const filingDeadline = (signedOn: string, isNonWorkingDay: NonWorkingDay = NONE) =>
  periodEnd(signedOn, FILING_DAYS, isNonWorkingDay);

export type TermCheck = { ok: true; years: number } | { ok: false; years: number; reason: string };

/** 集体合同规定 第三十八条: a term of 1 to 3 years (a term that ends the day before an anniversary counts as whole years). */
export function checkTerm(start: string, end: string): TermCheck {
  const years = Math.round((daysBetween(start, addDays(end, 1)) / 365.25) * 100) / 100;
  if (end < start) return { ok: false, years, reason: '期限终止日早于起始日' };
  if (addDays(end, 1) < addYears(start, TERM_YEARS.min)) return { ok: false, years, reason: '集体合同期限一般为1至3年（集体合同规定 第三十八条），本合同不足1年' };
  if (addDays(end, 1) > addYears(start, TERM_YEARS.max)) return { ok: false, years, reason: '集体合同期限一般为1至3年（集体合同规定 第三十八条），本合同超过3年' };
  return { ok: true, years };
}

/** Days until a contract ends (negative once it has ended). */
export const daysUntil = (today: string, end: string) => daysBetween(today, end);

/** Months before the end of the term from which either party may ask to renew. */
export const RENEWAL_NOTICE_MONTHS = 3;

/**
 * 集体合同规定 第三十八条: within the 3 months before a collective contract ends either party may
 * ask the other to renew it, so the renewal reminder is raised on the first day of that window
 * (the same day number three months earlier, or the month's last day when it has none).
 */
export function renewalWindowOpens(termEnd: string): string {
  const [y, m, d] = termEnd.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - RENEWAL_NOTICE_MONTHS;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export type ContractReminderKind = 'expiring' | 'expired';

/**
 * Which renewal reminder a contract in force (or just ended) needs today: 'expiring' inside the
 * renewal window (集体合同规定 第三十八条), 'expired' once the term has ended; none when a renewal
 * negotiation or successor contract exists already.
 */
export function renewalReminder(termEnd: string | null, today: string, renewed: boolean): ContractReminderKind | null {
  if (!termEnd || renewed) return null;
  if (termEnd < today) return 'expired';
  if (today >= renewalWindowOpens(termEnd)) return 'expiring';
  return null;
}
