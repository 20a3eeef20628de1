import { z } from 'zod';
import { can } from '../../../domain/access/policy';
import { ActivityKind, AssessmentResult, CultivationPartner, cultivationStatus } from '../../../domain/enterprise-services/cultivation';
import type { Actor, AppContext } from '../../context';
import { AppError, conflict, fieldError, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import { ENTERPRISE_SCOPE, getEnterpriseInScope } from '../../policy/enterprise-scope';
import { scopeFilter, whereInScope } from '../../policy/scope';
import { auditActor } from '../audit/actor';
import { insertAudit } from '../audit/repo';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD');
export const CultivationQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), partner: CultivationPartner.optional() });
export type CultivationQuery = z.infer<typeof CultivationQuery>;
export const CultivationCreate = z.object({
  enterpriseId: z.string().min(1, '请选择企业'),
  year: z.number().int().min(2000).max(2100),
  partner: CultivationPartner,
  diagnosis: z.string().trim().min(1, '请填写用工诊断').max(5000),
  officerUserId: z.string().optional(),
});
export type CultivationCreate = z.infer<typeof CultivationCreate>;
export const CultivationUpdate = z.object({ diagnosis: z.string().trim().min(1).max(5000).optional(), plan: z.string().trim().min(1, '请填写培育方案').max(10_000).optional() });
export type CultivationUpdate = z.infer<typeof CultivationUpdate>;
export const ActivityCreate = z.object({ kind: ActivityKind, heldOn: isoDate, topic: z.string().trim().min(1, '请填写主题').max(200), note: z.string().trim().max(2000).optional(), participants: z.number().int().min(0).max(100_000).optional() });
export type ActivityCreate = z.infer<typeof ActivityCreate>;
export const AssessmentCreate = z.object({ score: z.number().int().min(0).max(100), result: AssessmentResult, note: z.string().trim().max(2000).optional() });
export type AssessmentCreate = z.infer<typeof AssessmentCreate>;

export const CandidateQuery = z.object({ q: z.string().trim().min(1, '请输入企业名称').max(50) });
export type CandidateQuery = z.infer<typeof CandidateQuery>;

/** Enterprises in the actor's scope whose name matches, for pairing (at most 20). */
export async function cultivationCandidates(ctx: AppContext, actor: Actor, q: CandidateQuery) {
  const rows = await ctx.db
    .selectFrom('enterprises')
    .select(['id', 'name', 'region_id', 'headcount'])
    .where(whereInScope(scopeFilter(actor.principal, 'cultivation.manage'), ENTERPRISE_SCOPE))
    .where('name', 'like', `%${q.q}%`)
    .orderBy('name')
    .limit(20)
    .execute();
  return { items: rows.map((r) => ({ id: r.id, name: r.name, regionId: r.region_id, headcount: r.headcount })) };
}

const COLS = { region: 'c.region_id', assigned: 'c.officer_user_id', enterprise: 'c.enterprise_id' };

function baseQuery(ctx: AppContext, actor: Actor, action: 'cultivation.read' | 'cultivation.manage') {
  return ctx.db
    .selectFrom('cultivations as c')
    .innerJoin('enterprises as e', 'e.id', 'c.enterprise_id')
    .leftJoin('org_units as o', 'o.id', 'c.partner_org_unit_id')
    .leftJoin('users as u', 'u.id', 'c.officer_user_id')
    .where(whereInScope(scopeFilter(actor.principal, action), COLS));
}
const FIELDS = ['c.id', 'c.region_id', 'c.enterprise_id', 'c.year', 'c.partner', 'c.partner_org_unit_id', 'c.officer_user_id', 'c.diagnosis', 'c.plan', 'c.assessment_score', 'c.assessment_result', 'c.assessment_note', 'c.assessed_at', 'c.created_at', 'e.name as enterprise_name', 'o.name as partner_name', 'u.display_name as officer_name'] as const;

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['select']>['executeTakeFirstOrThrow']> & Record<string, unknown>;

