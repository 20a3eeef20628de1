import { z } from 'zod';
import { can, isInRegion } from '../../../domain/access/policy';
import { allowedActions, emptySurvey, hasErrors, nextStatus, SurveyData, validateSurvey, type SurveyAction, type SurveyIssue, type SurveyStatus } from '../../../domain/salary-survey';
import type { Actor, AppContext } from '../../context';
import type { Trx } from '../../db';
import { AppError, badRequest, conflict, fieldError, notFound } from '../../errors';
import { isoNow } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import { getEnterpriseInScope } from '../../policy/enterprise-scope';
import { regionPrefixCondition, scopeFilter, whereInScope } from '../../policy/scope';
import { auditActor } from '../audit/actor';
import { insertAudit } from '../audit/repo';
import { regionNames } from '../outreach/repo';
import { findSurvey, roundFor, surveyActions } from './repo';

const Year = z.number().int().min(2000, '年份不正确').max(2100, '年份不正确');
export const RoundCreate = z.object({
  year: Year,
  minimumMonthlyWage: z.number().positive('请填写当地月最低工资标准').max(100_000),
  minEnterprises: z.number().int().min(1).max(100).default(3),
  sampleMinHeadcount: z.number().int().min(1).max(100_000).default(20),
  deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD'),
});
export type RoundCreate = z.infer<typeof RoundCreate>;
export const FormCreate = z.object({ year: Year });
export type FormCreate = z.infer<typeof FormCreate>;
export const FormSave = z.object({ data: SurveyData, version: z.number().int().optional() });
export type FormSave = z.infer<typeof FormSave>;
export const FormListQuery = z.object({ year: z.coerce.number().int().optional(), status: z.enum(['draft', 'submitted', 'returned', 'accepted']).optional(), regionId: z.string().regex(/^\d{6,15}$/).optional() });
export type FormListQuery = z.infer<typeof FormListQuery>;
export const ReturnBody = z.object({ reason: z.string().trim().min(1, '请填写退回原因').max(1000) });
export type ReturnBody = z.infer<typeof ReturnBody>;
export const AcceptBody = z.object({ note: z.string().trim().max(1000).optional() });
export type AcceptBody = z.infer<typeof AcceptBody>;

const presentRound = (r: NonNullable<Awaited<ReturnType<typeof roundFor>>>) => ({
  id: r.id,
  regionId: r.region_id,
  year: r.year,
  minimumMonthlyWage: Number(r.minimum_monthly_wage),
  minEnterprises: r.min_enterprises,
  sampleMinHeadcount: r.sample_min_headcount,
  deadline: r.deadline,
});

/** Rounds that apply to the actor: configured for their region, above it or below it. */
export async function listRounds(ctx: AppContext, actor: Actor) {
  scopeFilter(actor.principal, 'salarySurvey.read');
  const p = actor.principal!;
  const rows = await ctx.db.selectFrom('salary_survey_rounds').selectAll().orderBy('year', 'desc').execute();
  return { items: rows.filter((r) => p.roles.includes('admin') || isInRegion(p.regionId, r.region_id) || isInRegion(r.region_id, p.regionId)).map(presentRound) };
}

export async function createRound(ctx: AppContext, actor: Actor, input: RoundCreate) {
  const regionId = actor.principal!.regionId;
  if (await ctx.db.selectFrom('salary_survey_rounds').select('id').where('region_id', '=', regionId).where('year', '=', input.year).executeTakeFirst()) throw conflict(`${input.year}年度薪酬调查已开启`);
  const at = isoNow(ctx.clock);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('salary_survey_rounds').values({ id, region_id: regionId, year: input.year, minimum_monthly_wage: input.minimumMonthlyWage, min_enterprises: input.minEnterprises, sample_min_headcount: input.sampleMinHeadcount, deadline: input.deadline, created_by: actor.principal!.id, created_at: at }).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'salarySurvey.round', entityType: 'salarySurveyRound', entityId: id, regionId, summary: `开启${input.year}年度企业薪酬调查`, after: input });
  });
  return presentRound((await ctx.db.selectFrom('salary_survey_rounds').selectAll().where('id', '=', id).executeTakeFirstOrThrow()));
}

type Row = NonNullable<Awaited<ReturnType<typeof findSurvey>>>;
const COLS = { region: 'salary_surveys.region_id', enterprise: 'salary_surveys.enterprise_id' };

async function getInScope(ctx: AppContext, actor: Actor, action: 'salarySurvey.read' | 'salarySurvey.fill' | 'salarySurvey.review', id: string) {
  const r = await ctx.db.selectFrom('salary_surveys').selectAll().where('id', '=', id).where(whereInScope(scopeFilter(actor.principal, action), COLS)).executeTakeFirst();
  if (!r) throw notFound('调查表');
  return r;
}

