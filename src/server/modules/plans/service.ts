import { nextDeadline, taskStatus, type TaskStatus } from '../../../domain/plans/status';
import type { Actor, AppContext } from '../../context';
import type { DbOrTrx, Trx } from '../../db';
import { conflict, fieldError, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import { regionPrefixCondition, scopeFilter, whereInScope } from '../../policy/scope';
import { insertAudit } from '../audit/repo';
import { canApprove, canManagePlan, canReport, canSeePlan, isTaskUnit } from './policy';
import { findPlan, involvesUnit, reportCounts, sectionsOf, stagesOf, tasksOf, unitNames, type PlanRow, type StageRow, type TaskRow } from './repo';
import type { PlanCreate, PlanListQuery, TaskListQuery } from './schemas';

/** Writes a whole plan (sections, tasks, stages) inside the caller's transaction. */
export async function insertPlan(trx: Trx, input: PlanCreate, meta: { regionId: string; ownerUnitId: string; createdBy: string | null; at: string; id?: string; nextId?: () => string }): Promise<string> {
  const nextId = meta.nextId ?? (() => newId());
  const planId = meta.id ?? nextId();
  await trx.insertInto('plans').values({ id: planId, region_id: meta.regionId, title: input.title, kind: input.kind, issuer: input.issuer ?? null, start_year: input.startYear, end_year: input.endYear, owner_unit_id: meta.ownerUnitId, created_by: meta.createdBy, request_id: input.requestId ?? null, created_at: meta.at, updated_at: meta.at }).execute();
  let taskSeq = 0;
  for (const [si, s] of input.sections.entries()) {
    const sectionId = nextId();
    await trx.insertInto('plan_sections').values({ id: sectionId, plan_id: planId, region_id: meta.regionId, seq: si + 1, title: s.title, objective: s.objective ?? null }).execute();
    for (const t of s.tasks) {
      const taskId = nextId();
      await trx.insertInto('plan_tasks').values({ id: taskId, plan_id: planId, section_id: sectionId, region_id: meta.regionId, seq: ++taskSeq, title: t.title, measures: t.measures ?? null, overall_target: t.overallTarget ?? null, lead_unit_id: t.leadUnitId, partner_unit_ids: JSON.stringify(t.partnerUnitIds), start_on: t.startOn ?? null, due_on: t.dueOn, done_on: null, progress: 0, last_report_at: null, created_at: meta.at, updated_at: meta.at }).execute();
      for (const [k, st] of t.stages.entries()) {
        await trx.insertInto('plan_stages').values({ id: nextId(), task_id: taskId, region_id: meta.regionId, seq: k + 1, due_on: st.dueOn, target: st.target, done_on: null }).execute();
      }
    }
  }
  return planId;
}

async function validateUnits(ctx: AppContext, input: PlanCreate): Promise<void> {
  const ids = input.sections.flatMap((s) => s.tasks.flatMap((t) => [t.leadUnitId, ...t.partnerUnitIds]));
  const known = await unitNames(ctx.db, ids);
  input.sections.forEach((s, si) =>
    s.tasks.forEach((t, ti) => {
      if (!known.has(t.leadUnitId)) throw fieldError(`sections.${si}.tasks.${ti}.leadUnitId`, '牵头单位不存在');
      const bad = t.partnerUnitIds.find((u) => !known.has(u));
      if (bad) throw fieldError(`sections.${si}.tasks.${ti}.partnerUnitIds`, `配合单位不存在：${bad}`);
      if (t.startOn && t.startOn > t.dueOn) throw fieldError(`sections.${si}.tasks.${ti}.startOn`, '开始日期不能晚于完成时限');
      if (t.stages.some((st) => st.dueOn > t.dueOn)) throw fieldError(`sections.${si}.tasks.${ti}.stages`, '阶段时限不能晚于完成时限');
    }),
  );
  if (input.endYear < input.startYear) throw fieldError('endYear', '结束年份不能早于开始年份');
}

export async function createPlan(ctx: AppContext, actor: Actor, input: PlanCreate, via = 'plan.create') {
  const p = actor.principal!;
  const regionId = input.regionId ?? p.regionId;
  if (!canManagePlan(p, { region_id: regionId })) throw fieldError('regionId', '只能在本人管辖区域内制定方案');
  if (!(await ctx.db.selectFrom('regions').select('id').where('id', '=', regionId).executeTakeFirst())) throw fieldError('regionId', '区域不存在');
  if (input.requestId) {
    const dup = await ctx.db.selectFrom('plans').select('id').where('request_id', '=', input.requestId).where('created_by', '=', p.id).executeTakeFirst();
    if (dup) return getPlan(ctx, actor, dup.id);
  }
  await validateUnits(ctx, input);
  const at = isoNow(ctx.clock);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const planId = await insertPlan(trx, input, { regionId, ownerUnitId: p.orgUnitId, createdBy: p.id, at });
    const taskCount = input.sections.reduce((n, s) => n + s.tasks.length, 0);
    await insertAudit(trx, { at, actorId: p.id, actorName: p.displayName, action: via, entityType: 'plan', entityId: planId, regionId, summary: `${via === 'plan.import' ? '导入' : '创建'}方案《${input.title}》：${input.sections.length}项重点任务、${taskCount}项具体措施`, ip: actor.ip });
    return planId;
  });
  return getPlan(ctx, actor, id);
}