async function activityCounts(ctx: AppContext, ids: string[]) {
  if (!ids.length) return new Map<string, number>();
  const rows = await ctx.db.selectFrom('cultivation_activities').select((eb) => ['cultivation_id', eb.fn.countAll<number>().as('n')]).where('cultivation_id', 'in', ids).groupBy('cultivation_id').execute();
  return new Map(rows.map((r) => [r.cultivation_id, Number(r.n)]));
}

function present(r: Row, activityCount: number, actor: Actor) {
  const ref = { regionId: r.region_id as string, assignedUserId: r.officer_user_id as string | null, enterpriseId: r.enterprise_id as string };
  const status = cultivationStatus({ plan: r.plan as string | null, activityCount, assessedAt: r.assessed_at as string | null });
  const manage = status !== 'assessed' && can(actor.principal, 'cultivation.manage', ref);
  return {
    id: r.id as string,
    regionId: r.region_id as string,
    enterprise: { id: r.enterprise_id as string, name: r.enterprise_name as string },
    year: r.year as number,
    partner: r.partner as string,
    partnerOrgUnit: { id: r.partner_org_unit_id as string, name: (r.partner_name as string | null) ?? '' },
    officer: r.officer_user_id ? { id: r.officer_user_id as string, name: (r.officer_name as string | null) ?? '' } : null,
    diagnosis: r.diagnosis as string,
    plan: r.plan as string | null,
    status,
    activityCount,
    assessment: r.assessed_at ? { score: r.assessment_score as number, result: r.assessment_result as string, note: r.assessment_note as string | null, assessedAt: r.assessed_at as string } : null,
    abilities: { edit: manage, addActivity: manage, assess: manage && !!r.plan && activityCount > 0 },
  };
}

export async function listCultivations(ctx: AppContext, actor: Actor, q: CultivationQuery & PageQuery) {
  let query = baseQuery(ctx, actor, 'cultivation.read');
  if (q.year) query = query.where('c.year', '=', q.year);
  if (q.partner) query = query.where('c.partner', '=', q.partner);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = (await query.select([...FIELDS]).orderBy('c.year', 'desc').orderBy('c.partner').orderBy('c.id').limit(q.pageSize).offset(pageOffset(q)).execute()) as Row[];
  const counts = await activityCounts(ctx, rows.map((r) => r.id as string));
  return { items: rows.map((r) => present(r, counts.get(r.id as string) ?? 0, actor)), total: Number(total), page: q.page, pageSize: q.pageSize };
}

async function getRow(ctx: AppContext, actor: Actor, action: 'cultivation.read' | 'cultivation.manage', id: string) {
  const r = (await baseQuery(ctx, actor, action).select([...FIELDS]).where('c.id', '=', id).executeTakeFirst()) as Row | undefined;
  if (!r) throw notFound('培育记录');
  return r;
}

export async function getCultivation(ctx: AppContext, actor: Actor, id: string) {
  const r = await getRow(ctx, actor, 'cultivation.read', id);
  const acts = await ctx.db.selectFrom('cultivation_activities').selectAll().where('cultivation_id', '=', id).orderBy('held_on').orderBy('id').execute();
  return {
    ...present(r, acts.length, actor),
    activities: acts.map((a) => ({ id: a.id, kind: a.kind, heldOn: a.held_on, topic: a.topic, note: a.note, participants: a.participants, createdAt: a.created_at })),
  };
}

