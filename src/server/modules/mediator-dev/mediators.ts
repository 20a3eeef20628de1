import { sql } from 'kysely';
import { z } from 'zod';
import { checkAppointment, DISMISSAL_GROUNDS, DismissalGround, expiringTerms, MediatorGrade, servingOn, suggestMediatorGrade, type DismissalGround as Ground, type TermLike, YEARLY_TRAINING_HOURS } from '../../../domain/mediation/development';
import type { Actor, AppContext } from '../../context';
import type { DbOrTrx } from '../../db';
import { AppError, conflict, fieldError, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import { scopeFilter, whereInScope } from '../../policy/scope';
import { GRADE_LABELS } from '../rosters/labels';
import { mediatorCaseStats, mediatorCaseStatsMany } from '../rosters/case-stats';
import { audit, findMediator, IsoDate, parseList, problems } from './common';

export const RosterQuery = z.object({ q: z.string().trim().max(50).optional(), orgId: z.string().optional(), status: z.enum(['active', 'left']).optional(), year: z.coerce.number().int().min(2000).max(2100).optional() });
export const TermCreate = z.object({ termStart: IsoDate, termEnd: IsoDate, documentNo: z.string().trim().max(50).optional(), birthDate: IsoDate.optional() });
export const TermDismiss = z.object({ dismissedOn: IsoDate, ground: DismissalGround, reason: z.string().trim().min(1, '请填写解聘事由').max(1000) });
export const MediatorTrainingCreate = z.object({ course: z.string().trim().min(1, '请填写课程').max(200), hours: z.number().positive('学时须大于0').max(500), trainedOn: IsoDate });
export const RewardCreate = z.object({ kind: z.enum(['reward', 'penalty']), title: z.string().trim().min(1, '请填写奖惩名称').max(200), decidedOn: IsoDate, note: z.string().trim().max(1000).optional() });
export const MediatorEvaluationPut = z.object({ grade: MediatorGrade, comment: z.string().trim().max(1000).optional() });
export const CaseMediatorPut = z.object({ mediatorId: z.string().min(1, '请选择调解员') });

const termOf = (t: { id: string; term_start: string; term_end: string; status: string; dismissed_on: string | null }): TermLike & { id: string } => ({ id: t.id, termStart: t.term_start, termEnd: t.term_end, status: t.status as TermLike['status'], dismissedOn: t.dismissed_on });
const termsOf = (db: DbOrTrx, ids: readonly string[]) => (ids.length ? db.selectFrom('mediator_terms').selectAll().where('mediator_id', 'in', [...ids]).orderBy('term_start').execute() : Promise.resolve([]));
const hoursIn = async (db: DbOrTrx, id: string, year: number) => Number((await db.selectFrom('mediator_trainings').select((eb) => eb.fn.sum<number>('hours').as('h')).where('mediator_id', '=', id).where('trained_on', '>=', `${year}-01-01`).where('trained_on', '<=', `${year}-12-31`).executeTakeFirst())?.h ?? 0);

/** The roster: each mediator's current term, this year's training hours and case figures from dispute_cases. */
export async function roster(ctx: AppContext, actor: Actor, q: z.infer<typeof RosterQuery> & PageQuery) {
  const today = todayInChina(ctx.clock);
  const year = q.year ?? Number(today.slice(0, 4));
  let query = ctx.db.selectFrom('mediators').innerJoin('mediation_orgs as o', 'o.id', 'mediators.org_id').where(whereInScope(scopeFilter(actor.principal, 'mediatorRoster.read'), { region: 'mediators.region_id', org: 'mediators.org_id' }));
  if (q.q) query = query.where('mediators.name', 'like', `%${q.q}%`);
  if (q.orgId) query = query.where('mediators.org_id', '=', q.orgId);
  if (q.status) query = query.where('mediators.status', '=', q.status);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.selectAll('mediators').select('o.name as org_name').orderBy('o.name').orderBy('mediators.name').limit(q.pageSize).offset(pageOffset(q)).execute();
  const ids = rows.map((r) => r.id);
  const [terms, stats, hours] = await Promise.all([
    termsOf(ctx.db, ids),
    mediatorCaseStatsMany(ctx.db, ids, year),
    ids.length ? ctx.db.selectFrom('mediator_trainings').select(['mediator_id', sql<number>`sum(hours)`.as('h')]).where('mediator_id', 'in', ids).where('trained_on', '>=', `${year}-01-01`).where('trained_on', '<=', `${year}-12-31`).groupBy('mediator_id').execute() : [],
  ]);
  const items = rows.map((m) => {
    const mine = terms.filter((t) => t.mediator_id === m.id).map(termOf);
    const current = servingOn(mine, today);
    return { id: m.id, name: m.name, orgId: m.org_id, orgName: m.org_name, regionId: m.region_id, certificateNo: m.certificate_no, specialities: parseList(m.specialities), status: m.status, joinedOn: m.joined_on, currentTerm: current ? { termStart: current.termStart, termEnd: termLastDayOf(current) } : null, termExpiring: expiringTerms(mine, today, 60).length > 0, trainingHours: Number(hours.find((h) => h.mediator_id === m.id)?.h ?? 0), caseStats: stats.get(m.id) };
  });
  return { year, trainingTarget: YEARLY_TRAINING_HOURS, items, total: Number(total), page: q.page, pageSize: q.pageSize };
}
const termLastDayOf = (t: TermLike) => (t.status === 'dismissed' && t.dismissedOn ? t.dismissedOn : t.termEnd);

/** The mediator's file: terms, training, rewards and penalties, evaluations, mentoring, competitions and this year's case figures. */
export async function profile(ctx: AppContext, actor: Actor, id: string) {
  const m = await findMediator(ctx.db, actor, 'mediatorRoster.read', id);
  const today = todayInChina(ctx.clock);
  const year = Number(today.slice(0, 4));
  const db = ctx.db;
  const [org, terms, trainings, rewards, evaluations, pairs, results, designated] = await Promise.all([
    db.selectFrom('mediation_orgs').select(['name']).where('id', '=', m.org_id).executeTakeFirst(),
    termsOf(db, [id]),
    db.selectFrom('mediator_trainings').selectAll().where('mediator_id', '=', id).orderBy('trained_on', 'desc').execute(),
    db.selectFrom('mediator_rewards').selectAll().where('mediator_id', '=', id).orderBy('decided_on', 'desc').execute(),
    db.selectFrom('mediator_evaluations').selectAll().where('mediator_id', '=', id).orderBy('year', 'desc').execute(),
    db.selectFrom('mentoring_pairs as p').innerJoin('mediators as a', 'a.id', 'p.mentor_id').innerJoin('mediators as b', 'b.id', 'p.mentee_id').select(['p.id', 'p.mentor_id', 'p.mentee_id', 'a.name as mentor_name', 'b.name as mentee_name', 'p.started_on', 'p.ended_on', 'p.goals', 'p.outcome', 'p.status']).where((eb) => eb.or([eb('p.mentor_id', '=', id), eb('p.mentee_id', '=', id)])).orderBy('p.started_on', 'desc').execute(),
    db.selectFrom('competition_results as r').innerJoin('skill_competitions as c', 'c.id', 'r.competition_id').select(['c.id', 'c.title', 'c.held_on', 'r.score', 'r.rank', 'r.award']).where('r.mediator_id', '=', id).orderBy('c.held_on', 'desc').execute(),
    db.selectFrom('case_mediators as cm').innerJoin('dispute_cases as c', 'c.id', 'cm.case_id').select(['c.id', 'c.case_no', 'c.respondent_name', 'c.status', 'c.received_date', 'c.closed_on', 'c.result']).where('cm.mediator_id', '=', id).orderBy('c.received_date', 'desc').limit(20).execute(),
  ]);
  const t = terms.map(termOf);
  const current = servingOn(t, today);
  return {
    id: m.id, name: m.name, orgId: m.org_id, orgName: org?.name ?? null, regionId: m.region_id, certificateNo: m.certificate_no, specialities: parseList(m.specialities), status: m.status, joinedOn: m.joined_on, leftOn: m.left_on,
    serving: !!current,
    terms: terms.map((x) => ({ id: x.id, termStart: x.term_start, termEnd: x.term_end, documentNo: x.document_no, status: x.status, dismissedOn: x.dismissed_on, dismissalGround: x.dismissal_ground, dismissalGroundLabel: x.dismissal_ground ? DISMISSAL_GROUNDS[x.dismissal_ground as Ground] : null, dismissalReason: x.dismissal_reason })),
    trainings: trainings.map((x) => ({ id: x.id, course: x.course, hours: x.hours, trainedOn: x.trained_on, eventId: x.event_id })),
    trainingHoursThisYear: await hoursIn(db, id, year),
    trainingTarget: YEARLY_TRAINING_HOURS,
    rewards: rewards.map((x) => ({ id: x.id, kind: x.kind, kindLabel: x.kind === 'reward' ? '奖励' : '惩戒', title: x.title, decidedOn: x.decided_on, note: x.note })),
    evaluations: evaluations.map((x) => ({ year: x.year, grade: x.grade, gradeLabel: GRADE_LABELS[x.grade as MediatorGrade], suggestedGrade: x.suggested_grade, suggestedGradeLabel: x.suggested_grade ? GRADE_LABELS[x.suggested_grade as MediatorGrade] : null, comment: x.comment, stats: JSON.parse(x.stats_json) as unknown })),
    mentoring: pairs.map((p) => ({ id: p.id, role: p.mentor_id === id ? 'mentor' : 'mentee', mentorId: p.mentor_id, mentorName: p.mentor_name, menteeId: p.mentee_id, menteeName: p.mentee_name, startedOn: p.started_on, endedOn: p.ended_on, goals: p.goals, outcome: p.outcome, status: p.status })),
    competitions: results.map((r) => ({ competitionId: r.id, title: r.title, heldOn: r.held_on, score: r.score, rank: r.rank, award: r.award })),
    designatedCases: designated.map((c) => ({ id: c.id, caseNo: c.case_no, respondentName: c.respondent_name, status: c.status, receivedDate: c.received_date, closedOn: c.closed_on, result: c.result })),
    caseYear: year,
    caseStats: await mediatorCaseStats(db, id, year),
  };
}

/** 聘任 / 续聘. 企业劳动争议协商调解规定 第十九条: 聘期至少为1年，可以续聘. */
export async function appoint(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof TermCreate>) {
  const m = await findMediator(ctx.db, actor, 'mediatorRoster.manage', id);
  if (m.status !== 'active') throw conflict('调解员已离任，不能聘任；请先恢复在册状态');
  const existing = (await termsOf(ctx.db, [id])).map(termOf);
  problems(checkAppointment(input, existing));
  const tid = newId();
  const at = isoNow(ctx.clock);
  const renewal = existing.length > 0;
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('mediator_terms').values({ id: tid, region_id: m.region_id, mediator_id: id, term_start: input.termStart, term_end: input.termEnd, document_no: input.documentNo ?? null, status: 'serving', dismissed_on: null, dismissal_ground: null, dismissal_reason: null, created_by: actor.principal?.id ?? null, created_at: at, updated_at: at }).execute();
    await audit(trx, ctx, actor, { action: renewal ? 'mediator.reappoint' : 'mediator.appoint', entityType: 'mediator', entityId: id, regionId: m.region_id, summary: `${renewal ? '续聘' : '聘任'}调解员${m.name}（${input.termStart}至${input.termEnd}）`, after: { termId: tid, ...input } });
  });
  return { id: tid, termStart: input.termStart, termEnd: input.termEnd, status: 'serving', renewal };
}

