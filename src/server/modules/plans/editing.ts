import type { Actor, AppContext } from '../../context';
import type { Trx } from '../../db';
import { conflict, fieldError, forbidden, notFound } from '../../errors';
import { isoNow } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { insertAudit } from '../audit/repo';
import { canManagePlan } from './policy';
import { findTask, stagesOf, unitNames, type PlanRow } from './repo';
import type { PlanPatch, SectionCreate, SectionPatch, TaskCreate, TaskPatch } from './schemas';
import { getPlan, getVisiblePlan } from './service';

/**
 * Editing a plan after creation. Every edit names the plan version it was made on; the first statement of its
 * transaction bumps the version only if it is still that one, so of two concurrent edits the second gets 409.
 */
async function manageable(ctx: AppContext, actor: Actor, planId: string): Promise<PlanRow> {
  const plan = await getVisiblePlan(ctx, actor, planId);
  if (!canManagePlan(actor.principal, plan)) throw forbidden('只有方案所在区域的管理部门可以修改方案');
  return plan;
}

async function bumpVersion(trx: Trx, plan: PlanRow, expected: number, at: string): Promise<number> {
  const r = await trx.updateTable('plans').set((eb) => ({ version: eb('version', '+', 1), updated_at: at })).where('id', '=', plan.id).where('version', '=', expected).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) {
    const now = await trx.selectFrom('plans').select('version').where('id', '=', plan.id).executeTakeFirstOrThrow();
    throw conflict(`方案已被他人修改（当前版本 ${now.version}），请刷新后再改`, { currentVersion: Number(now.version) });
  }
  return expected + 1;
}

async function edit(ctx: AppContext, actor: Actor, plan: PlanRow, expected: number, summary: string, work: (trx: Trx, at: string) => Promise<{ before?: unknown; after?: unknown } | void>) {
  const at = isoNow(ctx.clock);
  const p = actor.principal!;
  await ctx.db.transaction().execute(async (trx) => {
    const version = await bumpVersion(trx, plan, expected, at);
    const diff = (await work(trx, at)) ?? {};
    await insertAudit(trx, { at, actorId: p.id, actorName: p.displayName, action: 'plan.update', entityType: 'plan', entityId: plan.id, regionId: plan.region_id, summary: `${summary}（方案《${plan.title}》第${version}版）`, before: diff.before, after: diff.after, ip: actor.ip });
  });
  return getPlan(ctx, actor, plan.id);
}

async function checkUnits(ctx: AppContext, lead: string | undefined, partners: string[] | undefined) {
  const known = await unitNames(ctx.db, [...(lead ? [lead] : []), ...(partners ?? [])]);
  if (lead && !known.has(lead)) throw fieldError('leadUnitId', '牵头单位不存在');
  const bad = (partners ?? []).find((u) => !known.has(u));
  if (bad) throw fieldError('partnerUnitIds', `配合单位不存在：${bad}`);
  if (lead && partners?.includes(lead)) throw fieldError('partnerUnitIds', '配合单位不能与牵头单位相同');
}

function checkDates(startOn: string | null | undefined, dueOn: string, stages: { dueOn: string }[]) {
  if (startOn && startOn > dueOn) throw fieldError('startOn', '开始日期不能晚于完成时限');
  const i = stages.findIndex((s) => s.dueOn > dueOn);
  if (i >= 0) throw fieldError(`stages.${i}.dueOn`, '阶段时限不能晚于完成时限');
}

export async function updatePlan(ctx: AppContext, actor: Actor, id: string, input: PlanPatch) {
  const plan = await manageable(ctx, actor, id);
  const startYear = input.startYear ?? plan.start_year;
  const endYear = input.endYear ?? plan.end_year;
  if (endYear < startYear) throw fieldError('endYear', '结束年份不能早于开始年份');
  const set = { title: input.title ?? plan.title, issuer: input.issuer === undefined ? plan.issuer : input.issuer, start_year: startYear, end_year: endYear };
  return edit(ctx, actor, plan, input.version, '修改方案基本信息', async (trx) => {
    await trx.updateTable('plans').set(set).where('id', '=', id).execute();
    return { before: { title: plan.title, issuer: plan.issuer, startYear: plan.start_year, endYear: plan.end_year }, after: { title: set.title, issuer: set.issuer, startYear, endYear } };
  });
}

