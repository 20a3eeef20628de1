import { z } from 'zod';
import { addWorkingDays } from '../../../domain/calendar';
import { loadDefaultCalendar } from '../../../domain/calendar/default-holidays';
import {
  allowedEvaluationEvents,
  CREDIT_GRADE_LABELS,
  CreditGrade,
  evaluateGrade,
  EVALUATION_STATUS_LABELS,
  gradeAfterReview,
  INSPECTION_FREQUENCY_LABELS,
  INSPECTIONS_PER_YEAR,
  nextEvaluationStatus,
  OBJECTION_WORKING_DAYS,
  VIOLATION_KIND_LABELS,
  ViolationKind,
  type EvaluationEvent,
  type EvaluationStatus,
  type GradeReason,
} from '../../../domain/credit';
import { IsoDate } from '../../../domain/calendar';
import type { Actor, AppContext } from '../../context';
import type { DbOrTrx } from '../../db';
import type { Selectable } from 'kysely';
import type { CreditEvaluationTable } from '../../db/schema';
import { AppError, conflict, fieldError, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import { getEnterpriseInScope, ENTERPRISE_SCOPE } from '../../policy/enterprise-scope';
import { scopeFilter, whereInScope } from '../../policy/scope';
import { auditActor } from '../audit/actor';
import { insertAudit } from '../audit/repo';
import { applyGrade, recordViolationInTrx, violationFacts, yearPeriod } from './grading';

export const ViolationInput = z.object({
  kind: ViolationKind,
  foundOn: IsoDate,
  description: z.string().trim().min(1, '请填写违法事实').max(2000),
});
export type ViolationInput = z.infer<typeof ViolationInput>;
export const RoundInput = z.object({ year: z.number().int().min(2016).max(2100), title: z.string().trim().max(100).optional() });
export type RoundInput = z.infer<typeof RoundInput>;
export const CloseRoundInput = z.object({ meetingOn: IsoDate, minutes: z.string().trim().min(1, '请填写评价会议纪要').max(5000) });
export type CloseRoundInput = z.infer<typeof CloseRoundInput>;
export const ObjectionInput = z.object({ reason: z.string().trim().min(1, '请填写异议理由').max(2000) });
export type ObjectionInput = z.infer<typeof ObjectionInput>;
export const ReviewInput = z.object({ outcome: z.enum(['upheld', 'rejected']), grade: CreditGrade.optional(), reply: z.string().trim().min(1, '请填写复核意见').max(2000) });
export type ReviewInput = z.infer<typeof ReviewInput>;
export const EvaluationQuery = z.object({ grade: CreditGrade.optional(), status: z.enum(['proposed', 'objected', 'final']).optional() });
export type EvaluationQuery = z.infer<typeof EvaluationQuery>;

const calendar = loadDefaultCalendar();
const gradeActor = (actor: Actor) => ({ id: actor.principal?.id ?? null, name: actor.principal?.displayName ?? null });
const conflictTransition = (status: EvaluationStatus, event: EvaluationEvent) =>
  new AppError(409, 'INVALID_TRANSITION', `当前状态“${EVALUATION_STATUS_LABELS[status]}”不能执行此操作；可执行：${allowedEvaluationEvents(status).join('、') || '无'}`, undefined, { allowed: allowedEvaluationEvents(status), event });

export const gradeView = (grade: string | null) =>
  grade ? { grade, label: CREDIT_GRADE_LABELS[grade as CreditGrade], inspectionsPerYear: INSPECTIONS_PER_YEAR[grade as CreditGrade], inspectionFrequency: INSPECTION_FREQUENCY_LABELS[grade as CreditGrade] } : null;

type EvalRow = Selectable<CreditEvaluationTable> & { enterprise_name?: string };
function presentEvaluation(r: EvalRow, actor: Actor) {
  const status = r.status as EvaluationStatus;
  const isEnterprise = !!actor.principal?.roles.includes('enterprise');
  return {
    id: r.id,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name ?? null,
    roundId: r.round_id,
    kind: r.kind,
    previousGrade: r.previous_grade,
    proposedGrade: r.proposed_grade,
    grade: r.grade,
    reasons: JSON.parse(r.reasons_json) as GradeReason[],
    status,
    statusName: EVALUATION_STATUS_LABELS[status],
    objection: r.objection ? { reason: r.objection, at: r.objection_at, outcome: r.objection_outcome, reply: r.objection_reply, reviewedAt: r.reviewed_at } : null,
    effectiveOn: r.effective_on,
    createdAt: r.created_at,
    abilities: { object: isEnterprise && status === 'proposed', review: !isEnterprise && status === 'objected' },
  };
}

// --- violations ---------------------------------------------------------------------------------------

export async function recordViolation(ctx: AppContext, actor: Actor, enterpriseId: string, input: ViolationInput) {
  await getEnterpriseInScope(ctx.db, actor, 'violation.record', enterpriseId);
  const today = todayInChina(ctx.clock);
  if (input.foundOn > today) throw fieldError('foundOn', '查处日期不能晚于今天');
  const at = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const r = await recordViolationInTrx(trx, { enterpriseId, ...input, source: 'manual' }, today, at, gradeActor(actor));
    await insertAudit(trx, { at, ...auditActor(actor), action: 'violation.record', entityType: 'violation', entityId: r.id, regionId: r.regionId, summary: `记录违法行为：${r.enterpriseName}（${VIOLATION_KIND_LABELS[input.kind]}）${r.evaluationId ? `，等级${r.previousGrade ?? '未评价'}→${r.grade}` : ''}`, after: input });
    return { id: r.id, enterpriseId, kind: input.kind, foundOn: input.foundOn, previousGrade: r.previousGrade, grade: r.grade, downgraded: !!r.evaluationId, evaluationId: r.evaluationId };
  });
}