export async function getVisiblePlan(ctx: AppContext, actor: Actor, id: string): Promise<PlanRow> {
  const plan = await findPlan(ctx.db, id);
  if (!plan) throw notFound('方案');
  const p = actor.principal!;
  const involved = !!(await ctx.db.selectFrom('plan_tasks').select('id').where('plan_id', '=', id).where(involvesUnit(p.orgUnitId)).executeTakeFirst());
  if (!canSeePlan(p, plan, involved)) throw notFound('方案');
  return plan;
}

export function presentTask(t: TaskRow, stages: StageRow[], reports: number, names: Map<string, string>, today: string, actor: Actor) {
  const partners = JSON.parse(t.partner_unit_ids) as string[];
  const openStageDues = stages.filter((s) => !s.done_on).map((s) => s.due_on);
  const status: TaskStatus = taskStatus({ startOn: t.start_on, dueOn: t.due_on, doneOn: t.done_on, openStageDues, reportCount: reports }, today);
  return {
    id: t.id,
    planId: t.plan_id,
    sectionId: t.section_id,
    seq: t.seq,
    title: t.title,
    measures: t.measures,
    overallTarget: t.overall_target,
    leadUnit: { id: t.lead_unit_id, name: names.get(t.lead_unit_id) ?? t.lead_unit_id },
    partnerUnits: partners.map((id) => ({ id, name: names.get(id) ?? id })),
    startOn: t.start_on,
    dueOn: t.due_on,
    doneOn: t.done_on,
    progress: t.progress,
    stages: stages.map((s) => ({ id: s.id, seq: s.seq, dueOn: s.due_on, target: s.target, doneOn: s.done_on })),
    status,
    nextDeadline: t.done_on ? null : nextDeadline({ dueOn: t.due_on, openStageDues }),
    reportCount: reports,
    abilities: { report: canReport(actor.principal, t), approve: canApprove(actor.principal, t) },
  };
}

export async function presentTasks(db: DbOrTrx, tasks: TaskRow[], today: string, actor: Actor) {
  const ids = tasks.map((t) => t.id);
  const [stages, counts, names] = await Promise.all([stagesOf(db, ids), reportCounts(db, ids), unitNames(db, tasks.flatMap((t) => [t.lead_unit_id, ...(JSON.parse(t.partner_unit_ids) as string[])]))]);
  return tasks.map((t) => presentTask(t, stages.get(t.id) ?? [], counts.get(t.id) ?? 0, names, today, actor));
}

export async function getPlan(ctx: AppContext, actor: Actor, id: string) {
  const plan = await getVisiblePlan(ctx, actor, id);
  const today = todayInChina(ctx.clock);
  const [sections, tasks] = await Promise.all([sectionsOf(ctx.db, id), tasksOf(ctx.db, id)]);
  const p = actor.principal!;
  const fullView = canSeePlan(p, plan, false);
  const visible = fullView ? tasks : tasks.filter((t) => isTaskUnit(p, t));
  const presented = await presentTasks(ctx.db, visible, today, actor);
  const owner = await unitNames(ctx.db, [plan.owner_unit_id]);
  return {
    id: plan.id,
    title: plan.title,
    kind: plan.kind,
    issuer: plan.issuer,
    regionId: plan.region_id,
    startYear: plan.start_year,
    endYear: plan.end_year,
    ownerUnit: { id: plan.owner_unit_id, name: owner.get(plan.owner_unit_id) ?? plan.owner_unit_id },
    createdAt: plan.created_at,
    updatedAt: plan.updated_at,
    version: Number(plan.version),
    summary: summarize(presented),
    sections: sections.map((s) => ({ id: s.id, seq: s.seq, title: s.title, objective: s.objective, tasks: presented.filter((t) => t.sectionId === s.id) })).filter((s) => fullView || s.tasks.length > 0),
    abilities: { manage: canManagePlan(p, plan), export: fullView },
  };
}

