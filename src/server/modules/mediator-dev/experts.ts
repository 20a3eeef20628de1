import { z } from 'zod';
import type { Actor, AppContext } from '../../context';
import { AppError, fieldError, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { scopeFilter, whereInScope } from '../../policy/scope';
import { getEnterpriseInScope } from '../../policy/enterprise-scope';
import { audit, parseList } from './common';

/** 专家服务团队: lawyers, judges, arbitrators, scholars (seed 003 二(五)1: 律师、法学教授、退休法官、仲裁员…). */
export const EXPERT_KINDS = { lawyer: '律师', judge: '法官', arbitrator: '仲裁员', scholar: '专家学者', hr: '人力资源管理', other: '其他' } as const;
export const ExpertKind = z.enum(Object.keys(EXPERT_KINDS) as [keyof typeof EXPERT_KINDS, ...(keyof typeof EXPERT_KINDS)[]]);
export const ExpertCreate = z.object({
  name: z.string().trim().min(1, '请填写姓名').max(50),
  kind: ExpertKind,
  employer: z.string().trim().min(1, '请填写工作单位').max(100),
  title: z.string().trim().max(50).optional(),
  specialities: z.array(z.string().trim().min(1).max(30)).min(1, '请填写至少一个专长').max(10),
  phone: z.string().trim().max(30).optional(),
});
export const ExpertUpdate = ExpertCreate.partial().extend({ status: z.enum(['active', 'inactive']).optional() });
export const ExpertQuery = z.object({ q: z.string().trim().max(50).optional(), kind: ExpertKind.optional(), speciality: z.string().trim().max(30).optional() });
export const ExpertAssign = z.object({ targetKind: z.enum(['enterprise', 'case']), targetId: z.string().min(1, '请选择服务对象'), task: z.string().trim().min(1, '请填写服务事项').max(1000) });

const COLS = { region: 'experts.region_id' };
async function find(ctx: AppContext, actor: Actor, action: 'expert.read' | 'expert.manage', id: string) {
  const e = await ctx.db.selectFrom('experts').selectAll().where('id', '=', id).where(whereInScope(scopeFilter(actor.principal, action), COLS)).executeTakeFirst();
  if (!e) throw notFound('专家');
  return e;
}
type Row = Awaited<ReturnType<typeof find>>;
const present = (e: Row, assignments = 0) => ({ id: e.id, regionId: e.region_id, name: e.name, kind: e.kind, kindLabel: EXPERT_KINDS[e.kind as keyof typeof EXPERT_KINDS] ?? e.kind, employer: e.employer, title: e.title, specialities: parseList(e.specialities_json), phone: e.phone, status: e.status, assignments });

export async function listExperts(ctx: AppContext, actor: Actor, q: z.infer<typeof ExpertQuery>) {
  let query = ctx.db.selectFrom('experts').selectAll().where(whereInScope(scopeFilter(actor.principal, 'expert.read'), COLS));
  if (q.q) query = query.where((eb) => eb.or([eb('name', 'like', `%${q.q}%`), eb('employer', 'like', `%${q.q}%`)]));
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (q.speciality) query = query.where('specialities_json', 'like', `%${q.speciality}%`);
  const rows = await query.orderBy('kind').orderBy('name').execute();
  const counts = rows.length ? await ctx.db.selectFrom('expert_assignments').select(['expert_id', (eb) => eb.fn.countAll<number>().as('n')]).where('expert_id', 'in', rows.map((r) => r.id)).groupBy('expert_id').execute() : [];
  return { items: rows.map((e) => present(e, Number(counts.find((c) => c.expert_id === e.id)?.n ?? 0))) };
}

export async function getExpert(ctx: AppContext, actor: Actor, id: string) {
  const e = await find(ctx, actor, 'expert.read', id);
  const a = await ctx.db.selectFrom('expert_assignments').selectAll().where('expert_id', '=', id).orderBy('assigned_on', 'desc').execute();
  return { ...present(e, a.length), assignmentList: a.map((x) => ({ id: x.id, targetKind: x.target_kind, targetId: x.target_id, targetName: x.target_name, assignedOn: x.assigned_on, task: x.task })) };
}

export async function createExpert(ctx: AppContext, actor: Actor, input: z.infer<typeof ExpertCreate>) {
  scopeFilter(actor.principal, 'expert.manage');
  const regionId = actor.principal!.regionId;
  const id = newId();
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('experts').values({ id, region_id: regionId, name: input.name, kind: input.kind, employer: input.employer, title: input.title ?? null, specialities_json: JSON.stringify(input.specialities), phone: input.phone ?? null, status: 'active', created_at: at, updated_at: at }).execute();
    await audit(trx, ctx, actor, { action: 'expert.create', entityType: 'expert', entityId: id, regionId, summary: `专家库新增${EXPERT_KINDS[input.kind]}${input.name}`, after: input });
  });
  return getExpert(ctx, actor, id);
}

export async function updateExpert(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof ExpertUpdate>) {
  const e = await find(ctx, actor, 'expert.manage', id);
  const set = { ...(input.name && { name: input.name }), ...(input.kind && { kind: input.kind }), ...(input.employer && { employer: input.employer }), ...(input.title !== undefined && { title: input.title }), ...(input.specialities && { specialities_json: JSON.stringify(input.specialities) }), ...(input.phone !== undefined && { phone: input.phone }), ...(input.status && { status: input.status }) };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('experts').set({ ...set, updated_at: isoNow(ctx.clock) }).where('id', '=', id).execute();
    await audit(trx, ctx, actor, { action: 'expert.update', entityType: 'expert', entityId: id, regionId: e.region_id, summary: `修改专家${e.name}`, before: present(e), after: input });
  });
  return getExpert(ctx, actor, id);
}

/** Assigns an expert to an enterprise (用工指导) or a case (疑难案件会商); the target must be in the actor's scope. */
export async function assignExpert(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof ExpertAssign>) {
  const e = await find(ctx, actor, 'expert.manage', id);
  if (e.status !== 'active') throw new AppError(409, 'INVALID_TRANSITION', '该专家已停止服务');
  let targetName: string;
  if (input.targetKind === 'enterprise') {
    const ent = await getEnterpriseInScope(ctx.db, actor, 'enterprise.read', input.targetId).catch(() => null);
    if (!ent) throw fieldError('targetId', '企业不存在或不在本辖区');
    targetName = ent.name;
  } else {
    const c = await ctx.db.selectFrom('dispute_cases').select(['case_no', 'respondent_name']).where('id', '=', input.targetId).where(whereInScope(scopeFilter(actor.principal, 'case.read'), { region: 'dispute_cases.region_id', org: 'dispute_cases.org_id' })).executeTakeFirst();
    if (!c) throw fieldError('targetId', '案件不存在或不在本辖区');
    targetName = `${c.case_no}（${c.respondent_name}）`;
  }
  const aid = newId();
  const today = todayInChina(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('expert_assignments').values({ id: aid, region_id: e.region_id, expert_id: id, target_kind: input.targetKind, target_id: input.targetId, target_name: targetName, assigned_on: today, task: input.task, created_by: actor.principal?.id ?? null, created_at: isoNow(ctx.clock) }).execute();
    await audit(trx, ctx, actor, { action: 'expert.assign', entityType: 'expert', entityId: id, regionId: e.region_id, summary: `指派专家${e.name}服务${targetName}`, after: input });
  });
  return { id: aid, expertId: id, targetKind: input.targetKind, targetId: input.targetId, targetName, assignedOn: today, task: input.task };
}
