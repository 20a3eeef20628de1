import { dueReminders, reminderKey, reminderMessage } from '../../../domain/plans/reminders';
import { REPORT_TRANSITIONS, type ReportStatus } from '../../../domain/plans/status';
import type { Actor, AppContext } from '../../context';
import { AppError, fieldError, forbidden, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { storageKey } from '../../storage';
import { insertAudit } from '../audit/repo';
import { canApprove, canReport, isTaskUnit } from './policy';
import { findReport, findTask, involvesUnit, unitNames, type ReportRow, type TaskRow } from './repo';
import type { ReportCreate, ReviewInput } from './schemas';
import { getVisiblePlan } from './service';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const ALLOWED_TYPES = /^(application\/pdf|image\/(png|jpeg)|application\/vnd\.openxmlformats-officedocument\.[a-z.]+|application\/msword|application\/vnd\.ms-excel|text\/plain)$/;

/** A task the actor may see (its plan visible, or the actor's unit works on it); 404 otherwise. */
export async function getVisibleTask(ctx: AppContext, actor: Actor, id: string): Promise<TaskRow> {
  const task = await findTask(ctx.db, id);
  if (!task) throw notFound('任务');
  await getVisiblePlan(ctx, actor, task.plan_id).catch(() => {
    throw notFound('任务');
  });
  return task;
}

export async function uploadAttachment(ctx: AppContext, actor: Actor, taskId: string, file: { filename: string; mimetype: string; data: Buffer }) {
  const task = await getVisibleTask(ctx, actor, taskId);
  if (!canReport(actor.principal, task)) throw forbidden('只有任务的牵头单位和配合单位可以上传进展材料');
  if (!ALLOWED_TYPES.test(file.mimetype)) throw fieldError('file', '仅支持PDF、图片、Word、Excel和文本文件');
  if (file.data.length === 0) throw fieldError('file', '文件为空');
  const key = storageKey('plan-attachments', file.filename, ctx.clock.now());
  await ctx.files.put(key, file.data, { contentType: file.mimetype });
  return { key, name: file.filename, size: file.data.length, contentType: file.mimetype };
}

function presentReport(r: ReportRow, names: Map<string, string>, actor: Actor, task: TaskRow) {
  return {
    id: r.id,
    taskId: r.task_id,
    unit: { id: r.org_unit_id, name: names.get(r.org_unit_id) ?? r.org_unit_id },
    period: r.period,
    text: r.text,
    figures: JSON.parse(r.figures) as unknown[],
    attachments: (JSON.parse(r.attachments) as { name: string; size: number }[]).map((a, i) => ({ index: i, name: a.name, size: a.size })),
    percent: r.percent,
    claimsDone: r.claims_done === 1,
    stageId: r.stage_id,
    status: r.status,
    reviewComment: r.review_comment,
    reviewedAt: r.reviewed_at,
    createdAt: r.created_at,
    abilities: { review: r.status === 'submitted' && canApprove(actor.principal, task) },
  };
}

export async function listReports(ctx: AppContext, actor: Actor, taskId: string) {
  const task = await getVisibleTask(ctx, actor, taskId);
  const rows = await ctx.db.selectFrom('progress_reports').selectAll().where('task_id', '=', taskId).orderBy('created_at', 'desc').execute();
  const names = await unitNames(ctx.db, rows.map((r) => r.org_unit_id));
  return { items: rows.map((r) => presentReport(r, names, actor, task)) };
}

export async function createReport(ctx: AppContext, actor: Actor, taskId: string, input: ReportCreate) {
  const task = await getVisibleTask(ctx, actor, taskId);
  const p = actor.principal!;
  if (!canReport(p, task)) throw forbidden('只有任务的牵头单位和配合单位可以报送进展');
  if (task.done_on) throw new AppError(409, 'INVALID_TRANSITION', '任务已完成，不再接收进展报送', undefined, { allowed: [] });
  if (input.requestId) {
    const dup = await ctx.db.selectFrom('progress_reports').selectAll().where('request_id', '=', input.requestId).where('reported_by', '=', p.id).executeTakeFirst();
    if (dup) return presentReport(dup, await unitNames(ctx.db, [dup.org_unit_id]), actor, task);
  }
  if (input.stageId && !(await ctx.db.selectFrom('plan_stages').select('id').where('id', '=', input.stageId).where('task_id', '=', taskId).executeTakeFirst())) throw fieldError('stageId', '阶段不属于该任务');
  const storage = ctx.files;
  for (const [i, a] of input.attachments.entries()) if ((await storage.get(a.key)) === undefined) throw fieldError(`attachments.${i}`, '附件不存在，请重新上传');
  const at = isoNow(ctx.clock);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('progress_reports').values({ id, task_id: taskId, plan_id: task.plan_id, region_id: task.region_id, org_unit_id: p.orgUnitId, reported_by: p.id, period: input.period, text: input.text, figures: JSON.stringify(input.figures), attachments: JSON.stringify(input.attachments), percent: input.percent, claims_done: input.claimsDone ? 1 : 0, stage_id: input.stageId ?? null, status: 'submitted', reviewed_by: null, reviewed_at: null, review_comment: null, request_id: input.requestId ?? null, created_at: at }).execute();
    await trx.updateTable('plan_tasks').set({ last_report_at: at, updated_at: at }).where('id', '=', taskId).execute();
    await insertAudit(trx, { at, actorId: p.id, actorName: p.displayName, action: 'plan.report', entityType: 'plan_task', entityId: taskId, regionId: task.region_id, summary: `报送任务“${task.title}”进展（${input.period}，${input.percent}%）`, after: { reportId: id, percent: input.percent, claimsDone: input.claimsDone, figures: input.figures, attachments: input.attachments.length } });
  });
  return presentReport((await findReport(ctx.db, id))!, await unitNames(ctx.db, [p.orgUnitId]), actor, task);
}