// --- per enterprise -------------------------------------------------------------------------------------

export async function enterpriseCredit(ctx: AppContext, actor: Actor, enterpriseId: string) {
  const e = await getEnterpriseInScope(ctx.db, actor, 'credit.read', enterpriseId);
  const evals = await ctx.db.selectFrom('credit_evaluations').selectAll().where('enterprise_id', '=', e.id).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  const violations = await ctx.db.selectFrom('labor_violations').selectAll().where('enterprise_id', '=', e.id).orderBy('found_on', 'desc').execute();
  const today = todayInChina(ctx.clock);
  return {
    enterpriseId: e.id,
    enterpriseName: e.name,
    current: gradeView(e.credit_grade),
    gradedOn: e.credit_graded_on,
    /** What the record of this year supports now (for officials preparing the next round). */
    indicated: evaluateGrade(await violationFacts(ctx.db, e.id), yearPeriod(Number(today.slice(0, 4)))),
    history: evals.map((r) => presentEvaluation(r, actor)),
    violations: violations.map((v) => ({ id: v.id, kind: v.kind, kindName: VIOLATION_KIND_LABELS[v.kind as ViolationKind], foundOn: v.found_on, description: v.description, source: v.source, sourceId: v.source_id })),
  };
}

// --- rounds ---------------------------------------------------------------------------------------------

const roundInScope = async (db: DbOrTrx, actor: Actor, id: string) => {
  const r = await db.selectFrom('credit_rounds').selectAll().where('id', '=', id).where(whereInScope(scopeFilter(actor.principal, 'credit.manage'), { region: 'credit_rounds.region_id' })).executeTakeFirst();
  if (!r) throw notFound('评价批次');
  return r;
};

async function roundCounts(db: DbOrTrx, roundId: string) {
  const rows = await db.selectFrom('credit_evaluations').select(['grade', 'status', (eb) => eb.fn.countAll<number>().as('n')]).where('round_id', '=', roundId).groupBy(['grade', 'status']).execute();
  const byGrade = { A: 0, B: 0, C: 0 } as Record<CreditGrade, number>;
  const byStatus = { proposed: 0, objected: 0, final: 0 } as Record<EvaluationStatus, number>;
  for (const r of rows) {
    byGrade[r.grade as CreditGrade] += Number(r.n);
    byStatus[r.status as EvaluationStatus] += Number(r.n);
  }
  return { byGrade, byStatus };
}

