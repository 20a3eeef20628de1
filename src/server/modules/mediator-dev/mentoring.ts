import { z } from 'zod';
import { checkMentoringPair } from '../../../domain/mediation/development';
import { awardFor, rankCompetitors } from '../../../domain/rosters/programmes';
import type { Actor, AppContext } from '../../context';
import { AppError, fieldError, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { scopeFilter, whereInScope } from '../../policy/scope';
import { audit, findMediator, IsoDate, problems } from './common';

export const PairCreate = z.object({ mentorId: z.string().min(1, '请选择师傅'), menteeId: z.string().min(1, '请选择徒弟'), startedOn: IsoDate, goals: z.string().trim().min(1, '请填写带教目标').max(1000) });
export const PairEnd = z.object({ endedOn: IsoDate, outcome: z.string().trim().min(1, '请填写带教成效').max(1000) });
export const CompetitionCreate = z.object({ title: z.string().trim().min(2, '请填写竞赛名称').max(200), heldOn: IsoDate, organizer: z.string().trim().min(1, '请填写主办单位').max(100) });
export const ResultsPut = z.object({ results: z.array(z.object({ mediatorId: z.string().min(1), score: z.number().min(0, '得分为0–100').max(100, '得分为0–100') })).min(1, '请录入成绩') });

/** 师徒结对 pairs in scope (by the mentee's region and organisation). */
export async function listPairs(ctx: AppContext, actor: Actor, q: { status?: 'active' | 'ended' }) {
  let query = ctx.db.selectFrom('mentoring_pairs as p').innerJoin('mediators as a', 'a.id', 'p.mentor_id').innerJoin('mediators as b', 'b.id', 'p.mentee_id').innerJoin('mediation_orgs as o', 'o.id', 'b.org_id')
    .select(['p.id', 'p.mentor_id', 'p.mentee_id', 'a.name as mentor_name', 'b.name as mentee_name', 'o.name as org_name', 'p.started_on', 'p.ended_on', 'p.goals', 'p.outcome', 'p.status'])
    .where(whereInScope(scopeFilter(actor.principal, 'mediatorRoster.read'), { region: 'p.region_id', org: 'b.org_id' }));
  if (q.status) query = query.where('p.status', '=', q.status);
  const rows = await query.orderBy('p.started_on', 'desc').execute();
  return { items: rows.map((p) => ({ id: p.id, mentorId: p.mentor_id, mentorName: p.mentor_name, menteeId: p.mentee_id, menteeName: p.mentee_name, orgName: p.org_name, startedOn: p.started_on, endedOn: p.ended_on, goals: p.goals, outcome: p.outcome, status: p.status })) };
}

export async function createPair(ctx: AppContext, actor: Actor, input: z.infer<typeof PairCreate>) {
  const mentee = await findMediator(ctx.db, actor, 'mediatorRoster.manage', input.menteeId).catch(() => {
    throw fieldError('menteeId', '徒弟不存在或不在本辖区');
  });
  const mentor = await findMediator(ctx.db, actor, 'mediatorRoster.read', input.mentorId).catch(() => {
    throw fieldError('mentorId', '师傅不存在或不在本辖区');
  });
  const hasActiveMentor = !!(await ctx.db.selectFrom('mentoring_pairs').select('id').where('mentee_id', '=', mentee.id).where('status', '=', 'active').executeTakeFirst());
  problems(checkMentoringPair(input, { joinedOn: mentor.joined_on, active: mentor.status === 'active' }, { joinedOn: mentee.joined_on, active: mentee.status === 'active', hasActiveMentor }));
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('mentoring_pairs').values({ id, region_id: mentee.region_id, mentor_id: mentor.id, mentee_id: mentee.id, started_on: input.startedOn, ended_on: null, goals: input.goals, outcome: null, status: 'active', created_by: actor.principal?.id ?? null, created_at: isoNow(ctx.clock) }).execute();
    await audit(trx, ctx, actor, { action: 'mentoring.create', entityType: 'mentoringPair', entityId: id, regionId: mentee.region_id, summary: `师徒结对：${mentor.name}带${mentee.name}`, after: input });
  });
  return { id, mentorId: mentor.id, mentorName: mentor.name, menteeId: mentee.id, menteeName: mentee.name, startedOn: input.startedOn, goals: input.goals, status: 'active' };
}

export async function endPair(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof PairEnd>) {
  const p = await ctx.db.selectFrom('mentoring_pairs').selectAll().where('id', '=', id).where(whereInScope(scopeFilter(actor.principal, 'mediatorRoster.manage'), { region: 'mentoring_pairs.region_id' })).executeTakeFirst();
  if (!p) throw notFound('师徒结对');
  if (p.status !== 'active') throw new AppError(409, 'INVALID_TRANSITION', '结对已结束');
  if (input.endedOn < p.started_on) throw fieldError('endedOn', '结束日期不能早于结对日期');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('mentoring_pairs').set({ status: 'ended', ended_on: input.endedOn, outcome: input.outcome }).where('id', '=', id).execute();
    await audit(trx, ctx, actor, { action: 'mentoring.end', entityType: 'mentoringPair', entityId: id, regionId: p.region_id, summary: '师徒结对期满', before: { status: p.status }, after: input });
  });
  return { id, status: 'ended', ...input };
}