/** The lead unit approves or returns a report; approval carries progress, stage and completion into the task. */
export async function reviewReport(ctx: AppContext, actor: Actor, reportId: string, input: ReviewInput) {
  const report = await findReport(ctx.db, reportId);
  if (!report) throw notFound('进展报告');
  const task = await getVisibleTask(ctx, actor, report.task_id).catch(() => {
    throw notFound('进展报告');
  });
  if (!canApprove(actor.principal, task)) throw forbidden('只有牵头单位可以审核进展报告');
  const allowed = REPORT_TRANSITIONS[report.status as ReportStatus] as readonly string[];
  if (!allowed.includes(input.decision)) throw new AppError(409, 'INVALID_TRANSITION', `该报告已${report.status === 'approved' ? '通过' : '退回'}，不能再审核`, undefined, { allowed });
  if (input.decision === 'return' && !input.comment?.trim()) throw fieldError('comment', '退回时请填写意见');
  const at = isoNow(ctx.clock);
  const today = todayInChina(ctx.clock);
  const p = actor.principal!;
  await ctx.db.transaction().execute(async (trx) => {
    const status = input.decision === 'approve' ? 'approved' : 'returned';
    await trx.updateTable('progress_reports').set({ status, reviewed_by: p.id, reviewed_at: at, review_comment: input.comment ?? null }).where('id', '=', reportId).where('status', '=', 'submitted').execute();
    if (input.decision === 'approve') {
      await trx.updateTable('plan_tasks').set({ progress: Math.max(task.progress, report.claims_done ? 100 : report.percent), done_on: report.claims_done ? today : task.done_on, updated_at: at }).where('id', '=', task.id).execute();
      if (report.stage_id) await trx.updateTable('plan_stages').set({ done_on: today }).where('id', '=', report.stage_id).where('done_on', 'is', null).execute();
      if (report.claims_done) await trx.updateTable('plan_stages').set({ done_on: today }).where('task_id', '=', task.id).where('done_on', 'is', null).execute();
    }
    await insertAudit(trx, { at, actorId: p.id, actorName: p.displayName, action: 'plan.review', entityType: 'progress_report', entityId: reportId, regionId: task.region_id, summary: `${input.decision === 'approve' ? '通过' : '退回'}任务“${task.title}”进展报告`, before: { status: report.status }, after: { status, comment: input.comment ?? null } });
  });
  const updated = (await findReport(ctx.db, reportId))!;
  return presentReport(updated, await unitNames(ctx.db, [updated.org_unit_id]), actor, (await findTask(ctx.db, task.id))!);
}