type RoundRow = Awaited<ReturnType<typeof roundInScope>>;
const presentRound = async (db: DbOrTrx, r: RoundRow) => ({
  id: r.id,
  regionId: r.region_id,
  year: r.year,
  title: r.title,
  periodFrom: r.period_from,
  periodTo: r.period_to,
  status: r.status,
  notifiedOn: r.notified_on,
  objectionDueOn: r.objection_due_on,
  meetingOn: r.meeting_on,
  minutes: r.minutes,
  createdAt: r.created_at,
  closedAt: r.closed_at,
  counts: await roundCounts(db, r.id),
});

/** Opens a yearly round: every enterprise in the official's region gets a proposed grade from its record. */
export async function createRound(ctx: AppContext, actor: Actor, input: RoundInput) {
  scopeFilter(actor.principal, 'credit.manage');
  const regionId = actor.principal!.regionId;
  const today = todayInChina(ctx.clock);
  const exists = await ctx.db.selectFrom('credit_rounds').select('id').where('region_id', '=', regionId).where('year', '=', input.year).executeTakeFirst();
  if (exists) throw conflict(`${input.year}年度的评价批次已存在`, { id: exists.id });
  const period = yearPeriod(input.year);
  const at = isoNow(ctx.clock);
  const id = newId();
  const enterprises = await ctx.db.selectFrom('enterprises').select(['id', 'region_id', 'credit_grade']).where(whereInScope(scopeFilter(actor.principal, 'credit.manage'), ENTERPRISE_SCOPE)).execute();
  const violations = await ctx.db.selectFrom('labor_violations').select(['id', 'enterprise_id', 'kind', 'found_on']).where('found_on', '>=', period.from).where('found_on', '<=', period.to).execute();
  const byEnterprise = new Map<string, { id: string; kind: ViolationKind; foundOn: string }[]>();
  for (const v of violations) byEnterprise.set(v.enterprise_id, [...(byEnterprise.get(v.enterprise_id) ?? []), { id: v.id, kind: v.kind as ViolationKind, foundOn: v.found_on }]);
  const rows = enterprises.map((e) => {
    const g = evaluateGrade(byEnterprise.get(e.id) ?? [], period);
    return { id: newId(), region_id: e.region_id, enterprise_id: e.id, round_id: id, kind: 'yearly', previous_grade: e.credit_grade, proposed_grade: g.grade, grade: g.grade, reasons_json: JSON.stringify(g.reasons), status: 'proposed', objection: null, objection_at: null, objection_outcome: null, objection_reply: null, reviewed_by: null, reviewed_at: null, effective_on: today, created_at: at, updated_at: at };
  });
  const objectionDue = addWorkingDays(calendar, today, OBJECTION_WORKING_DAYS);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('credit_rounds').values({ id, region_id: regionId, year: input.year, title: input.title ?? `${input.year}年度企业劳动保障守法诚信等级评价`, period_from: period.from, period_to: period.to, status: 'open', notified_on: today, objection_due_on: objectionDue, meeting_on: null, minutes: null, created_by: actor.principal!.id, created_at: at, closed_at: null }).execute();
    for (let i = 0; i < rows.length; i += 200) await trx.insertInto('credit_evaluations').values(rows.slice(i, i + 200)).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'credit.round.create', entityType: 'creditRound', entityId: id, regionId, summary: `启动${input.year}年度守法诚信等级评价（${rows.length}家企业）`, after: input });
  });
  return presentRound(ctx.db, await roundInScope(ctx.db, actor, id));
}

export async function listRounds(ctx: AppContext, actor: Actor) {
  const rows = await ctx.db.selectFrom('credit_rounds').selectAll().where(whereInScope(scopeFilter(actor.principal, 'credit.manage'), { region: 'credit_rounds.region_id' })).orderBy('year', 'desc').execute();
  return { items: await Promise.all(rows.map((r) => presentRound(ctx.db, r))) };
}

export async function getRound(ctx: AppContext, actor: Actor, id: string) {
  return presentRound(ctx.db, await roundInScope(ctx.db, actor, id));
}

