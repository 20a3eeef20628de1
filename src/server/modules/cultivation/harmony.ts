import { z } from 'zod';
import { can, isInRegion } from '../../../domain/access/policy';
import {
  checkScores,
  HARMONY_TRANSITIONS,
  HarmonyLevel,
  HarmonySubject,
  Indicator,
  IndicatorScores,
  suggestedLevel,
  totalScore,
  type HarmonyAction,
  type HarmonyStatus,
} from '../../../domain/enterprise-services/harmony';
import type { Actor, AppContext } from '../../context';
import { AppError, badRequest, conflict, fieldError, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import { getEnterpriseInScope } from '../../policy/enterprise-scope';
import { scopeFilter, whereInScope } from '../../policy/scope';
import { auditActor } from '../audit/actor';
import { insertAudit } from '../audit/repo';
import { regionNames } from '../outreach/repo';

export const IndicatorSetCreate = z.object({
  name: z.string().trim().min(1, '请填写名称').max(100),
  subjectKind: HarmonySubject,
  indicators: z.array(Indicator).min(1, '至少一项指标').max(100),
});
export type IndicatorSetCreate = z.infer<typeof IndicatorSetCreate>;
export const IndicatorSetUpdate = z.object({ name: z.string().trim().min(1).max(100).optional(), active: z.boolean().optional(), indicators: z.array(Indicator).min(1).max(100).optional() });
export type IndicatorSetUpdate = z.infer<typeof IndicatorSetUpdate>;
export const ApplicationCreate = z.object({ indicatorSetId: z.string().min(1, '请选择指标体系'), year: z.number().int().min(2000).max(2100), enterpriseId: z.string().optional(), subjectRegionId: z.string().optional() });
export type ApplicationCreate = z.infer<typeof ApplicationCreate>;
export const ApplicationQuery = z.object({ year: z.coerce.number().int().optional(), status: z.enum(['draft', 'submitted', 'reviewed', 'recognised', 'rejected']).optional() });
export type ApplicationQuery = z.infer<typeof ApplicationQuery>;
export const SelfAssessment = z.object({ scores: IndicatorScores, submit: z.boolean().default(false) });
export type SelfAssessment = z.infer<typeof SelfAssessment>;
export const Review = z.object({ scores: IndicatorScores, comment: z.string().trim().max(2000).optional() });
export type Review = z.infer<typeof Review>;
export const Recognise = z.object({ level: HarmonyLevel.optional(), recognisedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() });
export type Recognise = z.infer<typeof Recognise>;
export const Reject = z.object({ reason: z.string().trim().min(1, '请填写理由').max(1000) });
export type Reject = z.infer<typeof Reject>;
export const HonoursQuery = z.object({ year: z.coerce.number().int().optional(), kind: HarmonySubject.optional(), enterpriseId: z.string().optional() });
export type HonoursQuery = z.infer<typeof HonoursQuery>;

const validateIndicators = (list: Indicator[]) => {
  const codes = new Set<string>();
  list.forEach((i, n) => {
    if (codes.has(i.code)) throw fieldError(`indicators.${n}.code`, `指标编码重复：${i.code}`);
    codes.add(i.code);
  });
};

// --- indicator sets (configuration; a set applies to its region and everything below it) -----------

type SetRow = { id: string; region_id: string; name: string; subject_kind: string; indicators_json: string; active: number };
const presentSet = (s: SetRow) => {
  const indicators = z.array(Indicator).parse(JSON.parse(s.indicators_json));
  return { id: s.id, regionId: s.region_id, name: s.name, subjectKind: s.subject_kind, active: s.active === 1, indicators, maxTotal: indicators.reduce((t, i) => t + i.maxScore, 0) };
};

export async function listIndicatorSets(ctx: AppContext, actor: Actor) {
  scopeFilter(actor.principal, 'harmony.read');
  const p = actor.principal!;
  const rows = await ctx.db.selectFrom('harmony_indicator_sets').selectAll().orderBy('created_at').execute();
  const admin = p.roles.includes('admin');
  return { items: rows.filter((s) => admin || isInRegion(p.regionId, s.region_id) || isInRegion(s.region_id, p.regionId)).map(presentSet) };
}

export async function createIndicatorSet(ctx: AppContext, actor: Actor, input: IndicatorSetCreate) {
  validateIndicators(input.indicators);
  const at = isoNow(ctx.clock);
  const id = newId();
  const regionId = actor.principal!.regionId;
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('harmony_indicator_sets').values({ id, region_id: regionId, name: input.name, subject_kind: input.subjectKind, indicators_json: JSON.stringify(input.indicators), active: 1, created_by: actor.principal!.id, created_at: at, updated_at: at }).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'harmony.configure', entityType: 'harmonyIndicatorSet', entityId: id, regionId, summary: `新建和谐创建指标体系：${input.name}`, after: input });
  });
  return presentSet((await ctx.db.selectFrom('harmony_indicator_sets').selectAll().where('id', '=', id).executeTakeFirstOrThrow()));
}