export async function downloadAttachment(ctx: AppContext, actor: Actor, reportId: string, index: number) {
  const report = await findReport(ctx.db, reportId);
  if (!report) throw notFound('附件');
  await getVisibleTask(ctx, actor, report.task_id).catch(() => {
    throw notFound('附件');
  });
  const a = (JSON.parse(report.attachments) as { key: string; name: string; contentType: string }[])[index];
  if (!a) throw notFound('附件');
  const data = await ctx.files.get(a.key);
  if (!data) throw notFound('附件');
  return { ...a, data };
}

/**
 * Writes the reminders due today as rows (idempotent: one row per task, deadline and offset, guarded by
 * a unique constraint). Run daily by the scheduler and on demand.
 */
export async function generateReminders(ctx: AppContext): Promise<number> {
  const today = todayInChina(ctx.clock);
  const tasks = await ctx.db.selectFrom('plan_tasks').selectAll().where('done_on', 'is', null).execute();
  let created = 0;
  for (const t of tasks) {
    const stages = await ctx.db.selectFrom('plan_stages').select(['due_on', 'done_on']).where('task_id', '=', t.id).execute();
    const sent = new Set((await ctx.db.selectFrom('plan_reminders').select(['deadline', 'offset_days']).where('task_id', '=', t.id).execute()).map((r) => reminderKey({ deadline: r.deadline, offsetDays: r.offset_days })));
    const due = dueReminders({ deadlines: [t.due_on, ...stages.filter((s) => !s.done_on).map((s) => s.due_on)], done: false }, today, sent);
    for (const r of due) {
      const res = await ctx.db
        .insertInto('plan_reminders')
        .values({ id: newId(), task_id: t.id, region_id: t.region_id, org_unit_id: t.lead_unit_id, deadline: r.deadline, kind: r.kind, offset_days: r.offsetDays, remind_on: r.remindOn, message: reminderMessage(t.title, r), created_at: isoNow(ctx.clock), read_at: null })
        .onConflict((oc) => oc.columns(['task_id', 'deadline', 'offset_days']).doNothing())
        .executeTakeFirst();
      created += Number(res.numInsertedOrUpdatedRows ?? 0);
    }
  }
  return created;
}

/** Reminders of the tasks the user's unit leads or partners in. */
export async function listMyReminders(ctx: AppContext, actor: Actor) {
  const p = actor.principal!;
  const rows = await ctx.db
    .selectFrom('plan_reminders')
    .innerJoin('plan_tasks', 'plan_tasks.id', 'plan_reminders.task_id')
    .select(['plan_reminders.id', 'plan_reminders.task_id', 'plan_reminders.deadline', 'plan_reminders.kind', 'plan_reminders.offset_days', 'plan_reminders.remind_on', 'plan_reminders.message', 'plan_reminders.read_at', 'plan_tasks.plan_id', 'plan_tasks.lead_unit_id', 'plan_tasks.partner_unit_ids'])
    .where(involvesUnit(p.orgUnitId))
    .orderBy('plan_reminders.remind_on', 'desc')
    .limit(100)
    .execute();
  return { items: rows.filter((r) => isTaskUnit(p, r)).map((r) => ({ id: r.id, taskId: r.task_id, planId: r.plan_id, deadline: r.deadline, kind: r.kind, offsetDays: r.offset_days, remindOn: r.remind_on, message: r.message, read: !!r.read_at })) };
}