/** 解聘. 企业劳动争议协商调解规定 第三十五条 (严重失职、违法违纪) and 第十九条 (不能履行职责). The mediator leaves the roster. */
export async function dismiss(ctx: AppContext, actor: Actor, id: string, termId: string, input: z.infer<typeof TermDismiss>) {
  const m = await findMediator(ctx.db, actor, 'mediatorRoster.manage', id);
  const t = await ctx.db.selectFrom('mediator_terms').selectAll().where('id', '=', termId).where('mediator_id', '=', id).executeTakeFirst();
  if (!t) throw notFound('聘期');
  if (t.status !== 'serving') throw new AppError(409, 'INVALID_TRANSITION', '该聘期已结束或已解聘，只能解聘在聘的聘期');
  if (input.dismissedOn < t.term_start || input.dismissedOn > t.term_end) throw fieldError('dismissedOn', `解聘日期应在聘期内（${t.term_start}至${t.term_end}）`);
  if (input.dismissedOn > todayInChina(ctx.clock)) throw fieldError('dismissedOn', '解聘日期不能晚于今天');
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('mediator_terms').set({ status: 'dismissed', dismissed_on: input.dismissedOn, dismissal_ground: input.ground, dismissal_reason: input.reason, updated_at: at }).where('id', '=', termId).execute();
    await trx.updateTable('mediators').set({ status: 'left', left_on: input.dismissedOn }).where('id', '=', id).execute();
    await audit(trx, ctx, actor, { action: 'mediator.dismiss', entityType: 'mediator', entityId: id, regionId: m.region_id, summary: `解聘调解员${m.name}：${DISMISSAL_GROUNDS[input.ground]}`, before: { status: m.status, termStatus: t.status }, after: input });
  });
  return { id: termId, status: 'dismissed', dismissedOn: input.dismissedOn, ground: input.ground, groundLabel: DISMISSAL_GROUNDS[input.ground] };
}

