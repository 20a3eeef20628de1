import { z } from 'zod';
import { checkMarks } from '../../../domain/rosters/recognition';
import { STANDARDIZATION_GROUPS, STANDARDIZATION_PASS, standardizationResult } from '../../../domain/rosters/standardization';
import type { Actor, AppContext } from '../../context';
import type { DbOrTrx } from '../../db';
import { AppError, badRequest, conflict, fieldError, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { scopeFilter, whereInScope } from '../../policy/scope';
import { auditActor } from '../audit/actor';
import { insertAudit } from '../audit/repo';

export const AssessmentCreate = z.object({ orgId: z.string().min(1, '请选择调解组织'), year: z.number().int().min(2000).max(2100) });
export const AssessmentQuery = z.object({ year: z.coerce.number().int().optional() });
export const AssessmentScore = z.object({ scores: z.record(z.string(), z.number()), comment: z.string().trim().max(1000).optional() });
export const AssessmentDecide = z.object({ recognise: z.boolean(), note: z.string().trim().max(1000).optional() });
export const NationalRecommendation = z.object({ note: z.string().trim().min(10, '请写明推荐理由（至少10个字）').max(2000) });
export const PublicationPut = z.object({ rules: z.string().trim().min(1, '请填写工作制度').max(20000), procedures: z.string().trim().min(1, '请填写调解程序').max(20000) });

const COLS = { region: 'mediation_assessments.region_id', org: 'mediation_assessments.org_id' };
type Action = 'mediationAssessment.read' | 'mediationAssessment.manage' | 'mediationAssessment.score';
async function find(db: DbOrTrx, actor: Actor, action: Action, id: string) {
  const a = await db.selectFrom('mediation_assessments').selectAll().where('id', '=', id).where(whereInScope(scopeFilter(actor.principal, action), COLS)).executeTakeFirst();
  if (!a) throw notFound('规范化评估');
  return a;
}
const sheetsOf = async (db: DbOrTrx, id: string) => (await db.selectFrom('mediation_assessment_scores').selectAll().where('assessment_id', '=', id).execute()).map((s) => ({ reviewerId: s.reviewer_id, reviewerName: s.reviewer_name, marks: JSON.parse(s.scores_json) as Record<string, number>, total: s.total, comment: s.comment }));

export async function listAssessments(ctx: AppContext, actor: Actor, q: z.infer<typeof AssessmentQuery>) {
  let query = ctx.db.selectFrom('mediation_assessments').innerJoin('mediation_orgs as o', 'o.id', 'mediation_assessments.org_id').selectAll('mediation_assessments').select(['o.name as org_name', 'o.standardized_on']).where(whereInScope(scopeFilter(actor.principal, 'mediationAssessment.read'), COLS));
  if (q.year) query = query.where('mediation_assessments.year', '=', q.year);
  const rows = await query.orderBy('mediation_assessments.year', 'desc').orderBy('o.name').execute();
  const orgs = await ctx.db.selectFrom('mediation_orgs').select(['id', 'name', 'standardized_on']).where(whereInScope(scopeFilter(actor.principal, 'mediationAssessment.read'), { region: 'mediation_orgs.region_id', org: 'mediation_orgs.id' })).orderBy('name').execute();
  return { groups: STANDARDIZATION_GROUPS, passScore: STANDARDIZATION_PASS, orgs: orgs.map((o) => ({ id: o.id, name: o.name, standardizedOn: o.standardized_on })), items: await Promise.all(rows.map(async (a) => ({ id: a.id, orgId: a.org_id, orgName: a.org_name, year: a.year, status: a.status, standardizedOn: a.standardized_on, nationalRecommendedOn: a.national_recommended_on, ...standardizationResult(await sheetsOf(ctx.db, a.id)) }))) };
}

export async function getAssessment(ctx: AppContext, actor: Actor, id: string) {
  const a = await find(ctx.db, actor, 'mediationAssessment.read', id);
  const org = await ctx.db.selectFrom('mediation_orgs').select(['name', 'standardized_on']).where('id', '=', a.org_id).executeTakeFirstOrThrow();
  const sheets = await sheetsOf(ctx.db, id);
  return { id: a.id, orgId: a.org_id, orgName: org.name, year: a.year, status: a.status, decidedOn: a.decided_on, decisionNote: a.decision_note, nationalRecommendedOn: a.national_recommended_on, nationalRecommendationNote: a.national_recommendation_note, standardizedOn: org.standardized_on, groups: STANDARDIZATION_GROUPS, passScore: STANDARDIZATION_PASS, result: standardizationResult(sheets), sheets: sheets.map((s) => ({ reviewerName: s.reviewerName, scores: s.marks, total: s.total, comment: s.comment, mine: s.reviewerId === actor.principal?.id })) };
}

export async function createAssessment(ctx: AppContext, actor: Actor, input: z.infer<typeof AssessmentCreate>) {
  const org = await ctx.db.selectFrom('mediation_orgs').select(['id', 'name', 'region_id']).where('id', '=', input.orgId).where(whereInScope(scopeFilter(actor.principal, 'mediationAssessment.manage'), { region: 'mediation_orgs.region_id' })).executeTakeFirst();
  if (!org) throw fieldError('orgId', '调解组织不存在或不在本辖区');
  if (await ctx.db.selectFrom('mediation_assessments').select('id').where('org_id', '=', org.id).where('year', '=', input.year).executeTakeFirst()) throw conflict(`${org.name}已有${input.year}年度规范化评估`);
  const id = newId();
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('mediation_assessments').values({ id, region_id: org.region_id, org_id: org.id, year: input.year, status: 'scoring', score: null, decided_on: null, decision_note: null, created_by: actor.principal!.id, created_at: at, updated_at: at }).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'mediationAssessment.create', entityType: 'mediationAssessment', entityId: id, regionId: org.region_id, summary: `启动${org.name}${input.year}年度规范化评估`, after: input });
  });
  return getAssessment(ctx, actor, id);
}

