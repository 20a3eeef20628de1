import { z } from 'zod';
import { type Calendar, calendarCovers } from '../calendar/holidays';
import { IsoDate, addDays, daysBetween, maxDate, minDate, yearOf } from '../calendar/iso-date';
import { addWorkingDays, endOfPeriod, endOfPeriodInMonths } from '../calendar/periods';
import { ClaimType } from './claim-types';

/**
 * Statutory deadlines of a dispute case. Counting rules (see docs in the report and periods.ts):
 * - the day of the event is not counted (民法典 第二百零一条; 民事诉讼法 第八十五条, which
 *   劳动人事争议仲裁办案规则 第十九条 applies to arbitration periods);
 * - periods in calendar days whose last day is a rest day end on the next working day (民法典 第二百零三条);
 * - the arbitration rules' 三日/五日/十日 are working days, 十五日/四十五日 calendar days (办案规则 第八十条);
 *   a period in working days always ends on a working day and needs no roll-over.
 */
export const DEADLINE_KINDS = [
  'negotiationResponseDue',
  'negotiationDue',
  'mediationAcceptanceDue',
  'mediationDue',
  'mediationExtendedDue',
  'arbitralReviewApplicationDue',
  'arbitralReviewDue',
  'arbitralReviewExtendedDue',
  'arbitrationAcceptanceDue',
  'arbitrationAwardDue',
  'arbitrationAwardExtendedDue',
  'limitationDue',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface DeadlineRule {
  label: string;
  /** The article, cited to users next to the date. */
  basis: string;
  unit: 'calendar_days' | 'working_days' | 'months' | 'agreed';
  length?: number;
  rollOverRestDays: boolean;
}

export const DEADLINE_RULES = {
  negotiationResponseDue: {
    label: '协商要求答复期限',
    basis: '企业劳动争议协商调解规定 第十条：一方当事人提出协商要求后，另一方当事人……5日内不做出回应的，视为不愿协商。',
    unit: 'calendar_days',
    length: 5,
    rollOverRestDays: true,
  },
  negotiationDue: {
    label: '协商期限（双方书面约定）',
    basis: '企业劳动争议协商调解规定 第十条：协商的期限由当事人书面约定，在约定的期限内没有达成一致的，视为协商不成。',
    unit: 'agreed',
    rollOverRestDays: false,
  },
  mediationAcceptanceDue: {
    label: '企业调解委员会受理期限',
    basis: '企业劳动争议协商调解规定 第二十二条：调解委员会接到调解申请后……应当在3个工作日内受理。',
    unit: 'working_days',
    length: 3,
    rollOverRestDays: false,
  },
  mediationDue: {
    label: '调解期限',
    basis: '劳动争议调解仲裁法 第十四条第三款：自劳动争议调解组织收到调解申请之日起十五日内未达成调解协议的，当事人可以依法申请仲裁。',
    unit: 'calendar_days',
    length: 15,
    rollOverRestDays: true,
  },
  mediationExtendedDue: {
    label: '调解延长期限（双方同意）',
    basis:
      '企业劳动争议协商调解规定 第二十九条：调解委员会调解劳动争议，应当自受理调解申请之日起15日内结束。但是，双方当事人同意延期的可以延长。',
    unit: 'agreed',
    rollOverRestDays: false,
  },
  arbitralReviewApplicationDue: {
    label: '申请仲裁审查期限',
    basis: '劳动人事争议仲裁办案规则 第七十四条：双方当事人可以自调解协议生效之日起十五日内，共同向有管辖权的仲裁委员会提出仲裁审查申请。',
    unit: 'calendar_days',
    length: 15,
    rollOverRestDays: true,
  },
  arbitralReviewDue: {
    label: '仲裁审查期限',
    basis:
      '劳动人事争议仲裁办案规则 第七十六条：仲裁委员会审查调解协议，应当自受理仲裁审查申请之日起五日内结束。（第八十条：“五日”指工作日）',
    unit: 'working_days',
    length: 5,
    rollOverRestDays: false,
  },
  arbitralReviewExtendedDue: {
    label: '仲裁审查延长期限',
    basis: '劳动人事争议仲裁办案规则 第七十六条：因特殊情况需要延期的，经仲裁委员会主任或者其委托的仲裁院负责人批准，可以延长五日。',
    unit: 'working_days',
    length: 10,
    rollOverRestDays: false,
  },
  arbitrationAcceptanceDue: {
    label: '仲裁受理审查期限',
    basis:
      '劳动争议调解仲裁法 第二十九条；劳动人事争议仲裁办案规则 第三十条：在收到仲裁申请之日起五日内向申请人出具受理通知书。（第八十条：“五日”指工作日；第四十六条第二项：需要补正材料的，收到仲裁申请的时间从材料补正之日起重新计算）',
    unit: 'working_days',
    length: 5,
    rollOverRestDays: false,
  },
  arbitrationAwardDue: {
    label: '仲裁审理期限',
    basis:
      '劳动争议调解仲裁法 第四十三条：仲裁庭裁决劳动争议案件，应当自劳动争议仲裁委员会受理仲裁申请之日起四十五日内结束。（办案规则 第四十五条、第四十六条、第八十条）',
    unit: 'calendar_days',
    length: 45,
    rollOverRestDays: true,
  },
  arbitrationAwardExtendedDue: {
    label: '仲裁审理延长期限',
    basis:
      '劳动争议调解仲裁法 第四十三条：案情复杂需要延期的，经劳动争议仲裁委员会主任批准，可以延期并书面通知当事人，但是延长期限不得超过十五日。',
    unit: 'calendar_days',
    length: 60,
    rollOverRestDays: true,
  },
  limitationDue: {
    label: '仲裁时效届满日',
    basis: '劳动争议调解仲裁法 第二十七条：劳动争议申请仲裁的时效期间为一年。仲裁时效期间从当事人知道或者应当知道其权利被侵害之日起计算。',
    unit: 'months',
    length: 12,
    rollOverRestDays: true,
  },
} as const satisfies Record<DeadlineKind, DeadlineRule>;

const ClaimFacts = z.object({
  type: ClaimType,
  /** When the claimant knew or should have known of the infringement; defaults to the case's `rightKnownOn`. */
  rightKnownOn: IsoDate.optional(),
});

/** What the deadlines depend on; every field is optional, a deadline is computed when its inputs are present. */
export const CaseFacts = z.object({
  claims: z.array(ClaimFacts).default([]),
  /** 劳动争议调解仲裁法 第二十七条第一款 */
  rightKnownOn: IsoDate.optional(),
  /** End of the employment (第二十七条第四款); absent while it lasts. */
  employmentEndedOn: IsoDate.optional(),
  /** Other interruptions (第二十七条第二款): complaints, demands, the other side agreeing to pay… */
  limitationInterruptions: z.array(IsoDate).default([]),
  /** Days the limitation was suspended (第二十七条第三款). */
  limitationSuspendedDays: z.number().int().min(0).default(0),

  negotiationRequestedOn: IsoDate.optional(),
  negotiationAgreedUntil: IsoDate.optional(),

  mediationReceivedOn: IsoDate.optional(),
  /** The organisation is an enterprise mediation committee (企业劳动争议调解委员会). */
  enterpriseCommittee: z.boolean().default(false),
  mediationExtendedUntil: IsoDate.optional(),
  mediationAgreementEffectiveOn: IsoDate.optional(),
  arbitralReviewAcceptedOn: IsoDate.optional(),

  arbitrationReceivedOn: IsoDate.optional(),
  /** 办案规则 第四十六条第二项 */
  arbitrationMaterialsCompletedOn: IsoDate.optional(),
  arbitrationAcceptedOn: IsoDate.optional(),
  /** Latest restart of the arbitration period: party added, claims changed, counterclaim joined, case transferred
   * (办案规则 第四十六条第一、三、四、五项). */
  arbitrationRestartedOn: IsoDate.optional(),
  /** Days of suspension and service by public notice (第四十六条第六项). */
  arbitrationPausedDays: z.number().int().min(0).default(0),
});
export type CaseFacts = z.infer<typeof CaseFacts>;
export type CaseFactsInput = z.input<typeof CaseFacts>;

/** Claims for labour remuneration: overtime pay is remuneration too (人社部、最高人民法院 劳动人事争议典型案例（第二批）案例一). */
const REMUNERATION_CLAIMS: ReadonlySet<ClaimType> = new Set(['wage_arrears', 'overtime']);

export type LimitationRule = 'general' | 'remuneration_during_employment' | 'remuneration_after_employment';

export interface ClaimLimitation {
  type: ClaimType;
  due?: string;
  rule: LimitationRule;
  note: string;
}

export type Deadlines = Partial<Record<DeadlineKind, string>> & {
  limitationByClaim: ClaimLimitation[];
  /** User-facing warnings (e.g. a deadline in a year whose holiday arrangement is not in the table). */
  warnings: string[];
};

/**
 * The arbitration limitation of one claim (劳动争议调解仲裁法 第二十七条).
 * An interruption restarts the year only if it happens before the year has run out (办案规则 第二十七条: 在申请仲裁的
 * 时效期间内); applying for negotiation or mediation is one (办案规则 第二十七条第一项).
 */
export function claimLimitation(calendar: Calendar, facts: CaseFacts, claim: z.input<typeof ClaimFacts>): ClaimLimitation {
  const remuneration = REMUNERATION_CLAIMS.has(claim.type);
  if (remuneration && !facts.employmentEndedOn) {
    return {
      type: claim.type,
      rule: 'remuneration_during_employment',
      note: '劳动关系存续期间因拖欠劳动报酬发生争议的，申请仲裁不受一年仲裁时效期间的限制（劳动争议调解仲裁法 第二十七条第四款）。',
    };
  }
  const known = claim.rightKnownOn ?? facts.rightKnownOn;
  // Remuneration first known to be owed after the employment ended (e.g. the last wage) runs from that day.
  const start = remuneration ? maxDate(facts.employmentEndedOn, known) : known;
  const rule: LimitationRule = remuneration ? 'remuneration_after_employment' : 'general';
  const note = remuneration
    ? '劳动关系终止的，应当自劳动关系终止之日起一年内提出（劳动争议调解仲裁法 第二十七条第四款）。'
    : '仲裁时效期间为一年，从知道或者应当知道其权利被侵害之日起计算（劳动争议调解仲裁法 第二十七条第一款）。';
  if (!start) return { type: claim.type, rule, note: `${note}尚未登记起算日期。` };

  const yearFrom = (from: string) => {
    const plain = addDays(endOfPeriodInMonths(calendar, from, 12, { rollOverRestDays: false }), facts.limitationSuspendedDays);
    return endOfPeriod(calendar, plain, 0, { rollOverRestDays: true });
  };
  let due = yearFrom(start);
  const interruptions = [facts.negotiationRequestedOn, facts.mediationReceivedOn, ...facts.limitationInterruptions]
    .filter((d): d is string => d !== undefined && d > start)
    .sort();
  for (const d of interruptions) if (d <= due) due = yearFrom(d);
  return { type: claim.type, due, rule, note };
}

/** All deadlines the facts allow to compute, as `YYYY-MM-DD`. */
export function computeDeadlines(calendar: Calendar, input: CaseFactsInput): Deadlines {
  const facts = CaseFacts.parse(input);
  const out: Deadlines = { limitationByClaim: [], warnings: [] };
  const calendarDays = (from: string, days: number) => endOfPeriod(calendar, from, days, { rollOverRestDays: true });

  if (facts.negotiationRequestedOn) out.negotiationResponseDue = calendarDays(facts.negotiationRequestedOn, 5);
  if (facts.negotiationAgreedUntil) out.negotiationDue = facts.negotiationAgreedUntil;

  if (facts.mediationReceivedOn) {
    if (facts.enterpriseCommittee) out.mediationAcceptanceDue = addWorkingDays(calendar, facts.mediationReceivedOn, 3);
    // The statute counts from receipt for every organisation; an enterprise committee's own 15 days run from its
    // acceptance (企业劳动争议协商调解规定 第二十九条), at most 3 working days later. The party's right to arbitration
    // (第十四条) is what the platform tracks, so receipt is the start for all.
    out.mediationDue = calendarDays(facts.mediationReceivedOn, 15);
    if (facts.mediationExtendedUntil && facts.mediationExtendedUntil > out.mediationDue) {
      out.mediationExtendedDue = facts.mediationExtendedUntil;
    }
  }
  if (facts.mediationAgreementEffectiveOn) {
    out.arbitralReviewApplicationDue = calendarDays(facts.mediationAgreementEffectiveOn, 15);
  }
  if (facts.arbitralReviewAcceptedOn) {
    out.arbitralReviewDue = addWorkingDays(calendar, facts.arbitralReviewAcceptedOn, 5);
    out.arbitralReviewExtendedDue = addWorkingDays(calendar, facts.arbitralReviewAcceptedOn, 10);
  }

  const received = maxDate(facts.arbitrationReceivedOn, facts.arbitrationMaterialsCompletedOn);
  if (facts.arbitrationReceivedOn && received) {
    out.arbitrationAcceptanceDue = addWorkingDays(calendar, received, 5);
  }
  const clockStart = maxDate(facts.arbitrationAcceptedOn, facts.arbitrationRestartedOn);
  if (facts.arbitrationAcceptedOn && clockStart) {
    // The extension runs on from the 45th day, not from a rolled-over last day: 45 + 15 = 60 days in all.
    out.arbitrationAwardDue = calendarDays(clockStart, 45 + facts.arbitrationPausedDays);
    out.arbitrationAwardExtendedDue = calendarDays(clockStart, 60 + facts.arbitrationPausedDays);
  }

  // Without itemised claims, a known infringement date still gives the general one-year limitation.
  const claims = facts.claims.length > 0 ? facts.claims : facts.rightKnownOn ? [{ type: 'other' as const }] : [];
  out.limitationByClaim = claims.map((c) => claimLimitation(calendar, facts, c));
  out.limitationDue = minDate(...out.limitationByClaim.map((l) => l.due));

  const dates = [...DEADLINE_KINDS.map((k) => out[k]), ...out.limitationByClaim.map((l) => l.due)].filter(
    (d): d is string => d !== undefined,
  );
  const unknownYears = [...new Set(dates.filter((d) => !calendarCovers(calendar, d)).map(yearOf))].sort();
  for (const y of unknownYears) {
    out.warnings.push(`${y}年的节假日安排尚未录入，落在该年的期限只按周末推算，可能需要顺延。`);
  }
  return out;
}

export const DEADLINE_STATUSES = ['ok', 'due_soon', 'overdue'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

export const DEADLINE_STATUS_LABELS = {
  ok: '正常',
  due_soon: '即将到期',
  overdue: '已逾期',
} as const satisfies Record<DeadlineStatus, string>;

/** A deadline is met through its last day; `due_soon` within `dueSoonDays` calendar days of it. */
export function deadlineStatus(due: string, today: string, dueSoonDays = 3): DeadlineStatus {
  const left = daysBetween(today, due);
  if (left < 0) return 'overdue';
  return left <= dueSoonDays ? 'due_soon' : 'ok';
}