export async function addSection(ctx: AppContext, actor: Actor, planId: string, input: SectionCreate) {
  const plan = await manageable(ctx, actor, planId);
  return edit(ctx, actor, plan, input.version, `新增重点任务“${input.title}”`, async (trx) => {
    const last = await trx.selectFrom('plan_sections').select((eb) => eb.fn.max('seq').as('m')).where('plan_id', '=', planId).executeTakeFirst();
    const row = { id: newId(), plan_id: planId, region_id: plan.region_id, seq: Number(last?.m ?? 0) + 1, title: input.title, objective: input.objective ?? null };
    await trx.insertInto('plan_sections').values(row).execute();
    return { after: row };
  });
}

export async function updateSection(ctx: AppContext, actor: Actor, sectionId: string, input: SectionPatch) {
  const section = await ctx.db.selectFrom('plan_sections').selectAll().where('id', '=', sectionId).executeTakeFirst();
  if (!section) throw notFound('重点任务');
  const plan = await manageable(ctx, actor, section.plan_id);
  const set = { title: input.title ?? section.title, objective: input.objective === undefined ? section.objective : input.objective };
  return edit(ctx, actor, plan, input.version, `修改重点任务“${set.title}”`, async (trx) => {
    await trx.updateTable('plan_sections').set(set).where('id', '=', sectionId).execute();
    return { before: { title: section.title, objective: section.objective }, after: set };
  });
}

export async function addTask(ctx: AppContext, actor: Actor, planId: string, input: TaskCreate) {
  const plan = await manageable(ctx, actor, planId);
  const section = await ctx.db.selectFrom('plan_sections').select('id').where('id', '=', input.sectionId).where('plan_id', '=', planId).executeTakeFirst();
  if (!section) throw fieldError('sectionId', '所属重点任务不在本方案中');
  await checkUnits(ctx, input.leadUnitId, input.partnerUnitIds);
  checkDates(input.startOn, input.dueOn, input.stages);
  return edit(ctx, actor, plan, input.version, `新增具体措施“${input.title}”`, async (trx, at) => {
    const last = await trx.selectFrom('plan_tasks').select((eb) => eb.fn.max('seq').as('m')).where('plan_id', '=', planId).executeTakeFirst();
    const taskId = newId();
    await trx.insertInto('plan_tasks').values({ id: taskId, plan_id: planId, section_id: input.sectionId, region_id: plan.region_id, seq: Number(last?.m ?? 0) + 1, title: input.title, measures: input.measures ?? null, overall_target: input.overallTarget ?? null, lead_unit_id: input.leadUnitId, partner_unit_ids: JSON.stringify(input.partnerUnitIds), start_on: input.startOn ?? null, due_on: input.dueOn, done_on: null, progress: 0, last_report_at: null, created_at: at, updated_at: at }).execute();
    for (const [k, st] of input.stages.entries()) await trx.insertInto('plan_stages').values({ id: newId(), task_id: taskId, region_id: plan.region_id, seq: k + 1, due_on: st.dueOn, target: st.target, done_on: null }).execute();
    const { version: _v, ...after } = input;
    return { after: { taskId, ...after } };
  });
}

