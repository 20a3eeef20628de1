import { z } from 'zod';
import { ContractKind, ContractScope, ContractStatus } from '../../../domain/contracts/types';
import { isIsoDate } from '../../../domain/contracts/dates';
import { IndustryCode } from '../../../domain/enterprise/industries';

export const IsoDate = z.string().refine(isIsoDate, '日期格式应为YYYY-MM-DD');

export const ContractCreate = z
  .object({
    requestId: z.string().min(8).max(64).optional(),
    scope: ContractScope.default('enterprise'),
    enterpriseId: z.string().min(1).optional(),
    /** Regional/industry contracts: the region covered (defaults to the user's region). */
    regionId: z.string().regex(/^\d{6,12}$/, '区域编码格式不正确').optional(),
    industryCode: IndustryCode.optional(),
    /** Regional/industry contracts: the enterprises bound; defaults to every enterprise of the region (and industry). */
    enterpriseIds: z.array(z.string().min(1)).max(5000).optional(),
    kind: ContractKind,
    title: z.string().trim().min(2, '请填写合同名称').max(100, '合同名称不能超过100字'),
    employerRepresentative: z.string().trim().max(50).optional(),
    workerRepresentative: z.string().trim().max(50).optional(),
    negotiatedOn: IsoDate.optional(),
    signedOn: IsoDate.optional(),
    congressOn: IsoDate.optional(),
    congressVotesFor: z.number().int().min(0).optional(),
    congressDelegates: z.number().int().min(1).optional(),
    termStart: IsoDate.optional(),
    termEnd: IsoDate.optional(),
    coveredEmployees: z.number().int().min(0).max(10_000_000).optional(),
    previousContractId: z.string().optional(),
    negotiationId: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.scope === 'enterprise' && !v.enterpriseId) ctx.addIssue({ code: 'custom', path: ['enterpriseId'], message: '企业集体合同须选择企业' });
    if (v.scope === 'industry' && !v.industryCode) ctx.addIssue({ code: 'custom', path: ['industryCode'], message: '行业性集体合同须选择行业' });
    if (v.termStart && v.termEnd && v.termEnd < v.termStart) ctx.addIssue({ code: 'custom', path: ['termEnd'], message: '期限终止日不能早于起始日' });
    if (v.congressVotesFor !== undefined && v.congressDelegates !== undefined && v.congressVotesFor > v.congressDelegates)
      ctx.addIssue({ code: 'custom', path: ['congressVotesFor'], message: '赞成票数不能超过职工代表总数' });
  });
export type ContractCreate = z.infer<typeof ContractCreate>;

export const ContractUpdate = z.object({
  title: z.string().trim().min(2).max(100).optional(),
  employerRepresentative: z.string().trim().max(50).nullable().optional(),
  workerRepresentative: z.string().trim().max(50).nullable().optional(),
  negotiatedOn: IsoDate.nullable().optional(),
  signedOn: IsoDate.nullable().optional(),
  congressOn: IsoDate.nullable().optional(),
  congressVotesFor: z.number().int().min(0).nullable().optional(),
  congressDelegates: z.number().int().min(1).nullable().optional(),
  termStart: IsoDate.nullable().optional(),
  termEnd: IsoDate.nullable().optional(),
  coveredEmployees: z.number().int().min(0).nullable().optional(),
  version: z.number().int().min(1).optional(),
});
export type ContractUpdate = z.infer<typeof ContractUpdate>;

export const ContractListQuery = z.object({
  q: z.string().trim().max(50).optional(),
  status: ContractStatus.optional(),
  kind: ContractKind.optional(),
  scope: ContractScope.optional(),
  enterpriseId: z.string().optional(),
  regionId: z.string().optional(),
});
export type ContractListQuery = z.infer<typeof ContractListQuery>;

export const ContractSubmit = z.object({
  /** Paper filings registered by the department: the day the text was received (defaults to today). */
  receivedOn: IsoDate.optional(),
  side: z.enum(['enterprise', 'union']).optional(),
});
export type ContractSubmit = z.infer<typeof ContractSubmit>;

export const ContractReview = z.object({
  decision: z.enum(['approve', 'object']),
  opinion: z.string().trim().max(2000, '审查意见不能超过2000字').optional(),
});
export type ContractReview = z.infer<typeof ContractReview>;

export const ExpiringQuery = z.object({ days: z.coerce.number().int().min(1).max(730).default(90) });
export const CoverageQuery = z.object({ by: z.enum(['street', 'park', 'industry']).default('street'), regionId: z.string().optional() });
export type CoverageQuery = z.infer<typeof CoverageQuery>;

export const MinimumWageSet = z.object({
  regionId: z.string().regex(/^\d{6,12}$/, '区域编码格式不正确'),
  monthly: z.number().min(100, '月最低工资标准不能低于100元').max(20000),
  hourly: z.number().min(1).max(500),
  effectiveFrom: IsoDate,
  note: z.string().max(200).optional(),
});
export type MinimumWageSet = z.infer<typeof MinimumWageSet>;
