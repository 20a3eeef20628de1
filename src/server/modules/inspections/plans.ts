import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { VIOLATION_KIND_LABELS, ViolationKind } from '../../../domain/credit';
import { canonicalInput, draw, DrawError, MIN_RATIO, type DrawInput } from '../../../domain/inspections/draw';
import { allowedPlanEvents, INSPECTION_RESULT_LABELS, InspectionResult, nextPlanStatus, PLAN_STATUS_LABELS, publishCheck, type PlanEvent, type PlanStatus } from '../../../domain/inspections/plans';
import { IsoDate } from '../../../domain/calendar';
import type { Actor, AppContext } from '../../context';
import type { DbOrTrx } from '../../db';
import { AppError, conflict, fieldError, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { scopeFilter, whereInScope } from '../../policy/scope';
import { auditActor } from '../audit/actor';
import { insertAudit } from '../audit/repo';
import { recordViolationInTrx } from '../credit/grading';
import { targetDirectory } from './directory';

export const PlanInput = z.object({
  year: z.number().int().min(2016).max(2100),
  title: z.string().trim().min(1, '请填写计划名称').max(100),
  itemIds: z.array(z.string().min(1)).min(1, '请至少选择一项抽查事项'),
  ratio: z.number().min(MIN_RATIO, `抽查比例不得低于${MIN_RATIO * 100}%`).max(1, '抽查比例不得超过100%'),
});
export type PlanInput = z.infer<typeof PlanInput>;
export const DrawInputBody = z.object({ seed: z.string().trim().min(4, '随机种子至少4个字符').max(64).optional() });
export type DrawInputBody = z.infer<typeof DrawInputBody>;
export const ResultInput = z.object({
  result: InspectionResult,
  inspectedOn: IsoDate,
  findings: z.string().trim().min(1, '请填写检查情况').max(2000),
  violationKind: ViolationKind.optional(),
});
export type ResultInput = z.infer<typeof ResultInput>;

const invalid = (s: PlanStatus, e: PlanEvent) =>
  new AppError(409, 'INVALID_TRANSITION', `计划当前为“${PLAN_STATUS_LABELS[s]}”，不能${e === 'draw' ? '抽取（每个计划只能抽取一次，结果不可重抽）' : '公开'}；可执行：${allowedPlanEvents(s).join('、') || '无'}`, undefined, { allowed: allowedPlanEvents(s) });

const planScope = (actor: Actor) => whereInScope(scopeFilter(actor.principal, 'inspection.manage'), { region: 'inspection_plans.region_id' });
async function planInScope(db: DbOrTrx, actor: Actor, id: string) {
  const p = await db.selectFrom('inspection_plans').selectAll().where('id', '=', id).where(planScope(actor)).executeTakeFirst();
  if (!p) throw notFound('抽查计划');
  return p;
}
type PlanRow = Awaited<ReturnType<typeof planInScope>>;

async function itemsOf(db: DbOrTrx, ids: string[]) {
  return ids.length ? db.selectFrom('inspection_items').select(['id', 'code', 'name', 'basis']).where('id', 'in', ids).orderBy('code').execute() : [];
}

async function presentPlan(db: DbOrTrx, p: PlanRow, withTasks: boolean) {
  const status = p.status as PlanStatus;
  const tasks = withTasks
    ? await db.selectFrom('inspection_tasks as t').innerJoin('enterprises as e', 'e.id', 't.enterprise_id').selectAll('t').select(['e.name as enterprise_name', 'e.uscc']).where('t.plan_id', '=', p.id).orderBy('t.stratum').orderBy('e.name').execute()
    : [];
  const inspectorIds = [...new Set(tasks.flatMap((t) => JSON.parse(t.inspector_ids_json) as string[]))];
  const inspectors = new Map(inspectorIds.length ? (await db.selectFrom('inspectors').select(['id', 'name']).where('id', 'in', inspectorIds).execute()).map((i) => [i.id, i.name]) : []);
  const regions = withTasks ? new Map((await db.selectFrom('regions').select(['id', 'name']).execute()).map((r) => [r.id, r.name])) : new Map<string, string>();
  const stratumName = (k: string) => {
    const [street, industry] = k.split('|') as [string, string];
    return `${regions.get(street) ?? street}｜${industry}`;
  };
  const counts = await db.selectFrom('inspection_tasks').select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>('result').as('done')]).where('plan_id', '=', p.id).executeTakeFirstOrThrow();
  return {
    id: p.id,
    regionId: p.region_id,
    year: p.year,
    title: p.title,
    items: await itemsOf(db, JSON.parse(p.item_ids_json) as string[]),
    ratio: p.ratio,
    status,
    statusName: PLAN_STATUS_LABELS[status],
    seed: p.seed,
    fingerprint: p.fingerprint,
    directorySize: p.directory_size,
    drawnAt: p.drawn_at,
    publishedAt: p.published_at,
    createdAt: p.created_at,
    targets: Number(counts.n),
    resultsEntered: Number(counts.done),
    tasks: tasks.map((t) => ({
      id: t.id,
      enterpriseId: t.enterprise_id,
      enterpriseName: t.enterprise_name,
      uscc: t.uscc,
      stratum: t.stratum,
      stratumName: stratumName(t.stratum),
      inspectors: (JSON.parse(t.inspector_ids_json) as string[]).map((id) => ({ id, name: inspectors.get(id) ?? id })),
      result: t.result,
      resultName: t.result ? INSPECTION_RESULT_LABELS[t.result as InspectionResult] : null,
      findings: t.findings,
      inspectedOn: t.inspected_on,
      violationId: t.violation_id,
    })),
    abilities: { draw: status === 'draft', enterResults: status === 'drawn', publish: status === 'drawn' && Number(counts.n) > 0 && Number(counts.n) === Number(counts.done) },
  };
}