export async function updateIndicatorSet(ctx: AppContext, actor: Actor, id: string, input: IndicatorSetUpdate) {
  const s = await ctx.db.selectFrom('harmony_indicator_sets').selectAll().where('id', '=', id).where(whereInScope(scopeFilter(actor.principal, 'harmony.configure'), { region: 'harmony_indicator_sets.region_id' })).executeTakeFirst();
  if (!s) throw notFound('指标体系');
  if (input.indicators) {
    validateIndicators(input.indicators);
    const used = await ctx.db.selectFrom('harmony_applications').select('id').where('indicator_set_id', '=', id).executeTakeFirst();
    if (used) throw conflict('已有单位使用该指标体系自评，不能修改指标；请新建指标体系');
  }
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('harmony_indicator_sets')
      .set({ ...(input.name ? { name: input.name } : {}), ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}), ...(input.indicators ? { indicators_json: JSON.stringify(input.indicators) } : {}), updated_at: at })
      .where('id', '=', id)
      .execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'harmony.configure', entityType: 'harmonyIndicatorSet', entityId: id, regionId: s.region_id, after: input });
  });
  return presentSet((await ctx.db.selectFrom('harmony_indicator_sets').selectAll().where('id', '=', id).executeTakeFirstOrThrow()));
}

// --- applications: self-assessment → review → recognition ------------------------------------------

const APP_COLS = { region: 'harmony_applications.region_id', enterprise: 'harmony_applications.enterprise_id' };
type AppRow = NonNullable<Awaited<ReturnType<typeof findApp>>>;
const findApp = (ctx: AppContext, actor: Actor, action: 'harmony.read' | 'harmony.selfAssess' | 'harmony.review', id: string) =>
  ctx.db.selectFrom('harmony_applications').selectAll().where('id', '=', id).where(whereInScope(scopeFilter(actor.principal, action), APP_COLS)).executeTakeFirst();

async function presentApp(ctx: AppContext, actor: Actor, a: AppRow) {
  const set = presentSet(await ctx.db.selectFrom('harmony_indicator_sets').selectAll().where('id', '=', a.indicator_set_id).executeTakeFirstOrThrow());
  const status = a.status as HarmonyStatus;
  const allowed = HARMONY_TRANSITIONS[status] as readonly HarmonyAction[];
  const ref = { regionId: a.region_id, enterpriseId: a.enterprise_id };
  const p = actor.principal;
  return {
    id: a.id,
    regionId: a.region_id,
    subjectKind: a.subject_kind,
    enterpriseId: a.enterprise_id,
    subjectRegionId: a.subject_region_id,
    subjectName: a.subject_name,
    year: a.year,
    status,
    indicatorSet: set,
    selfScores: a.self_json ? IndicatorScores.parse(JSON.parse(a.self_json)) : {},
    selfTotal: a.self_total,
    reviewScores: a.review_json ? IndicatorScores.parse(JSON.parse(a.review_json)) : null,
    reviewTotal: a.review_total,
    reviewComment: a.review_comment,
    suggestedLevel: a.review_total !== null ? suggestedLevel(set.indicators, a.review_total) : null,
    level: a.level,
    recognisedOn: a.recognised_on,
    abilities: {
      selfAssess: allowed.includes('selfAssess') && can(p, 'harmony.selfAssess', ref),
      review: allowed.includes('review') && can(p, 'harmony.review', ref),
      recognise: allowed.includes('recognise') && can(p, 'harmony.review', ref),
      reject: allowed.includes('reject') && can(p, 'harmony.review', ref),
    },
  };
}