async function present(ctx: AppContext, actor: Actor, r: Row) {
  const e = await ctx.db.selectFrom('enterprises').select(['name', 'uscc']).where('id', '=', r.enterprise_id).executeTakeFirst();
  const ref = { regionId: r.region_id, enterpriseId: r.enterprise_id };
  const allowed = allowedActions(r.status as SurveyStatus);
  const may = (a: SurveyAction) => allowed.includes(a) && can(actor.principal, a === 'save' || a === 'submit' ? 'salarySurvey.fill' : 'salarySurvey.review', ref);
  return {
    id: r.id,
    year: r.year,
    enterprise: { id: r.enterprise_id, name: e?.name ?? '', uscc: e?.uscc ?? '' },
    regionId: r.region_id,
    industryCode: r.industry_code,
    status: r.status as SurveyStatus,
    data: SurveyData.parse(JSON.parse(r.data_json)),
    issues: JSON.parse(r.issues_json) as SurveyIssue[],
    errorCount: r.error_count,
    warningCount: r.warning_count,
    returnReason: r.return_reason,
    submittedAt: r.submitted_at,
    reviewedAt: r.reviewed_at,
    version: r.version,
    history: (await surveyActions(ctx.db, r.id)).map((a) => ({ action: a.action, from: a.from_status, to: a.to_status, reason: a.reason, actorName: a.actor_name, at: a.at })),
    abilities: { save: may('save'), submit: may('submit'), return: may('return'), accept: may('accept') },
  };
}

export async function getForm(ctx: AppContext, actor: Actor, id: string) {
  return present(ctx, actor, await getInScope(ctx, actor, 'salarySurvey.read', id));
}

export async function listForms(ctx: AppContext, actor: Actor, q: FormListQuery & PageQuery) {
  let query = ctx.db.selectFrom('salary_surveys as s').innerJoin('enterprises as e', 'e.id', 's.enterprise_id').where(whereInScope(scopeFilter(actor.principal, 'salarySurvey.read'), { region: 's.region_id', enterprise: 's.enterprise_id' }));
  if (q.year) query = query.where('s.year', '=', q.year);
  if (q.status) query = query.where('s.status', '=', q.status);
  if (q.regionId) query = query.where(regionPrefixCondition('s.region_id', q.regionId));
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .select(['s.id', 's.year', 's.status', 's.enterprise_id', 's.region_id', 's.industry_code', 's.error_count', 's.warning_count', 's.submitted_at', 's.updated_at', 'e.name'])
    .orderBy('s.year', 'desc')
    .orderBy('s.updated_at', 'desc')
    .orderBy('s.id')
    .limit(q.pageSize)
    .offset(pageOffset(q))
    .execute();
  const names = await regionNames(ctx.db);
  return {
    items: rows.map((r) => ({ id: r.id, year: r.year, status: r.status, enterprise: { id: r.enterprise_id, name: r.name }, regionId: r.region_id, street: names.get(r.region_id.slice(0, 9)) ?? null, industryCode: r.industry_code, errorCount: r.error_count, warningCount: r.warning_count, submittedAt: r.submitted_at, updatedAt: r.updated_at })),
    total: Number(total),
    page: q.page,
    pageSize: q.pageSize,
  };
}

async function lastYearData(ctx: AppContext, enterpriseId: string, year: number) {
  const r = await ctx.db.selectFrom('salary_surveys').select('data_json').where('enterprise_id', '=', enterpriseId).where('year', '=', year - 1).where('status', '=', 'accepted').executeTakeFirst();
  return r ? SurveyData.parse(JSON.parse(r.data_json)) : null;
}

async function issuesFor(ctx: AppContext, r: { region_id: string; year: number; enterprise_id: string }, data: SurveyData) {
  const round = await roundFor(ctx.db, r.region_id, r.year);
  if (!round) throw conflict(`${r.year}年度薪酬调查尚未开启`);
  return validateSurvey(data, { minimumMonthlyWage: Number(round.minimum_monthly_wage), lastYear: await lastYearData(ctx, r.enterprise_id, r.year) });
}