export async function addTraining(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof MediatorTrainingCreate>) {
  const m = await findMediator(ctx.db, actor, 'mediatorRoster.manage', id);
  if (input.trainedOn > todayInChina(ctx.clock)) throw fieldError('trainedOn', '培训日期不能晚于今天');
  const tid = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('mediator_trainings').values({ id: tid, region_id: m.region_id, mediator_id: id, course: input.course, hours: input.hours, trained_on: input.trainedOn, event_id: null, created_at: isoNow(ctx.clock) }).execute();
    await audit(trx, ctx, actor, { action: 'mediator.training', entityType: 'mediator', entityId: id, regionId: m.region_id, summary: `${m.name}培训：${input.course}（${input.hours}学时）`, after: input });
  });
  return { id: tid, ...input };
}

export async function addReward(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof RewardCreate>) {
  const m = await findMediator(ctx.db, actor, 'mediatorRoster.manage', id);
  if (input.decidedOn > todayInChina(ctx.clock)) throw fieldError('decidedOn', '决定日期不能晚于今天');
  const rid = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('mediator_rewards').values({ id: rid, region_id: m.region_id, mediator_id: id, kind: input.kind, title: input.title, decided_on: input.decidedOn, note: input.note ?? null, created_by: actor.principal?.id ?? null, created_at: isoNow(ctx.clock) }).execute();
    await audit(trx, ctx, actor, { action: `mediator.${input.kind}`, entityType: 'mediator', entityId: id, regionId: m.region_id, summary: `${m.name}${input.kind === 'reward' ? '奖励' : '惩戒'}：${input.title}`, after: input });
  });
  return { id: rid, ...input };
}

