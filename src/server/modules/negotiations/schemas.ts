import { z } from 'zod';
import { NegotiationStepKind } from '../../../domain/contracts/negotiation';
import { ContractKind, ContractScope } from '../../../domain/contracts/types';
import { IsoDate } from '../contracts/schemas';

export const NegotiationCreate = z
  .object({
    requestId: z.string().min(8).max(64).optional(),
    scope: ContractScope.default('enterprise'),
    enterpriseId: z.string().min(1).optional(),
    regionId: z.string().regex(/^\d{6,12}$/, '区域编码格式不正确').optional(),
    kind: ContractKind,
    title: z.string().trim().min(2, '请填写协商事项').max(100),
    initiator: z.enum(['union', 'employer']),
    instructorName: z.string().trim().max(30).optional(),
    instructorUserId: z.string().optional(),
    /** 要约 date: the request step is recorded with it. */
    requestedOn: IsoDate,
    requestNote: z.string().max(2000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.scope === 'enterprise' && !v.enterpriseId) ctx.addIssue({ code: 'custom', path: ['enterpriseId'], message: '请选择企业' });
  });
export type NegotiationCreate = z.infer<typeof NegotiationCreate>;

export const NegotiationUpdate = z.object({
  instructorName: z.string().trim().max(30).nullable().optional(),
  instructorUserId: z.string().nullable().optional(),
  title: z.string().trim().min(2).max(100).optional(),
});
export type NegotiationUpdate = z.infer<typeof NegotiationUpdate>;

export const StepCreate = z
  .object({
    kind: NegotiationStepKind,
    onDate: IsoDate,
    title: z.string().trim().max(100).optional(),
    minutes: z.string().max(20000, '纪要不能超过20000字').optional(),
    participants: z.string().max(500).optional(),
    votesFor: z.number().int().min(0).optional(),
    delegates: z.number().int().min(1).optional(),
    present: z.number().int().min(0).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'congress_vote' && (v.votesFor === undefined || v.delegates === undefined))
      ctx.addIssue({ code: 'custom', path: ['votesFor'], message: '请填写职工代表总数和赞成票数' });
    if (v.votesFor !== undefined && v.delegates !== undefined && v.votesFor > v.delegates)
      ctx.addIssue({ code: 'custom', path: ['votesFor'], message: '赞成票数不能超过职工代表总数' });
    if (v.kind === 'meeting' && !v.minutes) ctx.addIssue({ code: 'custom', path: ['minutes'], message: '协商会议须填写会议纪要' });
  });
export type StepCreate = z.infer<typeof StepCreate>;

export const NegotiationListQuery = z.object({ status: z.string().optional(), enterpriseId: z.string().optional() });
export type NegotiationListQuery = z.infer<typeof NegotiationListQuery>;
