import { z } from 'zod';
import { UnionStage } from '../../../domain/contracts/union-building';
import { IsoDate } from '../contracts/schemas';

export const PipelineQuery = z.object({
  regionId: z.string().optional(),
  stage: UnionStage.optional(),
  newOnly: z.enum(['1', '0', 'true', 'false']).optional(),
  q: z.string().trim().max(50).optional(),
});
export type PipelineQuery = z.infer<typeof PipelineQuery>;

export const PipelineUpdate = z
  .object({
    stage: UnionStage,
    preparingOn: IsoDate.optional(),
    establishedOn: IsoDate.optional(),
    responsible: z.string().trim().max(50).optional(),
    notes: z.string().max(2000).optional(),
    unionChair: z.string().trim().max(30).optional(),
    unionMembers: z.number().int().min(1).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.stage === 'established' && !v.establishedOn) ctx.addIssue({ code: 'custom', path: ['establishedOn'], message: '请填写建会日期' });
  });
export type PipelineUpdate = z.infer<typeof PipelineUpdate>;

export const SummaryQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), by: z.enum(['street', 'park']).default('street') });
export type SummaryQuery = z.infer<typeof SummaryQuery>;

export const TargetsSet = z.object({
  year: z.number().int().min(2000).max(2100),
  items: z.array(z.object({ regionId: z.string().regex(/^\d{6,12}$/), target: z.number().int().min(0).max(100000) })).min(1).max(200),
});
export type TargetsSet = z.infer<typeof TargetsSet>;

export const IndicatorCreate = z.object({
  code: z.string().trim().regex(/^[A-Za-z0-9_-]{1,20}$/, '指标代码为1至20位字母、数字、_或-'),
  name: z.string().trim().min(2, '请填写指标名称').max(50),
  maxScore: z.number().positive().max(1000),
  weight: z.number().positive().max(1000),
  sort: z.number().int().min(0).max(999).optional(),
});
export type IndicatorCreate = z.infer<typeof IndicatorCreate>;
export const IndicatorUpdate = IndicatorCreate.partial().extend({ active: z.boolean().optional() });
export type IndicatorUpdate = z.infer<typeof IndicatorUpdate>;

export const ScoresQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100), q: z.string().trim().max(50).optional() });
export type ScoresQuery = z.infer<typeof ScoresQuery>;

export const ScoresSet = z.object({
  enterpriseId: z.string().min(1),
  year: z.number().int().min(2000).max(2100),
  scores: z.array(z.object({ indicatorId: z.string().min(1), score: z.number().min(0) })).min(1).max(100),
});
export type ScoresSet = z.infer<typeof ScoresSet>;