export async function updateTask(ctx: AppContext, actor: Actor, taskId: string, input: TaskPatch) {
  const task = await findTask(ctx.db, taskId);
  if (!task) throw notFound('任务');
  const plan = await manageable(ctx, actor, task.plan_id);
  if (input.sectionId) {
    const section = await ctx.db.selectFrom('plan_sections').select('id').where('id', '=', input.sectionId).where('plan_id', '=', plan.id).executeTakeFirst();
    if (!section) throw fieldError('sectionId', '所属重点任务不在本方案中');
  }
  await checkUnits(ctx, input.leadUnitId ?? task.lead_unit_id, input.partnerUnitIds);
  const stages = (await stagesOf(ctx.db, [taskId])).get(taskId) ?? [];
  const dueOn = input.dueOn ?? task.due_on;
  const startOn = input.startOn === undefined ? task.start_on : input.startOn;
  checkDates(startOn, dueOn, input.stages ?? stages.map((s) => ({ dueOn: s.due_on })));
  let removed: typeof stages = [];
  if (input.stages) {
    const byId = new Map(stages.map((s) => [s.id, s]));
    input.stages.forEach((s, i) => {
      if (s.id && !byId.has(s.id)) throw fieldError(`stages.${i}.id`, '阶段不属于该任务');
    });
    const kept = new Set(input.stages.map((s) => s.id).filter(Boolean));
    removed = stages.filter((s) => !kept.has(s.id));
    const done = removed.find((s) => s.done_on);
    if (done) throw conflict(`阶段“${done.target}”已完成，不能删除`, { stageId: done.id });
    if (removed.length) {
      const reported = await ctx.db.selectFrom('progress_reports').select('stage_id').where('stage_id', 'in', removed.map((s) => s.id)).executeTakeFirst();
      if (reported) throw conflict('已有进展报告对应的阶段不能删除', { stageId: reported.stage_id });
    }
  }
  const set = {
    section_id: input.sectionId ?? task.section_id,
    title: input.title ?? task.title,
    measures: input.measures === undefined ? task.measures : input.measures,
    overall_target: input.overallTarget === undefined ? task.overall_target : input.overallTarget,
    lead_unit_id: input.leadUnitId ?? task.lead_unit_id,
    partner_unit_ids: input.partnerUnitIds ? JSON.stringify(input.partnerUnitIds) : task.partner_unit_ids,
    start_on: startOn,
    due_on: dueOn,
  };
  return edit(ctx, actor, plan, input.version, `修改具体措施“${set.title}”`, async (trx, at) => {
    await trx.updateTable('plan_tasks').set({ ...set, updated_at: at }).where('id', '=', taskId).execute();
    // reminders of deadlines that no longer exist go; the reminder job writes those of the new ones
    const deadlines = [dueOn, ...(input.stages ?? stages.map((st) => ({ dueOn: st.due_on }))).map((st) => st.dueOn)];
    await trx.deleteFrom('plan_reminders').where('task_id', '=', taskId).where('deadline', 'not in', deadlines).execute();
    if (input.stages) {
      if (removed.length) {
        await trx.deleteFrom('plan_stages').where('id', 'in', removed.map((s) => s.id)).execute();
      }
      for (const [k, s] of input.stages.entries()) {
        if (s.id) await trx.updateTable('plan_stages').set({ seq: k + 1, due_on: s.dueOn, target: s.target }).where('id', '=', s.id).execute();
        else await trx.insertInto('plan_stages').values({ id: newId(), task_id: taskId, region_id: task.region_id, seq: k + 1, due_on: s.dueOn, target: s.target, done_on: null }).execute();
      }
    }
    const before = { sectionId: task.section_id, title: task.title, measures: task.measures, overallTarget: task.overall_target, leadUnitId: task.lead_unit_id, partnerUnitIds: JSON.parse(task.partner_unit_ids) as unknown, startOn: task.start_on, dueOn: task.due_on, stages: stages.map((s) => ({ id: s.id, dueOn: s.due_on, target: s.target })) };
    const { version: _v, ...after } = input;
    return { before, after };
  });
}

export async function deleteTask(ctx: AppContext, actor: Actor, taskId: string, version: number) {
  const task = await findTask(ctx.db, taskId);
  if (!task) throw notFound('任务');
  const plan = await manageable(ctx, actor, task.plan_id);
  const reported = await ctx.db.selectFrom('progress_reports').select('id').where('task_id', '=', taskId).executeTakeFirst();
  if (reported) throw conflict('已有进展报告的任务不能删除，可修改其内容或时限', { allowed: ['update'] });
  return edit(ctx, actor, plan, version, `删除具体措施“${task.title}”`, async (trx) => {
    await trx.deleteFrom('plan_reminders').where('task_id', '=', taskId).execute();
    await trx.deleteFrom('plan_stages').where('task_id', '=', taskId).execute();
    await trx.deleteFrom('plan_tasks').where('id', '=', taskId).execute();
    return { before: { id: task.id, title: task.title, leadUnitId: task.lead_unit_id, dueOn: task.due_on } };
  });
}
