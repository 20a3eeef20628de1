import { z } from 'zod';
import { AlertStatus } from '../../../domain/risk/alert-lifecycle';
import { AlertLevel } from '../../../domain/risk/levels';

export const AlertListQuery = z.object({
  uscc: z.string().trim().optional(),
  enterpriseId: z.string().optional(),
  status: z.union([AlertStatus, z.literal('active')]).optional(),
  level: AlertLevel.optional(),
  scope: z.enum(['enterprise', 'regional']).optional(),
  regionId: z.string().regex(/^\d+$/, '区域代码应为数字').optional(),
  overdue: z.enum(['1', '0']).optional(),
});
export type AlertListQuery = z.infer<typeof AlertListQuery>;

export const ASSIGNEE_KINDS = ['coordinator', 'street', 'department'] as const;
export const AssignInput = z
  .object({
    assigneeKind: z.enum(ASSIGNEE_KINDS, { error: '请选择分派对象类型' }),
    userId: z.string().optional(),
    orgUnitId: z.string().optional(),
    note: z.string().trim().max(1000).optional(),
  })
  .refine((v) => (v.assigneeKind === 'coordinator' ? !!v.userId : !!v.orgUnitId), { message: '请选择分派对象', path: ['assignee'] });
export type AssignInput = z.infer<typeof AssignInput>;

export const AssessInput = z.object({ findings: z.string().trim().min(2, '请填写研判意见').max(4000, '研判意见不超过4000字') });
export const HandleInput = z.object({ actions: z.string().trim().min(2, '请填写处置措施').max(4000, '处置措施不超过4000字') });
export const CloseInput = z.object({ result: z.string().trim().min(2, '请填写销号结果').max(4000, '销号结果不超过4000字') });

export const AdviceQuery = z.object({ regulator: z.string().trim().max(60).optional() });