/** Yearly evaluation (考评): the figures from dispute_cases and training are frozen with the grade; a suggested grade is shown. */
export async function evaluate(ctx: AppContext, actor: Actor, id: string, year: number, input: z.infer<typeof MediatorEvaluationPut>) {
  const m = await findMediator(ctx.db, actor, 'mediatorRoster.manage', id);
  if (year > Number(todayInChina(ctx.clock).slice(0, 4))) throw fieldError('year', '不能考评未来年度');
  const stats = await mediatorCaseStats(ctx.db, id, year);
  const penalties = Number((await ctx.db.selectFrom('mediator_rewards').select((eb) => eb.fn.countAll<number>().as('n')).where('mediator_id', '=', id).where('kind', '=', 'penalty').where('decided_on', '>=', `${year}-01-01`).where('decided_on', '<=', `${year}-12-31`).executeTakeFirstOrThrow()).n);
  const facts = { cases: stats.cases, successRate: stats.successRate, withinLimitRate: stats.withinLimitRate, satisfaction: stats.satisfaction, trainingHours: await hoursIn(ctx.db, id, year), penalties };
  const suggested = suggestMediatorGrade(facts);
  const before = await ctx.db.selectFrom('mediator_evaluations').selectAll().where('mediator_id', '=', id).where('year', '=', year).executeTakeFirst();
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const row = { grade: input.grade, suggested_grade: suggested, comment: input.comment ?? null, stats_json: JSON.stringify(facts), evaluated_by: actor.principal?.id ?? null, updated_at: at };
    if (before) await trx.updateTable('mediator_evaluations').set(row).where('id', '=', before.id).execute();
    else await trx.insertInto('mediator_evaluations').values({ id: newId(), region_id: m.region_id, mediator_id: id, year, created_at: at, ...row }).execute();
    await audit(trx, ctx, actor, { action: 'mediator.evaluate', entityType: 'mediator', entityId: id, regionId: m.region_id, summary: `${m.name}${year}年度考评：${GRADE_LABELS[input.grade]}（建议${GRADE_LABELS[suggested]}）`, before: before ? { grade: before.grade, comment: before.comment } : undefined, after: { year, ...input, facts } });
  });
  return { year, grade: input.grade, gradeLabel: GRADE_LABELS[input.grade], suggestedGrade: suggested, suggestedGradeLabel: GRADE_LABELS[suggested], comment: input.comment ?? null, facts };
}

