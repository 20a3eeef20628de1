/**
 * The time limit for applying for labor arbitration.
 */
import { z } from 'zod';
import { addYears } from '../calendar/iso-date';
import { ClaimType, CLAIM_TYPE_LABELS } from '../cases/claim-types';
import { basis, dateField, type LegalBasis } from './common';

/**
 * Claims for labor remuneration (劳动报酬) get the special rule of 第二十七条第四款. Overtime
 * pay is remuneration (人社部、最高法 2021 典型案例一). Double wages and unused-leave pay are
 * treated by most courts as not remuneration, so the general rule applies to them.
 */
export const REMUNERATION_CLAIMS: ReadonlySet<ClaimType> = new Set<ClaimType>(['wage_arrears', 'overtime']);

export const ArbitrationLimitationInput = z
  .object({
    /** The day the party knew or should have known of the infringement. */
    knownDate: dateField('知道或者应当知道权利被侵害之日'),
    claimType: ClaimType,
    employmentEnded: z.boolean().optional(),
    employmentEndDate: dateField('劳动关系终止日期').optional(),
  })
  .refine((v) => !(v.employmentEnded === true && !v.employmentEndDate), {
    message: '劳动关系已终止的，请填写劳动关系终止日期',
    path: ['employmentEndDate'],
  })
  .refine((v) => !(v.employmentEnded === false && v.employmentEndDate), {
    message: '填写了劳动关系终止日期，但选择了劳动关系未终止，请核对',
    path: ['employmentEnded'],
  });
export type ArbitrationLimitationInput = z.input<typeof ArbitrationLimitationInput>;

export interface ArbitrationLimitationResult {
  /** Last day to apply, YYYY-MM-DD; null while an employment with unpaid remuneration lasts. */
  deadline: string | null;
  rule: 'general' | 'remuneration_during_employment' | 'remuneration_after_employment';
  explanation: string;
  basis: LegalBasis[];
  notes: string[];
}

/**
 * 劳动争议调解仲裁法 第二十七条: one year from the day the party knew or should have known of
 * the infringement; for remuneration owed during the employment the limit does not run while
 * the employment lasts, and ends one year after it ends.
 *
 * Plain calendar arithmetic: the period starts the day after the event and ends on the same
 * date a year later (民法典 第二百零一条、第二百零二条; 29 February maps to 28 February). It
 * does not move a deadline falling on a rest day — the calendar module does that with the
 * holiday table — nor apply interruption or suspension (第二十七条第二、三款), which need facts
 * this input lacks.
 */
export function calculateArbitrationLimitation(input: ArbitrationLimitationInput): ArbitrationLimitationResult {
  const v = ArbitrationLimitationInput.parse(input);
  const ended = v.employmentEnded ?? v.employmentEndDate !== undefined;
  const refs = [
    basis('labor-dispute-mediation-arbitration-law', 27, '仲裁时效期间为一年，从知道或者应当知道其权利被侵害之日起计算；劳动关系存续期间因拖欠劳动报酬发生争议的不受此限，但劳动关系终止的，应当自终止之日起一年内提出。'),
  ];
  const notes = [
    '期限按日历年计算，未顺延节假日；期限最后一日为法定休假日的，以休假日结束的次日为最后一日。',
    '向对方主张权利、向有关部门请求救济或对方同意履行的，时效中断并重新计算；因不可抗力等正当理由不能申请的，时效中止（第二十七条第二、三款）。本计算未考虑中断、中止。',
  ];
  const label = CLAIM_TYPE_LABELS[v.claimType];
  if (REMUNERATION_CLAIMS.has(v.claimType)) {
    if (!ended) {
      return {
        deadline: null,
        rule: 'remuneration_during_employment',
        explanation: `劳动关系存续期间因拖欠劳动报酬（${label}）发生争议的，申请仲裁不受一年时效期间的限制；劳动关系终止后，应当自终止之日起一年内提出。`,
        basis: refs,
        notes,
      };
    }
    const end = v.employmentEndDate as string;
    // Arrears first known after the employment ended fall back to the general rule.
    const from = v.knownDate > end ? v.knownDate : end;
    return {
      deadline: addYears(from, 1),
      rule: 'remuneration_after_employment',
      explanation: `拖欠劳动报酬（${label}）的争议，劳动关系已于${end}终止，应当自${from === end ? '终止之日' : '知道或者应当知道权利被侵害之日'}起一年内申请仲裁。`,
      basis: refs,
      notes,
    };
  }
  if (v.claimType === 'double_wage' || v.claimType === 'annual_leave') {
    notes.push(`${label}是否属于“劳动报酬”各地裁判口径不一；本计算按一般时效（知道或者应当知道之日起一年）从严计算。`);
  }
  return {
    deadline: addYears(v.knownDate, 1),
    rule: 'general',
    explanation: `${label}争议的仲裁时效为一年，自${v.knownDate}（知道或者应当知道权利被侵害之日）起计算。`,
    basis: refs,
    notes,
  };
}