export async function scoreAssessment(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof AssessmentScore>) {
  const a = await find(ctx.db, actor, 'mediationAssessment.score', id);
  if (a.status !== 'scoring') throw new AppError(409, 'INVALID_TRANSITION', '评估已作出认定，不能再打分');
  const p = checkMarks(STANDARDIZATION_GROUPS, input.scores);
  if (p.length) throw badRequest(p[0]!.message, p);
  const me = actor.principal!;
  const total = standardizationResult([{ reviewerId: me.id, marks: input.scores }]).score!;
  const before = await ctx.db.selectFrom('mediation_assessment_scores').selectAll().where('assessment_id', '=', id).where('reviewer_id', '=', me.id).executeTakeFirst();
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    if (before) await trx.updateTable('mediation_assessment_scores').set({ scores_json: JSON.stringify(input.scores), total, comment: input.comment ?? null, updated_at: at }).where('id', '=', before.id).execute();
    else await trx.insertInto('mediation_assessment_scores').values({ id: newId(), region_id: a.region_id, assessment_id: id, reviewer_id: me.id, reviewer_name: me.displayName, scores_json: JSON.stringify(input.scores), total, comment: input.comment ?? null, created_at: at, updated_at: at }).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'mediationAssessment.score', entityType: 'mediationAssessment', entityId: id, regionId: a.region_id, summary: `规范化评估打分 ${total}分`, before: before ? { scores: JSON.parse(before.scores_json) as unknown, total: before.total } : undefined, after: { scores: input.scores, total, comment: input.comment } });
  });
  return getAssessment(ctx, actor, id);
}

/** The yearly recognition: a standardized organisation gets `standardized_on` (the existing indicator counts it). */
export async function decideAssessment(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof AssessmentDecide>) {
  const a = await find(ctx.db, actor, 'mediationAssessment.manage', id);
  if (a.status !== 'scoring') throw new AppError(409, 'INVALID_TRANSITION', '评估已作出认定');
  const result = standardizationResult(await sheetsOf(ctx.db, id));
  if (result.reviewers === 0) throw conflict('尚无评审打分，不能认定');
  if (input.recognise && !result.passes) throw conflict(`未达到认定条件：${result.reasons.join('；')}`);
  const at = isoNow(ctx.clock);
  const today = todayInChina(ctx.clock);
  const status = input.recognise ? 'recognised' : 'not_recognised';
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('mediation_assessments').set({ status, score: result.score, decided_on: today, decision_note: input.note ?? null, updated_at: at }).where('id', '=', id).execute();
    if (input.recognise) await trx.updateTable('mediation_orgs').set({ standardized_on: today }).where('id', '=', a.org_id).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'mediationAssessment.decide', entityType: 'mediationAssessment', entityId: id, regionId: a.region_id, summary: input.recognise ? `认定为规范化调解组织（${result.score}分）` : `不予认定（${result.score}分）`, before: { status: a.status }, after: { status, score: result.score, groupMeans: result.groupMeans, note: input.note } });
  });
  return getAssessment(ctx, actor, id);
}