export async function listApplications(ctx: AppContext, actor: Actor, q: ApplicationQuery & PageQuery) {
  let query = ctx.db.selectFrom('harmony_applications').where(whereInScope(scopeFilter(actor.principal, 'harmony.read'), APP_COLS));
  if (q.year) query = query.where('year', '=', q.year);
  if (q.status) query = query.where('status', '=', q.status);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('year', 'desc').orderBy('updated_at', 'desc').limit(q.pageSize).offset(pageOffset(q)).execute();
  return {
    items: rows.map((a) => ({ id: a.id, subjectKind: a.subject_kind, subjectName: a.subject_name, year: a.year, status: a.status, selfTotal: a.self_total, reviewTotal: a.review_total, level: a.level, regionId: a.region_id })),
    total: Number(total),
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function getApplication(ctx: AppContext, actor: Actor, id: string) {
  const a = await findApp(ctx, actor, 'harmony.read', id);
  if (!a) throw notFound('创建申报');
  return presentApp(ctx, actor, a);
}

export async function createApplication(ctx: AppContext, actor: Actor, input: ApplicationCreate) {
  const sets = (await listIndicatorSets(ctx, actor)).items;
  const set = sets.find((s) => s.id === input.indicatorSetId && s.active);
  if (!set) throw fieldError('indicatorSetId', '指标体系不存在或已停用');
  let subject: { regionId: string; enterpriseId: string | null; subjectRegionId: string | null; name: string };
  if (set.subjectKind === 'enterprise') {
    const id = input.enterpriseId ?? actor.principal?.enterpriseId;
    if (!id) throw fieldError('enterpriseId', '请选择企业');
    const e = await getEnterpriseInScope(ctx.db, actor, 'harmony.selfAssess', id).catch(() => {
      throw fieldError('enterpriseId', '企业不存在或不在您的管辖范围');
    });
    subject = { regionId: e.region_id, enterpriseId: e.id, subjectRegionId: null, name: e.name };
  } else {
    const r = input.subjectRegionId ? await ctx.db.selectFrom('regions').selectAll().where('id', '=', input.subjectRegionId).executeTakeFirst() : undefined;
    const want = set.subjectKind === 'park' ? ['park'] : ['street', 'town'];
    if (!r || !want.includes(r.level)) throw fieldError('subjectRegionId', set.subjectKind === 'park' ? '请选择工业园区' : '请选择乡镇（街道）');
    if (!can(actor.principal, 'harmony.selfAssess', { regionId: r.id })) throw fieldError('subjectRegionId', '该区域不在您的管辖范围');
    subject = { regionId: r.id, enterpriseId: null, subjectRegionId: r.id, name: r.name };
  }
  const dup = await ctx.db.selectFrom('harmony_applications').select('id').where('subject_kind', '=', set.subjectKind).where('subject_name', '=', subject.name).where('year', '=', input.year).executeTakeFirst();
  if (dup) throw conflict(`${subject.name}${input.year}年度已申报`, { id: dup.id });
  const at = isoNow(ctx.clock);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('harmony_applications')
      .values({ id, region_id: subject.regionId, subject_kind: set.subjectKind, enterprise_id: subject.enterpriseId, subject_region_id: subject.subjectRegionId, subject_name: subject.name, year: input.year, indicator_set_id: set.id, status: 'draft', self_json: null, self_total: null, review_json: null, review_total: null, review_comment: null, level: null, recognised_on: null, reviewer_id: null, created_by: actor.principal!.id, created_at: at, updated_at: at })
      .execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'harmony.apply', entityType: 'harmonyApplication', entityId: id, regionId: subject.regionId, summary: `和谐劳动关系创建申报：${subject.name}（${input.year}年）`, after: input });
  });
  return getApplication(ctx, actor, id);
}

function requireAction(a: AppRow, action: HarmonyAction) {
  const allowed = HARMONY_TRANSITIONS[a.status as HarmonyStatus] as readonly HarmonyAction[];
  if (!allowed.includes(action)) {
    throw new AppError(409, 'INVALID_TRANSITION', `当前状态不能执行此操作；可执行：${allowed.length ? allowed.join('、') : '无'}`, undefined, { allowed });
  }
}

async function transition(ctx: AppContext, actor: Actor, a: AppRow, action: HarmonyAction, set: Record<string, unknown>, summary: string, after: unknown) {
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const res = await trx.updateTable('harmony_applications').set({ ...set, updated_at: at }).where('id', '=', a.id).where('status', '=', a.status).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('申报已被他人更新，请刷新后重试');
    await insertAudit(trx, { at, ...auditActor(actor), action: `harmony.${action}`, entityType: 'harmonyApplication', entityId: a.id, regionId: a.region_id, summary, before: { status: a.status }, after });
  });
  return getApplication(ctx, actor, a.id);
}

