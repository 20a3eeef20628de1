/**
 * The public mediation/arbitration deadline calculator: the case module's deadline rules
 * (domain/cases/deadlines.ts) applied to the dates a party knows.
 */
import { z } from 'zod';
import type { Calendar } from '../calendar/holidays';
import { CLAIM_TYPE_LABELS, ClaimType } from '../cases/claim-types';
import { DEADLINE_KINDS, DEADLINE_RULES, computeDeadlines, type DeadlineKind } from '../cases/deadlines';
import { dateField } from './common';

export const DeadlineCalcInput = z
  .object({
    /** 知道或者应当知道权利被侵害之日 (仲裁时效起算). */
    rightKnownOn: dateField('知道或者应当知道权利被侵害之日').optional(),
    employmentEndedOn: dateField('劳动关系终止日期').optional(),
    claimType: ClaimType.optional(),
    negotiationRequestedOn: dateField('提出协商要求日期').optional(),
    mediationReceivedOn: dateField('调解组织收到调解申请日期').optional(),
    enterpriseCommittee: z.boolean({ error: '请选择是否为企业劳动争议调解委员会' }).default(false),
    mediationAgreementEffectiveOn: dateField('调解协议生效日期').optional(),
    arbitralReviewAcceptedOn: dateField('仲裁审查受理日期').optional(),
    arbitrationReceivedOn: dateField('仲裁委员会收到仲裁申请日期').optional(),
    arbitrationAcceptedOn: dateField('仲裁委员会受理日期').optional(),
  })
  .refine(
    (v) =>
      [v.rightKnownOn, v.negotiationRequestedOn, v.mediationReceivedOn, v.mediationAgreementEffectiveOn, v.arbitralReviewAcceptedOn, v.arbitrationReceivedOn, v.arbitrationAcceptedOn].some(
        (d) => d !== undefined,
      ),
    { message: '请至少填写一个日期', path: ['rightKnownOn'] },
  )
  .refine((v) => !(v.arbitrationAcceptedOn && v.arbitrationReceivedOn && v.arbitrationAcceptedOn < v.arbitrationReceivedOn), {
    message: '受理日期不能早于收到仲裁申请日期',
    path: ['arbitrationAcceptedOn'],
  });
export type DeadlineCalcInput = z.input<typeof DeadlineCalcInput>;

export interface DeadlineCalcResult {
  deadlines: { kind: DeadlineKind; label: string; due: string; basis: string }[];
  limitation?: { claimType: string; due?: string; note: string };
  warnings: string[];
  notes: string[];
}

/** 劳动争议调解仲裁法 第十四条、第二十七条、第二十九条、第四十三条; 企业劳动争议协商调解规定; 仲裁办案规则 (see DEADLINE_RULES). */
export function calculateDeadlines(calendar: Calendar, input: DeadlineCalcInput): DeadlineCalcResult {
  const v = DeadlineCalcInput.parse(input);
  const out = computeDeadlines(calendar, {
    rightKnownOn: v.rightKnownOn,
    employmentEndedOn: v.employmentEndedOn,
    claims: v.rightKnownOn || v.employmentEndedOn ? [{ type: v.claimType ?? 'other' }] : [],
    negotiationRequestedOn: v.negotiationRequestedOn,
    mediationReceivedOn: v.mediationReceivedOn,
    enterpriseCommittee: v.enterpriseCommittee,
    mediationAgreementEffectiveOn: v.mediationAgreementEffectiveOn,
    arbitralReviewAcceptedOn: v.arbitralReviewAcceptedOn,
    arbitrationReceivedOn: v.arbitrationReceivedOn,
    arbitrationAcceptedOn: v.arbitrationAcceptedOn,
  });
  const deadlines: DeadlineCalcResult['deadlines'] = DEADLINE_KINDS.flatMap((kind) => {
    const due = out[kind];
    if (!due || kind === 'limitationDue') return [];
    return [{ kind, label: DEADLINE_RULES[kind].label, due, basis: DEADLINE_RULES[kind].basis }];
  });
  const lim = out.limitationByClaim[0];
  if (lim?.due) deadlines.push({ kind: 'limitationDue', label: DEADLINE_RULES.limitationDue.label, due: lim.due, basis: DEADLINE_RULES.limitationDue.basis });
  deadlines.sort((a, b) => a.due.localeCompare(b.due));
  return {
    deadlines,
    limitation: lim ? { claimType: CLAIM_TYPE_LABELS[lim.type], due: lim.due, note: lim.note } : undefined,
    warnings: out.warnings,
    notes: [
      '期间开始的当日不计入；以日计算的期间最后一日是法定休假日的，以休假日结束的次日为期间的最后一日；仲裁规则中的“三日、五日、十日”指工作日。',
      '本计算器按平台内的节假日安排表推算，不考虑中止、中断等需要具体事实判断的情形，结果仅供参考。',
    ],
  };
}