export async function createPlan(ctx: AppContext, actor: Actor, input: PlanInput) {
  scopeFilter(actor.principal, 'inspection.manage');
  const regionId = actor.principal!.regionId;
  const items = await ctx.db.selectFrom('inspection_items').select('id').where('id', 'in', input.itemIds).where(whereInScope(scopeFilter(actor.principal, 'inspection.manage'), { region: 'inspection_items.region_id' })).execute();
  if (items.length !== new Set(input.itemIds).size) throw fieldError('itemIds', '抽查事项不存在或不在本辖区清单中');
  const at = isoNow(ctx.clock);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('inspection_plans').values({ id, region_id: regionId, year: input.year, title: input.title, item_ids_json: JSON.stringify([...new Set(input.itemIds)]), ratio: input.ratio, status: 'draft', seed: null, fingerprint: null, inputs_json: null, directory_size: null, drawn_by: null, drawn_at: null, approved_by: null, published_at: null, created_by: actor.principal!.id, created_at: at }).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'inspection.plan.create', entityType: 'inspectionPlan', entityId: id, regionId, summary: `新建双随机抽查计划：${input.title}（比例${Math.round(input.ratio * 1000) / 10}%）`, after: input });
  });
  return presentPlan(ctx.db, await planInScope(ctx.db, actor, id), true);
}

export async function listPlans(ctx: AppContext, actor: Actor) {
  const rows = await ctx.db.selectFrom('inspection_plans').selectAll().where(planScope(actor)).orderBy('created_at', 'desc').execute();
  return { items: await Promise.all(rows.map((r) => presentPlan(ctx.db, r, false))) };
}

export async function getPlan(ctx: AppContext, actor: Actor, id: string) {
  return presentPlan(ctx.db, await planInScope(ctx.db, actor, id), true);
}

/**
 * The draw: once per plan. The seed (given, e.g. a publicly announced number, or generated here) and the canonical
 * inputs are stored with the result, so anyone can re-run it; the status guard makes a silent second draw impossible.
 */
