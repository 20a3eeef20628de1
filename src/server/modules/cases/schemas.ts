import { z } from 'zod';
import { IsoDate } from '../../../domain/calendar/iso-date';
import { CaseSource, ClaimType, CaseStage } from '../../../domain/cases/claim-types';
import { CASE_ACTIONS, CaseStatus } from '../../../domain/cases/state-machine';
import { isMobilePhone } from '../../../domain/identifiers/id-number';

const Money = z.number().min(0, '金额不能为负').max(1e10, '金额过大');

export const ApplicantInput = z.object({
  name: z.string().trim().min(1, '请填写申请人姓名').max(50),
  phone: z.string().trim().refine(isMobilePhone, '请输入正确的11位手机号码').optional(),
  idNumber: z.string().trim().optional(),
  address: z.string().trim().max(200).optional(),
});

export const ClaimInput = z.object({
  type: ClaimType,
  amount: Money.optional(),
  periodFrom: IsoDate.optional(),
  periodTo: IsoDate.optional(),
  description: z.string().trim().max(500).optional(),
});

export const CaseCreate = z.object({
  requestId: z.string().trim().min(8, 'requestId至少8个字符').max(64).optional(),
  respondentUscc: z.string().trim().min(1, '请填写被申请人统一社会信用代码'),
  applicants: z.array(ApplicantInput).min(1, '至少一名申请人').max(500, '申请人不能超过500名'),
  claims: z.array(ClaimInput).min(1, '至少一项请求').max(30),
  facts: z.string().trim().min(1, '请填写事实与理由').max(10000),
  receivedDate: IsoDate,
  organizationId: z.string().min(1).optional(),
  source: CaseSource.optional(),
  start: z.enum(['consultation', 'mediation']).default('mediation'),
  rightKnownOn: IsoDate.optional(),
  employmentEndedOn: IsoDate.optional(),
  collectiveContract: z.boolean().optional(),
});
export type CaseCreate = z.infer<typeof CaseCreate>;

export const CaseUpdate = z.object({
  version: z.number().int().min(1),
  facts: z.string().trim().min(1).max(10000).optional(),
  claims: z.array(ClaimInput).min(1).max(30).optional(),
  rightKnownOn: IsoDate.nullable().optional(),
  employmentEndedOn: IsoDate.nullable().optional(),
});
export type CaseUpdate = z.infer<typeof CaseUpdate>;

export const CaseActionInput = z.object({
  action: z.enum(CASE_ACTIONS),
  version: z.number().int().min(1),
  reason: z.string().trim().max(1000).optional(),
  /** Date of the step (defaults to today, China time). */
  on: IsoDate.optional(),
  /** transfer_org: the receiving organisation. */
  organizationId: z.string().optional(),
  /** extend_mediation: the agreed new end date. */
  until: IsoDate.optional(),
});
export type CaseActionInput = z.infer<typeof CaseActionInput>;

export const CaseListQuery = z.object({
  q: z.string().trim().max(50).optional(),
  status: CaseStatus.optional(),
  stage: CaseStage.optional(),
  organizationId: z.string().optional(),
  claimType: ClaimType.optional(),
  due: z.enum(['overdue', 'due_soon']).optional(),
  collective: z.enum(['1', '0']).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  sort: z.enum(['received', 'due']).default('received'),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;