/** Designates the mediator of a case (企业劳动争议协商调解规定 第二十五条: 调解委员会根据案件情况指定调解员). */
export async function designate(ctx: AppContext, actor: Actor, caseId: string, input: z.infer<typeof CaseMediatorPut>) {
  const c = await ctx.db.selectFrom('dispute_cases').select(['id', 'case_no', 'org_id', 'region_id', 'status']).where('id', '=', caseId).where(whereInScope(scopeFilter(actor.principal, 'caseMediator.assign'), { region: 'dispute_cases.region_id', org: 'dispute_cases.org_id' })).executeTakeFirst();
  if (!c) throw notFound('案件');
  const m = await ctx.db.selectFrom('mediators').select(['id', 'name', 'org_id', 'status']).where('id', '=', input.mediatorId).executeTakeFirst();
  if (!m || m.org_id !== c.org_id) throw fieldError('mediatorId', '只能指定本案调解组织的调解员');
  if (m.status !== 'active') throw fieldError('mediatorId', '该调解员已离任');
  const before = await ctx.db.selectFrom('case_mediators').selectAll().where('case_id', '=', caseId).executeTakeFirst();
  const at = isoNow(ctx.clock);
  const today = todayInChina(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    if (before) await trx.updateTable('case_mediators').set({ mediator_id: m.id, assigned_on: today, assigned_by: actor.principal?.id ?? null }).where('case_id', '=', caseId).execute();
    else await trx.insertInto('case_mediators').values({ case_id: caseId, region_id: c.region_id, mediator_id: m.id, assigned_on: today, assigned_by: actor.principal?.id ?? null, created_at: at }).execute();
    await audit(trx, ctx, actor, { action: 'case.designateMediator', entityType: 'dispute_case', entityId: caseId, regionId: c.region_id, summary: `${c.case_no}：指定调解员${m.name}`, before: before ? { mediatorId: before.mediator_id } : undefined, after: input });
  });
  return { caseId, caseNo: c.case_no, mediatorId: m.id, mediatorName: m.name, assignedOn: today };
}

/** The designated mediator of a case (for the case page), or null. */
export async function caseMediator(ctx: AppContext, actor: Actor, caseId: string) {
  const c = await ctx.db.selectFrom('dispute_cases').select(['id', 'org_id']).where('id', '=', caseId).where(whereInScope(scopeFilter(actor.principal, 'caseMediator.assign'), { region: 'dispute_cases.region_id', org: 'dispute_cases.org_id' })).executeTakeFirst();
  if (!c) throw notFound('案件');
  const d = await ctx.db.selectFrom('case_mediators as cm').innerJoin('mediators as m', 'm.id', 'cm.mediator_id').select(['m.id', 'm.name', 'cm.assigned_on']).where('cm.case_id', '=', caseId).executeTakeFirst();
  const candidates = await ctx.db.selectFrom('mediators').select(['id', 'name']).where('org_id', '=', c.org_id).where('status', '=', 'active').orderBy('name').execute();
  return { caseId, mediator: d ? { id: d.id, name: d.name, assignedOn: d.assigned_on } : null, candidates };
}