export async function drawPlan(ctx: AppContext, actor: Actor, id: string, body: DrawInputBody) {
  const p = await planInScope(ctx.db, actor, id);
  if (!nextPlanStatus(p.status as PlanStatus, 'draw')) throw invalid(p.status as PlanStatus, 'draw');
  const targets = await targetDirectory(ctx.db, p.region_id);
  const inspectors = (await ctx.db.selectFrom('inspectors').select(['id', 'conflicts_json', 'region_id']).where('active', '=', 1).where(whereInScope({ kind: 'region', regionId: p.region_id }, { region: 'inspectors.region_id' })).execute()).map((i) => ({ id: i.id, conflicts: JSON.parse(i.conflicts_json) as string[] }));
  const input: DrawInput = { seed: body.seed ?? randomBytes(8).toString('hex'), ratio: p.ratio, targets, inspectors };
  let result;
  try {
    result = draw(input);
  } catch (e) {
    if (e instanceof DrawError) throw conflict(e.message);
    throw e;
  }
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const upd = await trx.updateTable('inspection_plans').set({ status: 'drawn', seed: input.seed, fingerprint: result.fingerprint, inputs_json: canonicalInput(input), directory_size: targets.length, drawn_by: actor.principal!.id, drawn_at: at }).where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
    if (Number(upd.numUpdatedRows) !== 1) throw invalid('drawn', 'draw');
    const rows = result.picks.map((x) => ({ id: newId(), region_id: p.region_id, plan_id: id, enterprise_id: x.targetId, stratum: x.stratum, inspector_ids_json: JSON.stringify(x.inspectorIds), result: null, findings: null, inspected_on: null, violation_id: null, entered_by: null, entered_at: null }));
    for (let i = 0; i < rows.length; i += 200) await trx.insertInto('inspection_tasks').values(rows.slice(i, i + 200)).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'inspection.plan.draw', entityType: 'inspectionPlan', entityId: id, regionId: p.region_id, summary: `双随机抽取：名录库${targets.length}户抽中${rows.length}户，执法人员${inspectors.length}名；种子${input.seed}，指纹${result.fingerprint}`, after: { seed: input.seed, fingerprint: result.fingerprint, picks: rows.length } });
  });
  return getPlan(ctx, actor, id);
}

/** Re-runs the recorded draw from its stored seed and inputs and compares it with the stored picks. */
export async function verifyPlan(ctx: AppContext, actor: Actor, id: string) {
  const p = await planInScope(ctx.db, actor, id);
  if (!p.inputs_json) throw conflict('计划尚未抽取');
  const c = JSON.parse(p.inputs_json) as { seed: string; ratio: number; targets: [string, string, string][]; inspectors: [string, string[]][] };
  const again = draw({ seed: c.seed, ratio: c.ratio, targets: c.targets.map(([tid, street, industry]) => ({ id: tid, street, industry })), inspectors: c.inspectors.map(([iid, conflicts]) => ({ id: iid, conflicts })) });
  const stored = await ctx.db.selectFrom('inspection_tasks').select(['enterprise_id', 'inspector_ids_json']).where('plan_id', '=', id).execute();
  const key = (t: string, i: readonly string[]) => `${t}:${[...i].sort().join(',')}`;
  const a = stored.map((s) => key(s.enterprise_id, JSON.parse(s.inspector_ids_json) as string[])).sort();
  const b = again.picks.map((x) => key(x.targetId, x.inspectorIds)).sort();
  return { seed: c.seed, fingerprint: again.fingerprint, storedFingerprint: p.fingerprint, matches: again.fingerprint === p.fingerprint && JSON.stringify(a) === JSON.stringify(b), picks: again.picks.length, inputs: p.inputs_json };
}