export async function listRoundEvaluations(ctx: AppContext, actor: Actor, roundId: string, q: EvaluationQuery & PageQuery) {
  await roundInScope(ctx.db, actor, roundId);
  let query = ctx.db.selectFrom('credit_evaluations as v').innerJoin('enterprises as e', 'e.id', 'v.enterprise_id').where('v.round_id', '=', roundId).where(whereInScope(scopeFilter(actor.principal, 'credit.manage'), { region: 'v.region_id' }));
  if (q.grade) query = query.where('v.grade', '=', q.grade);
  if (q.status) query = query.where('v.status', '=', q.status);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.selectAll('v').select('e.name as enterprise_name').orderBy('v.grade', 'desc').orderBy('e.name').limit(q.pageSize).offset(pageOffset(q)).execute();
  return { items: rows.map((r) => presentEvaluation(r, actor)), total: Number(total), page: q.page, pageSize: q.pageSize };
}

/** Closes a round after the objection period and the evaluating meeting: grades become final and current. */
export async function closeRound(ctx: AppContext, actor: Actor, id: string, input: CloseRoundInput) {
  const r = await roundInScope(ctx.db, actor, id);
  if (r.status !== 'open') throw new AppError(409, 'INVALID_TRANSITION', '评价批次已结束', undefined, { allowed: [] });
  const today = todayInChina(ctx.clock);
  if (r.objection_due_on && today <= r.objection_due_on) throw conflict(`异议期至${r.objection_due_on}截止，期满后方可召开评价会议确定等级`);
  if (input.meetingOn > today) throw fieldError('meetingOn', '会议日期不能晚于今天');
  const { byStatus } = await roundCounts(ctx.db, id);
  if (byStatus.objected > 0) throw conflict(`尚有${byStatus.objected}件企业异议未复核`);
  const at = isoNow(ctx.clock);
  const pending = await ctx.db.selectFrom('credit_evaluations as v').innerJoin('enterprises as e', 'e.id', 'v.enterprise_id').select(['v.id', 'v.grade', 'e.id as enterprise_id', 'e.region_id', 'e.credit_grade']).where('v.round_id', '=', id).execute();
  let changed = 0;
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('credit_evaluations').set({ status: 'final', effective_on: today, updated_at: at }).where('round_id', '=', id).where('status', '=', 'proposed').execute();
    for (const p of pending) if (await applyGrade(trx, { id: p.enterprise_id, region_id: p.region_id, credit_grade: p.credit_grade }, p.grade as CreditGrade, today, at, gradeActor(actor), `${r.title}确定`)) changed++;
    await trx.updateTable('credit_rounds').set({ status: 'closed', meeting_on: input.meetingOn, minutes: input.minutes, closed_at: at }).where('id', '=', id).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'credit.round.close', entityType: 'creditRound', entityId: id, regionId: r.region_id, summary: `确定${r.year}年度守法诚信等级（${pending.length}家，等级变化${changed}家）`, after: input });
  });
  return { ...(await getRound(ctx, actor, id)), changed };
}

// --- objections -----------------------------------------------------------------------------------------

async function evaluationFor(ctx: AppContext, actor: Actor, action: 'credit.object' | 'credit.manage', id: string) {
  const r = await ctx.db.selectFrom('credit_evaluations as v').innerJoin('enterprises as e', 'e.id', 'v.enterprise_id').selectAll('v').select(['e.name as enterprise_name', 'e.credit_grade as current_grade']).where('v.id', '=', id).where(whereInScope(scopeFilter(actor.principal, action), { region: 'v.region_id', enterprise: 'v.enterprise_id' })).executeTakeFirst();
  if (!r) throw notFound('等级评价');
  return r;
}

