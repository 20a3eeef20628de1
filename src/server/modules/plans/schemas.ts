import { z } from 'zod';
import { ReviewDecision } from '../../../domain/plans/status';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为YYYY-MM-DD');

export const StageInput = z.object({ dueOn: Day, target: z.string().trim().min(1, '请填写阶段性目标').max(500) });
export const TaskInput = z.object({
  title: z.string().trim().min(1, '请填写任务名称').max(200),
  measures: z.string().max(4000).optional(),
  overallTarget: z.string().max(1000).optional(),
  leadUnitId: z.string().min(1, '请选择牵头单位'),
  partnerUnitIds: z.array(z.string().min(1)).max(20).default([]),
  startOn: Day.optional(),
  dueOn: Day,
  stages: z.array(StageInput).max(20).default([]),
});
export type TaskInput = z.infer<typeof TaskInput>;
export const SectionInput = z.object({
  title: z.string().trim().min(1, '请填写重点任务').max(200),
  objective: z.string().max(2000).optional(),
  tasks: z.array(TaskInput).min(1, '每项重点任务至少包含一项具体措施').max(100),
});
export const PlanCreate = z.object({
  title: z.string().trim().min(2, '请填写方案名称').max(200),
  kind: z.enum(['action_plan', 'pilot_zone']).default('action_plan'),
  issuer: z.string().max(200).optional(),
  regionId: z.string().regex(/^\d{6,12}$/, '区域编码格式不正确').optional(),
  startYear: z.number().int().min(2000).max(2100),
  endYear: z.number().int().min(2000).max(2100),
  requestId: z.string().max(64).optional(),
  sections: z.array(SectionInput).min(1, '方案至少包含一项重点任务').max(50),
});
export type PlanCreate = z.infer<typeof PlanCreate>;

export const PlanListQuery = z.object({ q: z.string().max(50).optional() });
export type PlanListQuery = z.infer<typeof PlanListQuery>;

export const Figure = z.object({ name: z.string().trim().min(1, '请填写数据项名称').max(50), value: z.number(), unit: z.string().max(10).default('') });
export const ReportCreate = z.object({
  period: z.string().trim().min(1, '请填写报送期').max(20),
  text: z.string().trim().min(5, '进展情况至少5个字').max(5000),
  figures: z.array(Figure).max(20).default([]),
  percent: z.number().int().min(0, '完成进度为0至100').max(100, '完成进度为0至100'),
  claimsDone: z.boolean().default(false),
  stageId: z.string().optional(),
  attachments: z.array(z.object({ key: z.string().regex(/^plan-attachments\//, '附件无效'), name: z.string().max(200), size: z.number().int().min(0), contentType: z.string().max(100) })).max(10).default([]),
  requestId: z.string().max(64).optional(),
});
export type ReportCreate = z.infer<typeof ReportCreate>;

export const ReviewInput = z.object({ decision: ReviewDecision, comment: z.string().max(1000).optional() });
export type ReviewInput = z.infer<typeof ReviewInput>;

export const TaskListQuery = z.object({
  mine: z.coerce.boolean().optional(),
  status: z.enum(['not_started', 'in_progress', 'done', 'overdue']).optional(),
  planId: z.string().optional(),
});
export type TaskListQuery = z.infer<typeof TaskListQuery>;

// --- editing after creation (optimistic versioning on the plan) ---
const PlanVersion = z.number({ error: '请提供方案版本号' }).int().min(1, '版本号不正确');
export const PlanPatch = z.object({
  version: PlanVersion,
  title: z.string().trim().min(2, '请填写方案名称').max(200).optional(),
  issuer: z.string().max(200).nullable().optional(),
  startYear: z.number().int().min(2000, '年份不正确').max(2100, '年份不正确').optional(),
  endYear: z.number().int().min(2000, '年份不正确').max(2100, '年份不正确').optional(),
});
export type PlanPatch = z.infer<typeof PlanPatch>;
export const SectionCreate = z.object({ version: PlanVersion, title: z.string().trim().min(1, '请填写重点任务').max(200), objective: z.string().max(2000).optional() });
export type SectionCreate = z.infer<typeof SectionCreate>;
export const SectionPatch = z.object({ version: PlanVersion, title: z.string().trim().min(1, '请填写重点任务').max(200).optional(), objective: z.string().max(2000).nullable().optional() });
export type SectionPatch = z.infer<typeof SectionPatch>;
export const StageEdit = StageInput.extend({ id: z.string().min(1).optional() });
export const TaskCreate = TaskInput.extend({ version: PlanVersion, sectionId: z.string().min(1, '请选择所属重点任务') });
export type TaskCreate = z.infer<typeof TaskCreate>;
export const TaskPatch = z.object({
  version: PlanVersion,
  sectionId: z.string().min(1).optional(),
  title: z.string().trim().min(1, '请填写任务名称').max(200).optional(),
  measures: z.string().max(4000).nullable().optional(),
  overallTarget: z.string().max(1000).nullable().optional(),
  leadUnitId: z.string().min(1, '请选择牵头单位').optional(),
  partnerUnitIds: z.array(z.string().min(1)).max(20).optional(),
  startOn: Day.nullable().optional(),
  dueOn: Day.optional(),
  /** The task's stages after the edit: entries with an id keep (and update) that stage, the others are new. */
  stages: z.array(StageEdit).max(20).optional(),
});
export type TaskPatch = z.infer<typeof TaskPatch>;
export const VersionQuery = z.object({ version: z.coerce.number().int().min(1, '版本号不正确') });