export async function enterResult(ctx: AppContext, actor: Actor, taskId: string, input: ResultInput) {
  const t = await ctx.db.selectFrom('inspection_tasks as t').innerJoin('inspection_plans as p', 'p.id', 't.plan_id').innerJoin('enterprises as e', 'e.id', 't.enterprise_id').selectAll('t').select(['p.status as plan_status', 'e.name as enterprise_name']).where('t.id', '=', taskId).where(whereInScope(scopeFilter(actor.principal, 'inspection.manage'), { region: 't.region_id' })).executeTakeFirst();
  if (!t) throw notFound('抽查任务');
  if (t.plan_status !== 'drawn') throw new AppError(409, 'INVALID_TRANSITION', '计划已公开，检查结果不可再修改', undefined, { allowed: [] });
  const today = todayInChina(ctx.clock);
  if (input.inspectedOn > today) throw fieldError('inspectedOn', '检查日期不能晚于今天');
  if (input.result === 'violation' && !input.violationKind) throw fieldError('violationKind', '发现违法行为时请选择违法类型');
  if (input.result === 'violation' && t.violation_id) throw conflict('该户已记录查处的违法行为');
  const at = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    let violationId = t.violation_id;
    let grade: string | null = null;
    if (input.result === 'violation') {
      const v = await recordViolationInTrx(trx, { enterpriseId: t.enterprise_id, kind: input.violationKind!, foundOn: input.inspectedOn, description: input.findings, source: 'inspection', sourceId: t.id }, today, at, { id: actor.principal!.id, name: actor.principal!.displayName });
      violationId = v.id;
      grade = v.grade;
    }
    await trx.updateTable('inspection_tasks').set({ result: input.result, findings: input.findings, inspected_on: input.inspectedOn, violation_id: violationId, entered_by: actor.principal!.id, entered_at: at }).where('id', '=', taskId).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'inspection.result', entityType: 'inspectionTask', entityId: taskId, regionId: t.region_id, summary: `录入抽查结果：${t.enterprise_name}，${INSPECTION_RESULT_LABELS[input.result]}${input.violationKind ? `（${VIOLATION_KIND_LABELS[input.violationKind]}）` : ''}`, before: { result: t.result }, after: input });
    return { id: taskId, result: input.result, resultName: INSPECTION_RESULT_LABELS[input.result], violationId, grade };
  });
}

/** 一公开: approval of the complete results makes them public. */
export async function publishPlan(ctx: AppContext, actor: Actor, id: string) {
  const p = await planInScope(ctx.db, actor, id);
  if (!nextPlanStatus(p.status as PlanStatus, 'publish')) throw invalid(p.status as PlanStatus, 'publish');
  const results = await ctx.db.selectFrom('inspection_tasks').select('result').where('plan_id', '=', id).execute();
  const check = publishCheck(results.map((r) => r.result));
  if (!check.allowed) throw conflict(check.reason);
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('inspection_plans').set({ status: 'published', approved_by: actor.principal!.id, published_at: at }).where('id', '=', id).where('status', '=', 'drawn').execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'inspection.plan.publish', entityType: 'inspectionPlan', entityId: id, regionId: p.region_id, summary: `审核并公开抽查结果：${p.title}（${results.length}户）` });
  });
  return getPlan(ctx, actor, id);
}

/** The public page: plan, items, the seed and fingerprint, and each target's result — no inspectors, no findings text. */
export async function publicPlans(ctx: AppContext) {
  const plans = await ctx.db.selectFrom('inspection_plans').selectAll().where('status', '=', 'published').orderBy('published_at', 'desc').limit(50).execute();
  return {
    items: await Promise.all(
      plans.map(async (p) => {
        const tasks = await ctx.db.selectFrom('inspection_tasks as t').innerJoin('enterprises as e', 'e.id', 't.enterprise_id').select(['e.name', 'e.uscc', 't.result', 't.inspected_on']).where('t.plan_id', '=', p.id).orderBy('e.name').execute();
        return {
          id: p.id,
          year: p.year,
          title: p.title,
          items: (await itemsOf(ctx.db, JSON.parse(p.item_ids_json) as string[])).map((i) => ({ code: i.code, name: i.name, basis: i.basis })),
          ratio: p.ratio,
          directorySize: p.directory_size,
          seed: p.seed,
          fingerprint: p.fingerprint,
          drawnAt: p.drawn_at,
          publishedAt: p.published_at,
          results: tasks.map((t) => ({ enterpriseName: t.name, uscc: t.uscc, result: t.result, resultName: t.result ? INSPECTION_RESULT_LABELS[t.result as InspectionResult] : null, inspectedOn: t.inspected_on })),
        };
      }),
    ),
  };
}
