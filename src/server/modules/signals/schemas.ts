import { z } from 'zod';
import { SignalKind } from '../../../domain/risk/signals';

const when = z
  .string({ error: '请填写发生时间' })
  .trim()
  .refine((v) => /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) && !Number.isNaN(new Date(v.length === 10 ? `${v}T00:00:00+08:00` : v).getTime()), '发生时间格式应为 YYYY-MM-DD 或 ISO 8601 时间');

/** One pushed signal; rows are validated one by one so a bad row never rejects the batch. */
export const SignalInput = z.object({
  source: z.string({ error: '请填写数据来源 source' }).trim().min(1, '请填写数据来源 source').max(50, '数据来源不超过50字'),
  externalId: z.string({ error: '请填写来源编号 externalId' }).trim().min(1, '请填写来源编号 externalId').max(100, '来源编号不超过100字'),
  kind: SignalKind,
  uscc: z.string({ error: '请填写统一社会信用代码 uscc' }).trim().min(1, '请填写统一社会信用代码 uscc'),
  occurredAt: when,
  workersAffected: z.number({ error: '涉及人数应为数字' }).int('涉及人数应为整数').min(0, '涉及人数不能为负数').max(1_000_000, '涉及人数过大').nullish(),
  amount: z.number({ error: '涉及金额应为数字' }).min(0, '涉及金额不能为负数').max(1e12, '涉及金额过大').nullish(),
  details: z.union([z.string().max(2000, '说明不超过2000字'), z.record(z.string(), z.unknown())]).nullish(),
});
export type SignalInput = z.infer<typeof SignalInput>;

export const SignalBatch = z.object({
  signals: z.array(z.unknown()).min(1, '至少包含一条信号').max(10000, '每批最多10000条信号'),
});
export const IngestResult = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.array(z.object({ index: z.number().int(), reason: z.string() })),
});

export const HeadcountInput = z.object({
  uscc: z.string({ error: '请填写统一社会信用代码 uscc' }).trim().min(1, '请填写统一社会信用代码 uscc'),
  month: z.string({ error: '请填写月份 month' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'),
  insuredCount: z.number({ error: '参保人数应为数字' }).int('参保人数应为整数').min(0, '参保人数不能为负数').max(10_000_000, '参保人数过大'),
});
export const HeadcountBatch = z.object({
  records: z.array(z.unknown()).min(1, '至少包含一条记录').max(20000, '每批最多20000条记录'),
});
export const HeadcountResult = IngestResult.extend({ updated: z.number().int() });

export const ManualSignal = z.object({
  /** The enterprise, by id or by unified social credit code. */
  enterpriseId: z.string().min(1, '请选择企业').optional(),
  uscc: z.string().trim().min(1, '请填写统一社会信用代码').optional(),
  kind: SignalKind,
  occurredAt: when,
  workersAffected: z.number().int().min(0).max(1_000_000).nullish(),
  amount: z.number().min(0).max(1e12).nullish(),
  description: z.string().trim().min(1, '请填写情况说明').max(2000, '情况说明不超过2000字'),
  /** A client-generated id so a retried submission is stored once. */
  requestId: z.string().trim().min(8).max(64).optional(),
}).refine((v) => v.enterpriseId || v.uscc, { message: '请选择企业或填写统一社会信用代码', path: ['uscc'] });
export type ManualSignal = z.infer<typeof ManualSignal>;

export const SignalListQuery = z.object({
  uscc: z.string().trim().optional(),
  enterpriseId: z.string().optional(),
  kind: SignalKind.optional(),
  channel: z.enum(['api', 'manual', 'import', 'case']).optional(),
});
export type SignalListQuery = z.infer<typeof SignalListQuery>;

/** zod issues of one row as one Chinese sentence: "kind：信号类型不正确；uscc：…". */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}：${i.message}` : i.message)).join('；');
}