export function summarize(tasks: { status: TaskStatus }[]) {
  const s = { total: tasks.length, not_started: 0, in_progress: 0, done: 0, overdue: 0 };
  for (const t of tasks) s[t.status]++;
  return s;
}

export async function listPlans(ctx: AppContext, actor: Actor, q: PlanListQuery & PageQuery) {
  const p = actor.principal!;
  let inScope;
  try {
    inScope = whereInScope(scopeFilter(p, 'plan.read'), { region: 'plans.region_id' });
  } catch {
    inScope = null; // units without plan.read see the plans they take part in
  }
  let query = ctx.db.selectFrom('plans').where((eb) => {
    const involved = eb.exists(eb.selectFrom('plan_tasks').select('plan_tasks.id').whereRef('plan_tasks.plan_id', '=', 'plans.id').where(involvesUnit(p.orgUnitId)));
    return inScope ? eb.or([inScope, involved]) : involved;
  });
  if (q.q) query = query.where('title', 'like', `%${q.q}%`);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.pageSize).offset(pageOffset(q)).execute();
  const today = todayInChina(ctx.clock);
  const items = [];
  for (const plan of rows) {
    const tasks = await presentTasks(ctx.db, await tasksOf(ctx.db, plan.id), today, actor);
    items.push({ id: plan.id, title: plan.title, kind: plan.kind, regionId: plan.region_id, startYear: plan.start_year, endYear: plan.end_year, createdAt: plan.created_at, summary: summarize(tasks) });
  }
  return { items, total: Number(total), page: q.page, pageSize: q.pageSize };
}

/** Tasks across plans: those of the user's unit (mine) or every task in scope, with derived status. */
export async function listTasks(ctx: AppContext, actor: Actor, q: TaskListQuery & PageQuery) {
  const p = actor.principal!;
  let query = ctx.db.selectFrom('plan_tasks');
  if (q.mine) query = query.where(involvesUnit(p.orgUnitId));
  else {
    const filter = scopeFilter(p, 'plan.read');
    query = query.where((eb) => eb.or([whereInScope(filter, { region: 'plan_tasks.region_id' }), involvesUnit(p.orgUnitId)]));
  }
  if (q.planId) query = query.where('plan_id', '=', q.planId);
  const rows = await query.selectAll().orderBy('due_on').orderBy('seq').execute();
  const today = todayInChina(ctx.clock);
  let tasks = await presentTasks(ctx.db, rows, today, actor);
  if (q.status) tasks = tasks.filter((t) => t.status === q.status);
  return { items: tasks.slice(pageOffset(q), pageOffset(q) + q.pageSize), total: tasks.length, page: q.page, pageSize: q.pageSize };
}

/** Task status by lead unit, for the cockpit's unit drill-down. */
export async function taskSummaryByUnit(ctx: AppContext, actor: Actor, regionId: string) {
  const filter = scopeFilter(actor.principal, 'plan.read');
  const rows = await ctx.db.selectFrom('plan_tasks').selectAll().where(whereInScope(filter, { region: 'plan_tasks.region_id' })).where(regionPrefixCondition('plan_tasks.region_id', regionId.slice(0, 6))).execute();
  const tasks = await presentTasks(ctx.db, rows, todayInChina(ctx.clock), actor);
  const byUnit = new Map<string, { unitId: string; unitName: string; tasks: typeof tasks }>();
  for (const t of tasks) {
    const e = byUnit.get(t.leadUnit.id) ?? { unitId: t.leadUnit.id, unitName: t.leadUnit.name, tasks: [] };
    e.tasks.push(t);
    byUnit.set(t.leadUnit.id, e);
  }
  return {
    summary: summarize(tasks),
    units: [...byUnit.values()].map((u) => ({ unitId: u.unitId, unitName: u.unitName, ...summarize(u.tasks) })),
    overdue: tasks.filter((t) => t.status === 'overdue').map((t) => ({ id: t.id, planId: t.planId, title: t.title, leadUnit: t.leadUnit.name, nextDeadline: t.nextDeadline, dueOn: t.dueOn, progress: t.progress })),
  };
}

export async function assertPlanManageable(ctx: AppContext, actor: Actor, id: string) {
  const plan = await getVisiblePlan(ctx, actor, id);
  if (!canManagePlan(actor.principal, plan)) throw conflict('只有方案所在区域的管理部门可以修改方案');
  return plan;
}