export async function saveSelfAssessment(ctx: AppContext, actor: Actor, id: string, input: SelfAssessment) {
  const a = await findApp(ctx, actor, 'harmony.selfAssess', id);
  if (!a) throw notFound('创建申报');
  requireAction(a, input.submit ? 'submit' : 'selfAssess');
  const set = presentSet(await ctx.db.selectFrom('harmony_indicator_sets').selectAll().where('id', '=', a.indicator_set_id).executeTakeFirstOrThrow());
  const problems = checkScores(set.indicators, input.scores, input.submit);
  if (problems.length) throw badRequest(problems[0]!.message, problems);
  const total = totalScore(set.indicators, input.scores);
  return transition(ctx, actor, a, input.submit ? 'submit' : 'selfAssess', { self_json: JSON.stringify(input.scores), self_total: total, ...(input.submit ? { status: 'submitted' } : {}) }, `${a.subject_name}自评${total}分${input.submit ? '并提交' : ''}`, { selfTotal: total });
}

export async function review(ctx: AppContext, actor: Actor, id: string, input: Review) {
  const a = await findApp(ctx, actor, 'harmony.review', id);
  if (!a) throw notFound('创建申报');
  requireAction(a, 'review');
  const set = presentSet(await ctx.db.selectFrom('harmony_indicator_sets').selectAll().where('id', '=', a.indicator_set_id).executeTakeFirstOrThrow());
  const problems = checkScores(set.indicators, input.scores, true);
  if (problems.length) throw badRequest(problems[0]!.message, problems);
  const total = totalScore(set.indicators, input.scores);
  return transition(ctx, actor, a, 'review', { status: 'reviewed', review_json: JSON.stringify(input.scores), review_total: total, review_comment: input.comment ?? null, reviewer_id: actor.principal!.id }, `评审${a.subject_name}：${total}分`, { reviewTotal: total });
}

const LEVEL_RANK = { AAA: 3, AA: 2, A: 1 } as const;
export async function recognise(ctx: AppContext, actor: Actor, id: string, input: Recognise) {
  const a = await findApp(ctx, actor, 'harmony.review', id);
  if (!a) throw notFound('创建申报');
  requireAction(a, 'recognise');
  const set = presentSet(await ctx.db.selectFrom('harmony_indicator_sets').selectAll().where('id', '=', a.indicator_set_id).executeTakeFirstOrThrow());
  const earned = suggestedLevel(set.indicators, a.review_total ?? 0);
  if (!earned) throw new AppError(409, 'INVALID_TRANSITION', `评审得分${a.review_total}分未达到命名标准（70分）；可执行：reject`);
  const level = input.level ?? earned;
  if (LEVEL_RANK[level] > LEVEL_RANK[earned]) throw fieldError('level', `评审得分只够命名为${earned}级`);
  const on = input.recognisedOn ?? todayInChina(ctx.clock);
  return transition(ctx, actor, a, 'recognise', { status: 'recognised', level, recognised_on: on }, `命名${a.subject_name}为${a.year}年度${level}级劳动关系和谐单位`, { level, recognisedOn: on });
}

export async function reject(ctx: AppContext, actor: Actor, id: string, input: Reject) {
  const a = await findApp(ctx, actor, 'harmony.review', id);
  if (!a) throw notFound('创建申报');
  requireAction(a, 'reject');
  return transition(ctx, actor, a, 'reject', { status: 'rejected', review_comment: input.reason }, `${a.subject_name}不予命名`, input);
}

/** The public honours list: recognised units only, no scores or contacts. */
export async function listHonours(ctx: AppContext, q: HonoursQuery) {
  let query = ctx.db.selectFrom('harmony_applications').where('status', '=', 'recognised');
  if (q.year) query = query.where('year', '=', q.year);
  if (q.kind) query = query.where('subject_kind', '=', q.kind);
  if (q.enterpriseId) query = query.where('enterprise_id', '=', q.enterpriseId);
  const rows = await query.select(['id', 'subject_kind', 'subject_name', 'enterprise_id', 'region_id', 'year', 'level', 'recognised_on']).orderBy('year', 'desc').orderBy('level', 'desc').orderBy('subject_name').limit(500).execute();
  const names = await regionNames(ctx.db);
  return { items: rows.map((r) => ({ id: r.id, subjectKind: r.subject_kind, name: r.subject_name, enterpriseId: r.enterprise_id, regionName: names.get(r.region_id.slice(0, 9)) ?? names.get(r.region_id) ?? null, year: r.year, level: r.level, recognisedOn: r.recognised_on })) };
}