// --- skills competitions (技能竞赛) ---------------------------------------------------------------

const COMP_COLS = { region: 'skill_competitions.region_id' };
async function findCompetition(ctx: AppContext, actor: Actor, action: 'competition.read' | 'competition.manage', id: string) {
  const c = await ctx.db.selectFrom('skill_competitions').selectAll().where('id', '=', id).where(whereInScope(scopeFilter(actor.principal, action), COMP_COLS)).executeTakeFirst();
  if (!c) throw notFound('技能竞赛');
  return c;
}

export async function listCompetitions(ctx: AppContext, actor: Actor) {
  const rows = await ctx.db.selectFrom('skill_competitions').selectAll().where(whereInScope(scopeFilter(actor.principal, 'competition.read'), COMP_COLS)).orderBy('held_on', 'desc').execute();
  return { items: rows.map((c) => ({ id: c.id, title: c.title, heldOn: c.held_on, organizer: c.organizer, status: c.status, statusLabel: c.status === 'finished' ? '已公布成绩' : '报名筹备' })) };
}

export async function getCompetition(ctx: AppContext, actor: Actor, id: string) {
  const c = await findCompetition(ctx, actor, 'competition.read', id);
  const results = await ctx.db.selectFrom('competition_results as r').innerJoin('mediators as m', 'm.id', 'r.mediator_id').innerJoin('mediation_orgs as o', 'o.id', 'm.org_id').select(['r.mediator_id', 'm.name', 'o.name as org_name', 'r.score', 'r.rank', 'r.award']).where('r.competition_id', '=', id).orderBy('r.rank').orderBy('m.name').execute();
  return { id: c.id, title: c.title, heldOn: c.held_on, organizer: c.organizer, status: c.status, results: results.map((r) => ({ mediatorId: r.mediator_id, name: r.name, orgName: r.org_name, score: r.score, rank: r.rank, award: r.award })) };
}

export async function createCompetition(ctx: AppContext, actor: Actor, input: z.infer<typeof CompetitionCreate>) {
  const regionId = actor.principal!.regionId;
  scopeFilter(actor.principal, 'competition.manage');
  const id = newId();
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('skill_competitions').values({ id, region_id: regionId, title: input.title, held_on: input.heldOn, organizer: input.organizer, status: 'open', created_by: actor.principal!.id, created_at: at, updated_at: at }).execute();
    await audit(trx, ctx, actor, { action: 'competition.create', entityType: 'competition', entityId: id, regionId, summary: `举办${input.title}`, after: input });
  });
  return getCompetition(ctx, actor, id);
}

/** Records the scores; ranks (ties share a rank) and awards are computed, and the competition is finished. */
export async function putResults(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof ResultsPut>) {
  const c = await findCompetition(ctx, actor, 'competition.manage', id);
  if (c.held_on > todayInChina(ctx.clock)) throw new AppError(409, 'INVALID_TRANSITION', `竞赛于${c.held_on}举行，举行后才能录入成绩`);
  const ids = input.results.map((r) => r.mediatorId);
  if (new Set(ids).size !== ids.length) throw fieldError('results', '同一调解员不能重复录入');
  const meds = await ctx.db.selectFrom('mediators').select(['id', 'region_id']).where('id', 'in', ids).execute();
  const bad = input.results.findIndex((r) => !meds.find((m) => m.id === r.mediatorId && m.region_id.startsWith(c.region_id)));
  if (bad >= 0) throw fieldError(`results.${bad}.mediatorId`, '调解员不存在或不在本竞赛范围内');
  const ranked = rankCompetitors(input.results);
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('competition_results').where('competition_id', '=', id).execute();
    await trx.insertInto('competition_results').values(ranked.map((r) => ({ id: newId(), region_id: c.region_id, competition_id: id, mediator_id: r.mediatorId, score: r.score, rank: r.rank, award: awardFor(r.rank), created_at: at }))).execute();
    await trx.updateTable('skill_competitions').set({ status: 'finished', updated_at: at }).where('id', '=', id).execute();
    await audit(trx, ctx, actor, { action: 'competition.results', entityType: 'competition', entityId: id, regionId: c.region_id, summary: `${c.title}：录入${ranked.length}名选手成绩`, after: ranked.map((r) => ({ mediatorId: r.mediatorId, score: r.score, rank: r.rank })) });
  });
  return getCompetition(ctx, actor, id);
}