/**
 * Recommends a recognised organisation to the national "gold" list (全国金牌调解组织推荐): only after this
 * year's recognition as standardized, once per assessment.
 */
export async function recommendNational(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof NationalRecommendation>) {
  const a = await find(ctx.db, actor, 'mediationAssessment.manage', id);
  if (a.status !== 'recognised') throw new AppError(409, 'INVALID_TRANSITION', '只有已认定为规范化的调解组织才能推荐');
  if (a.national_recommended_on) throw conflict(`已于${a.national_recommended_on}推荐`);
  const at = isoNow(ctx.clock);
  const today = todayInChina(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('mediation_assessments').set({ national_recommended_on: today, national_recommendation_note: input.note, updated_at: at }).where('id', '=', id).where('national_recommended_on', 'is', null).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw conflict('已推荐，请刷新');
    await insertAudit(trx, { at, ...auditActor(actor), action: 'mediationAssessment.recommendNational', entityType: 'mediationAssessment', entityId: id, regionId: a.region_id, summary: `推荐参评全国金牌调解组织（${a.year}年度）`, after: input });
  });
  return getAssessment(ctx, actor, id);
}

export async function putPublication(ctx: AppContext, actor: Actor, orgId: string, input: z.infer<typeof PublicationPut>) {
  const org = await ctx.db.selectFrom('mediation_orgs').select(['id', 'region_id']).where('id', '=', orgId).where(whereInScope(scopeFilter(actor.principal, 'mediationOrg.publish'), { region: 'mediation_orgs.region_id', org: 'mediation_orgs.id' })).executeTakeFirst();
  if (!org) throw notFound('调解组织');
  const before = await ctx.db.selectFrom('mediation_org_publications').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    if (before) await trx.updateTable('mediation_org_publications').set({ rules: input.rules, procedures: input.procedures, updated_by: actor.principal!.id, updated_at: at }).where('id', '=', before.id).execute();
    else await trx.insertInto('mediation_org_publications').values({ id: newId(), region_id: org.region_id, org_id: orgId, rules: input.rules, procedures: input.procedures, updated_by: actor.principal!.id, updated_at: at }).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'mediationOrg.publish', entityType: 'mediationOrg', entityId: orgId, regionId: org.region_id, summary: '更新上墙公布内容', before: before ? { rules: before.rules, procedures: before.procedures } : undefined, after: input });
  });
  return publicOrgPage(ctx, orgId);
}

/** 上墙公布 as a public page: the organisation, its rules and procedures, and its serving mediators. */
export async function publicOrgPage(ctx: AppContext, orgId: string) {
  const org = await ctx.db.selectFrom('mediation_orgs').selectAll().where('id', '=', orgId).executeTakeFirst();
  if (!org) throw notFound('调解组织');
  const pub = await ctx.db.selectFrom('mediation_org_publications').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  const mediators = await ctx.db.selectFrom('mediators').select(['id', 'name', 'specialities', 'certificate_no']).where('org_id', '=', orgId).where('status', '=', 'active').orderBy('name').execute();
  return {
    id: org.id, name: org.name, address: org.address, hours: org.hours, phone: org.phone, standardizedOn: org.standardized_on, goldOn: org.gold_on,
    rules: pub?.rules ?? null, procedures: pub?.procedures ?? null, updatedAt: pub?.updated_at ?? null,
    mediators: mediators.map((m) => ({ id: m.id, name: m.name, specialities: JSON.parse(m.specialities) as string[], certificateNo: m.certificate_no })),
  };
}