/** The enterprise's form for a year, created as an empty draft on first open (idempotent). */
export async function openForm(ctx: AppContext, actor: Actor, input: FormCreate) {
  const enterpriseId = actor.principal?.enterpriseId;
  if (!enterpriseId) throw notFound('企业');
  const e = await getEnterpriseInScope(ctx.db, actor, 'salarySurvey.fill', enterpriseId);
  const existing = await ctx.db.selectFrom('salary_surveys').selectAll().where('enterprise_id', '=', e.id).where('year', '=', input.year).executeTakeFirst();
  if (existing) return present(ctx, actor, existing);
  const round = await roundFor(ctx.db, e.region_id, input.year);
  if (!round) throw fieldError('year', `${input.year}年度薪酬调查尚未开启`);
  const data = emptySurvey();
  const issues = validateSurvey(data, { minimumMonthlyWage: Number(round.minimum_monthly_wage) });
  const at = isoNow(ctx.clock);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('salary_surveys')
      .values({ id, region_id: e.region_id, round_id: round.id, enterprise_id: e.id, industry_code: e.industry_code, year: input.year, status: 'draft', data_json: JSON.stringify(data), issues_json: JSON.stringify(issues), error_count: issues.filter((i) => i.level === 'error').length, warning_count: issues.filter((i) => i.level === 'warning').length, return_reason: null, submitted_at: null, reviewed_by: null, reviewed_at: null, version: 1, created_at: at, updated_at: at })
      .execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'salarySurvey.open', entityType: 'salarySurvey', entityId: id, regionId: e.region_id, summary: `开始填报${input.year}年度企业薪酬调查` });
  });
  return present(ctx, actor, (await findSurvey(ctx.db, id))!);
}

async function act(ctx: AppContext, actor: Actor, r: Row, action: SurveyAction, set: Record<string, unknown>, reason: string | null, extra?: (trx: Trx) => Promise<void>) {
  const to = nextStatus(r.status as SurveyStatus, action);
  if (!to) {
    const allowed = allowedActions(r.status as SurveyStatus);
    throw new AppError(409, 'INVALID_TRANSITION', `当前状态不能执行此操作；可执行：${allowed.length ? allowed.join('、') : '无'}`, undefined, { allowed });
  }
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const res = await trx.updateTable('salary_surveys').set({ ...set, status: to, version: r.version + 1, updated_at: at }).where('id', '=', r.id).where('version', '=', r.version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('调查表已被他人更新，请刷新后重试');
    if (action !== 'save') {
      await trx.insertInto('salary_survey_actions').values({ id: newId(), region_id: r.region_id, survey_id: r.id, action, from_status: r.status, to_status: to, reason, actor_id: actor.principal?.id ?? null, actor_name: actor.principal?.displayName ?? null, at }).execute();
    }
    await extra?.(trx);
    await insertAudit(trx, { at, ...auditActor(actor), action: `salarySurvey.${action}`, entityType: 'salarySurvey', entityId: r.id, regionId: r.region_id, before: { status: r.status }, after: { status: to, ...(reason ? { reason } : {}) } });
  });
  return present(ctx, actor, (await findSurvey(ctx.db, r.id))!);
}

export async function saveForm(ctx: AppContext, actor: Actor, id: string, input: FormSave) {
  const r = await getInScope(ctx, actor, 'salarySurvey.fill', id);
  if (input.version !== undefined && input.version !== r.version) throw conflict('调查表已在其他窗口更新，请刷新后再保存');
  const issues = await issuesFor(ctx, r, input.data);
  return act(ctx, actor, r, 'save', { data_json: JSON.stringify(input.data), issues_json: JSON.stringify(issues), error_count: issues.filter((i) => i.level === 'error').length, warning_count: issues.filter((i) => i.level === 'warning').length }, null);
}

export async function submitForm(ctx: AppContext, actor: Actor, id: string) {
  const r = await getInScope(ctx, actor, 'salarySurvey.fill', id);
  if (nextStatus(r.status as SurveyStatus, 'submit')) {
    const issues = await issuesFor(ctx, r, SurveyData.parse(JSON.parse(r.data_json)));
    if (hasErrors(issues)) {
      const errors = issues.filter((i) => i.level === 'error');
      throw badRequest(`调查表有${errors.length}处错误，请更正后再提交`, errors.map((i) => ({ field: i.field, message: i.message })));
    }
  }
  return act(ctx, actor, r, 'submit', { submitted_at: isoNow(ctx.clock), return_reason: null }, null);
}

export async function returnForm(ctx: AppContext, actor: Actor, id: string, input: ReturnBody) {
  const r = await getInScope(ctx, actor, 'salarySurvey.review', id);
  return act(ctx, actor, r, 'return', { return_reason: input.reason, reviewed_by: actor.principal!.id, reviewed_at: isoNow(ctx.clock) }, input.reason);
}

export async function acceptForm(ctx: AppContext, actor: Actor, id: string, input: AcceptBody) {
  const r = await getInScope(ctx, actor, 'salarySurvey.review', id);
  return act(ctx, actor, r, 'accept', { reviewed_by: actor.principal!.id, reviewed_at: isoNow(ctx.clock) }, input.note ?? null);
}

export async function formForExport(ctx: AppContext, actor: Actor, id: string) {
  const r = await getInScope(ctx, actor, 'salarySurvey.read', id);
  return { year: r.year, data: SurveyData.parse(JSON.parse(r.data_json)) };
}