export async function objectEvaluation(ctx: AppContext, actor: Actor, id: string, input: ObjectionInput) {
  const r = await evaluationFor(ctx, actor, 'credit.object', id);
  const next = nextEvaluationStatus(r.status as EvaluationStatus, 'object');
  if (!next) throw conflictTransition(r.status as EvaluationStatus, 'object');
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('credit_evaluations').set({ status: next, objection: input.reason, objection_at: at, updated_at: at }).where('id', '=', id).where('status', '=', r.status).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'credit.object', entityType: 'creditEvaluation', entityId: id, regionId: r.region_id, summary: `${r.enterprise_name}对${r.grade}级评价提出异议`, after: input });
  });
  return presentEvaluation((await evaluationFor(ctx, actor, 'credit.object', id)) as EvalRow, actor);
}

export async function reviewObjection(ctx: AppContext, actor: Actor, id: string, input: ReviewInput) {
  const r = await evaluationFor(ctx, actor, 'credit.manage', id);
  const next = nextEvaluationStatus(r.status as EvaluationStatus, 'review');
  if (!next) throw conflictTransition(r.status as EvaluationStatus, 'review');
  if (input.outcome === 'upheld' && !input.grade) throw fieldError('grade', '异议成立时请选择复核后的等级');
  const grade = gradeAfterReview(r.proposed_grade as CreditGrade, input.outcome, input.grade);
  const at = isoNow(ctx.clock);
  const today = todayInChina(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('credit_evaluations').set({ status: next, grade, objection_outcome: input.outcome, objection_reply: input.reply, reviewed_by: actor.principal!.id, reviewed_at: at, updated_at: at }).where('id', '=', id).execute();
    // A dynamic adjustment is already current; a yearly one becomes current when its round closes.
    if (r.kind === 'dynamic') await applyGrade(trx, { id: r.enterprise_id, region_id: r.region_id, credit_grade: r.current_grade }, grade, today, at, gradeActor(actor), `异议复核：${input.outcome === 'upheld' ? '异议成立' : '异议不成立'}`);
    await insertAudit(trx, { at, ...auditActor(actor), action: 'credit.review', entityType: 'creditEvaluation', entityId: id, regionId: r.region_id, summary: `复核${r.enterprise_name}的异议：${input.outcome === 'upheld' ? `成立，等级改为${grade}` : '不成立'}`, before: { grade: r.grade }, after: { ...input, grade } });
  });
  return presentEvaluation((await evaluationFor(ctx, actor, 'credit.manage', id)) as EvalRow, actor);
}

/** Objections waiting for review in the official's region (dynamic and yearly). */
export async function listObjections(ctx: AppContext, actor: Actor) {
  const rows = await ctx.db.selectFrom('credit_evaluations as v').innerJoin('enterprises as e', 'e.id', 'v.enterprise_id').selectAll('v').select('e.name as enterprise_name').where('v.status', '=', 'objected').where(whereInScope(scopeFilter(actor.principal, 'credit.manage'), { region: 'v.region_id' })).orderBy('v.objection_at').execute();
  return { items: rows.map((r) => presentEvaluation(r, actor)) };
}

/** Counts by current grade in scope, and the enterprises of a grade (for the credit page). */
export async function gradeOverview(ctx: AppContext, actor: Actor, q: { grade?: CreditGrade } & PageQuery) {
  const base = () => ctx.db.selectFrom('enterprises').where(whereInScope(scopeFilter(actor.principal, 'credit.manage'), ENTERPRISE_SCOPE));
  const counts = await base().select(['credit_grade', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('credit_grade').execute();
  let list = base();
  if (q.grade) list = list.where('credit_grade', '=', q.grade);
  else list = list.where('credit_grade', 'is not', null);
  const { total } = await list.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await list.select(['id', 'name', 'region_id', 'credit_grade', 'credit_graded_on']).orderBy('credit_grade', 'desc').orderBy('name').limit(q.pageSize).offset(pageOffset(q)).execute();
  return {
    counts: { A: 0, B: 0, C: 0, none: 0, ...Object.fromEntries(counts.map((c) => [c.credit_grade ?? 'none', Number(c.n)])) },
    items: rows.map((r) => ({ id: r.id, name: r.name, regionId: r.region_id, grade: r.credit_grade, gradedOn: r.credit_graded_on, ...gradeView(r.credit_grade) })),
    total: Number(total),
    page: q.page,
    pageSize: q.pageSize,
  };
}
