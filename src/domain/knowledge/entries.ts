/**
 * Q&A entries (百问百答) and typical cases as officials edit them: shared by the API and the
 * editor page. Only reviewed entries answer the public.
 */
import { z } from 'zod';

export const REVIEW_STATUSES = ['draft', 'reviewed'] as const;
export const ReviewStatus = z.enum(REVIEW_STATUSES, { error: '审核状态只能是草稿或已审核' });
export type ReviewStatus = z.infer<typeof ReviewStatus>;
export const REVIEW_STATUS_LABELS = { draft: '草稿', reviewed: '已审核' } as const satisfies Record<ReviewStatus, string>;

export const CitationInput = z.object({
  lawId: z.string({ error: '请选择法规' }).trim().min(1, '请选择法规'),
  articleNo: z.number({ error: '请填写条号' }).int('条号应为整数').min(1, '条号应为正整数').max(2000, '条号超出范围'),
});
export type CitationInput = z.infer<typeof CitationInput>;

const Tags = z.array(z.string().trim().min(1, '标签不能为空').max(20, '标签不超过20字')).max(12, '标签不超过12个');

const QaFields = z.object({
  question: z.string({ error: '请填写问题' }).trim().min(4, '问题至少4个字').max(300, '问题不超过300字'),
  answer: z.string({ error: '请填写解答' }).trim().min(10, '解答至少10个字').max(5000, '解答不超过5000字'),
  citations: z.array(CitationInput).min(1, '至少引用一条法律条文').max(20, '引用条文不超过20条'),
  tags: Tags,
  topic: z.string().trim().max(50, '主题不超过50字').optional(),
  status: ReviewStatus,
});

export const QaCreate = QaFields.extend({ tags: Tags.default([]), status: ReviewStatus.default('draft') });
export type QaCreate = z.infer<typeof QaCreate>;

// No defaults here: a field left out of a change stays as it is.
export const QaUpdate = QaFields.partial().extend({
  /** The revision the editor started from; a stale one is refused with 409. */
  revision: z.number().int().min(1).optional(),
});
export type QaUpdate = z.infer<typeof QaUpdate>;

const CaseFields = z.object({
  title: z.string({ error: '请填写案例标题' }).trim().min(4, '标题至少4个字').max(200, '标题不超过200字'),
  facts: z.string({ error: '请填写基本案情' }).trim().min(10, '基本案情至少10个字').max(10000, '基本案情不超过10000字'),
  holding: z.string({ error: '请填写裁判结果与分析' }).trim().min(10, '裁判结果至少10个字').max(20000, '裁判结果不超过20000字'),
  citations: z.array(CitationInput).min(1, '至少引用一条法律条文').max(20, '引用条文不超过20条'),
  status: ReviewStatus,
});
export const CaseCreate = CaseFields.extend({ status: ReviewStatus.default('draft') });
export type CaseCreate = z.infer<typeof CaseCreate>;
export const CaseUpdate = CaseFields.partial().extend({ revision: z.number().int().min(1).optional() });
export type CaseUpdate = z.infer<typeof CaseUpdate>;

/**
 * Where a typical case comes from: the official collections shipped with the law texts, the
 * anonymised cases published by the dispute module, or entries officials type in by hand. Only
 * hand-entered cases are edited here; the others are maintained at their source.
 */
export const CASE_SOURCES = ['official', 'published', 'manual'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];
export const CASE_SOURCE_LABELS = { official: '官方典型案例', published: '本平台调解案例', manual: '手工录入' } as const satisfies Record<CaseSource, string>;
export const isHandEntered = (source: string): boolean => source === 'manual';