export async function createCultivation(ctx: AppContext, actor: Actor, input: CultivationCreate) {
  const e = await getEnterpriseInScope(ctx.db, actor, 'cultivation.manage', input.enterpriseId).catch(() => {
    throw fieldError('enterpriseId', '企业不存在或不在您的管辖范围');
  });
  const partnerUnit = await ctx.db.selectFrom('org_units').select(['id', 'region_id']).where('kind', '=', input.partner).orderBy('region_id', 'desc').execute();
  const unit = partnerUnit.find((u) => e.region_id.startsWith(u.region_id));
  if (!unit) throw fieldError('partner', '该区域没有对应的结对单位');
  if (input.officerUserId && !(await ctx.db.selectFrom('users').select('id').where('id', '=', input.officerUserId).executeTakeFirst())) throw fieldError('officerUserId', '指导人员不存在');
  const dup = await ctx.db.selectFrom('cultivations').select('id').where('enterprise_id', '=', e.id).where('year', '=', input.year).where('partner', '=', input.partner).executeTakeFirst();
  if (dup) throw conflict('该单位本年度已与此企业结对', { id: dup.id });
  const at = isoNow(ctx.clock);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('cultivations')
      .values({ id, region_id: e.region_id, enterprise_id: e.id, year: input.year, partner: input.partner, partner_org_unit_id: unit.id, officer_user_id: input.officerUserId ?? actor.principal!.id, diagnosis: input.diagnosis, plan: null, status: 'diagnosed', assessment_score: null, assessment_result: null, assessment_note: null, assessed_at: null, created_by: actor.principal!.id, created_at: at, updated_at: at })
      .execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'cultivation.create', entityType: 'cultivation', entityId: id, regionId: e.region_id, summary: `一对一培育结对：${e.name}（${input.year}年）`, after: { partner: input.partner, year: input.year } });
  });
  return getCultivation(ctx, actor, id);
}

async function mutable(ctx: AppContext, actor: Actor, id: string) {
  const r = await getRow(ctx, actor, 'cultivation.manage', id);
  if (r.assessed_at) throw new AppError(409, 'INVALID_TRANSITION', '培育已评估，不能再修改');
  return r;
}

export async function updateCultivation(ctx: AppContext, actor: Actor, id: string, input: CultivationUpdate) {
  const r = await mutable(ctx, actor, id);
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('cultivations').set({ ...(input.diagnosis ? { diagnosis: input.diagnosis } : {}), ...(input.plan ? { plan: input.plan } : {}), updated_at: at }).where('id', '=', id).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'cultivation.update', entityType: 'cultivation', entityId: id, regionId: r.region_id as string, before: { diagnosis: r.diagnosis, plan: r.plan }, after: input });
  });
  return getCultivation(ctx, actor, id);
}

export async function addActivity(ctx: AppContext, actor: Actor, id: string, input: ActivityCreate) {
  const r = await mutable(ctx, actor, id);
  if (input.heldOn > todayInChina(ctx.clock)) throw fieldError('heldOn', '日期不能晚于今天');
  const at = isoNow(ctx.clock);
  const aid = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('cultivation_activities').values({ id: aid, region_id: r.region_id as string, cultivation_id: id, kind: input.kind, held_on: input.heldOn, topic: input.topic, note: input.note ?? null, participants: input.participants ?? null, created_by: actor.principal!.id, created_at: at }).execute();
    await trx.updateTable('cultivations').set({ status: 'in_progress', updated_at: at }).where('id', '=', id).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'cultivation.activity', entityType: 'cultivation', entityId: id, regionId: r.region_id as string, summary: `${input.kind === 'visit' ? '走访指导' : '专题培训'}：${input.topic}`, after: input });
  });
  return getCultivation(ctx, actor, id);
}

export async function assess(ctx: AppContext, actor: Actor, id: string, input: AssessmentCreate) {
  const r = await mutable(ctx, actor, id);
  const n = (await activityCounts(ctx, [id])).get(id) ?? 0;
  if (!r.plan || n === 0) throw new AppError(409, 'INVALID_TRANSITION', `评估前需先${!r.plan ? '制定培育方案' : '登记至少一次走访或培训'}`);
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('cultivations').set({ status: 'assessed', assessment_score: input.score, assessment_result: input.result, assessment_note: input.note ?? null, assessed_at: at, updated_at: at }).where('id', '=', id).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'cultivation.assess', entityType: 'cultivation', entityId: id, regionId: r.region_id as string, summary: `培育评估：${input.score}分`, after: input });
  });
  return getCultivation(ctx, actor, id);
}
