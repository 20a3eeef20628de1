import { z } from 'zod';
import { AWARD_KIND_LABELS, AwardIndicator, AwardKind, checkIndicatorSet, checkMarks, nomineeScore, noticeState, rankNominees, ROUND_STATUS_LABELS, RoundStatus } from '../../../domain/rosters/recognition';
import type { Actor, AppContext } from '../../context';
import type { DbOrTrx } from '../../db';
import { AppError, badRequest, conflict, fieldError, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { regionPrefixCondition, scopeFilter, whereInScope } from '../../policy/scope';
import { auditActor } from '../audit/actor';
import { insertAudit } from '../audit/repo';

export const RoundCreate = z.object({
  year: z.number().int().min(2000).max(2100),
  kind: AwardKind,
  title: z.string().trim().min(1, '请填写评选名称').max(100).optional(),
  criteria: z.string().trim().min(1, '请填写评选条件').max(5000),
  indicators: z.array(AwardIndicator).min(1, '至少一项指标').max(30),
  quota: z.number().int().min(1, '名额至少为1').max(100),
  noticeDays: z.number().int().min(1, '公示天数至少为1').max(60).default(7),
});
export const RoundUpdate = RoundCreate.pick({ criteria: true, indicators: true, quota: true, noticeDays: true, title: true }).partial();
export const RoundQuery = z.object({ year: z.coerce.number().int().optional(), kind: AwardKind.optional() });
export const Evidence = z.object({ title: z.string().trim().min(1, '请填写材料名称').max(200), description: z.string().trim().max(2000).optional() });
export const NominationCreate = z.object({
  subjectId: z.string().optional(),
  subjectName: z.string().trim().min(1, '请填写推荐对象').max(100),
  nominatedBy: z.string().trim().min(1, '请填写推荐单位').max(100),
  reason: z.string().trim().min(1, '请填写推荐理由').max(5000),
  evidence: z.array(Evidence).min(1, '请至少提供一项事迹材料').max(30),
});
export const ScoreSheet = z.object({ scores: z.record(z.string(), z.number()), comment: z.string().trim().max(1000).optional() });
export const Advance = z.object({ to: RoundStatus });
export const ObjectionCreate = z.object({ nominationId: z.string().min(1, '请选择异议对象'), content: z.string().trim().min(1, '请填写异议内容').max(5000), submitter: z.string().trim().max(100).optional() });
export const ObjectionResolve = z.object({ upheld: z.boolean(), resolution: z.string().trim().min(1, '请填写核查结论').max(2000) });

const ROUND_COLS = { region: 'award_rounds.region_id' };
type RoundRow = NonNullable<Awaited<ReturnType<typeof selectRound>>>;
const selectRound = (db: DbOrTrx, actor: Actor, action: 'award.read' | 'award.manage' | 'award.nominate' | 'award.score', id: string) =>
  db.selectFrom('award_rounds').selectAll().where('id', '=', id).where(whereInScope(scopeFilter(actor.principal, action), ROUND_COLS)).executeTakeFirst();
async function findRound(db: DbOrTrx, actor: Actor, action: Parameters<typeof selectRound>[2], id: string) {
  const r = await selectRound(db, actor, action, id);
  if (!r) throw notFound('评选');
  return r;
}
/** For the flow module (advance, objections): the round in scope and its live standings. */
export const findRoundFor = (db: DbOrTrx, actor: Actor, action: Parameters<typeof selectRound>[2], id: string) => findRound(db, actor, action, id);
export const standingsOf = (db: DbOrTrx, r: RoundRow) => standings(db, r);
const indicatorsOf = (r: RoundRow) => z.array(AwardIndicator).parse(JSON.parse(r.indicators_json));
const period = (r: RoundRow) => (r.notice_start && r.notice_end ? { start: r.notice_start, end: r.notice_end } : null);
const requireStatus = (r: RoundRow, ...allowed: RoundStatus[]) => {
  if (!allowed.includes(r.status as RoundStatus)) throw new AppError(409, 'INVALID_TRANSITION', `当前阶段为“${ROUND_STATUS_LABELS[r.status as RoundStatus]}”，此操作仅在“${allowed.map((s) => ROUND_STATUS_LABELS[s]).join('、')}”阶段可用`);
};
const checkSet = (indicators: AwardIndicator[]) => {
  const p = checkIndicatorSet(indicators);
  if (p.length) throw badRequest(p[0]!.message, p);
};

function presentRound(r: RoundRow, today: string) {
  return { id: r.id, regionId: r.region_id, year: r.year, kind: r.kind, kindLabel: AWARD_KIND_LABELS[r.kind as AwardKind], title: r.title, criteria: r.criteria, indicators: indicatorsOf(r), quota: r.quota, noticeDays: r.notice_days, status: r.status, statusLabel: ROUND_STATUS_LABELS[r.status as RoundStatus], noticeStart: r.notice_start, noticeEnd: r.notice_end, noticeState: noticeState(period(r), today), announcedOn: r.announced_on };
}

export async function listRounds(ctx: AppContext, actor: Actor, q: z.infer<typeof RoundQuery>) {
  let query = ctx.db.selectFrom('award_rounds').selectAll().where(whereInScope(scopeFilter(actor.principal, 'award.read'), ROUND_COLS));
  if (q.year) query = query.where('year', '=', q.year);
  if (q.kind) query = query.where('kind', '=', q.kind);
  const rows = await query.orderBy('year', 'desc').orderBy('kind').execute();
  const today = todayInChina(ctx.clock);
  return { items: rows.map((r) => presentRound(r, today)) };
}

/** Current standings: every nominee's mean weighted score, rank and whether the quota selects it. */
async function standings(db: DbOrTrx, r: RoundRow) {
  const indicators = indicatorsOf(r);
  const noms = await db.selectFrom('award_nominations').selectAll().where('round_id', '=', r.id).orderBy('created_at').execute();
  const sheets = await db.selectFrom('award_scores').selectAll().where('round_id', '=', r.id).execute();
  const scores = noms.map((n) => nomineeScore(n.id, indicators, sheets.filter((s) => s.nomination_id === n.id).map((s) => ({ reviewerId: s.reviewer_id, marks: JSON.parse(s.scores_json) as Record<string, number> }))));
  return { noms, sheets, ranking: rankNominees(indicators, scores, r.quota) };
}

export async function getRound(ctx: AppContext, actor: Actor, id: string) {
  const r = await findRound(ctx.db, actor, 'award.read', id);
  const { noms, sheets, ranking } = await standings(ctx.db, r);
  const objections = await ctx.db.selectFrom('award_objections').selectAll().where('round_id', '=', id).orderBy('created_at').execute();
  const me = actor.principal?.id;
  const frozen = r.status === 'notice' || r.status === 'announced';
  return {
    ...presentRound(r, todayInChina(ctx.clock)),
    nominations: noms.map((n) => {
      const live = ranking.find((x) => x.nominationId === n.id)!;
      const mine = sheets.find((s) => s.nomination_id === n.id && s.reviewer_id === me);
      return {
        id: n.id, subjectId: n.subject_id, subjectName: n.subject_name, nominatedBy: n.nominated_by, reason: n.reason, evidence: JSON.parse(n.evidence_json) as unknown[], status: n.status,
        score: frozen ? n.score : live.score, rank: frozen ? n.rank : live.rank, reviewers: live.reviewers, tied: live.tied, tieBreak: live.tieBreak, selected: frozen ? ['candidate', 'awarded'].includes(n.status) : live.selected,
        myScores: mine ? { scores: JSON.parse(mine.scores_json) as Record<string, number>, total: mine.total, comment: mine.comment } : null,
      };
    }).sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9)),
    objections: objections.map((o) => ({ id: o.id, nominationId: o.nomination_id, receivedOn: o.received_on, submitter: o.submitter, content: o.content, status: o.status, resolution: o.resolution, resolvedAt: o.resolved_at })),
  };
}

export async function createRound(ctx: AppContext, actor: Actor, input: z.infer<typeof RoundCreate>) {
  checkSet(input.indicators);
  const regionId = actor.principal!.regionId;
  if (await ctx.db.selectFrom('award_rounds').select('id').where('region_id', '=', regionId).where('year', '=', input.year).where('kind', '=', input.kind).executeTakeFirst()) throw conflict(`${input.year}年度${AWARD_KIND_LABELS[input.kind]}评选已存在`);
  const id = newId();
  const at = isoNow(ctx.clock);
  const title = input.title ?? `${input.year}年度${AWARD_KIND_LABELS[input.kind]}评选`;
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('award_rounds').values({ id, region_id: regionId, year: input.year, kind: input.kind, title, criteria: input.criteria, indicators_json: JSON.stringify(input.indicators), quota: input.quota, notice_days: input.noticeDays, status: 'nominating', notice_start: null, notice_end: null, announced_on: null, created_by: actor.principal!.id, created_at: at, updated_at: at }).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'award.round.create', entityType: 'awardRound', entityId: id, regionId, summary: `发布评选：${title}`, after: input });
  });
  return getRound(ctx, actor, id);
}

export async function updateRound(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof RoundUpdate>) {
  const r = await findRound(ctx.db, actor, 'award.manage', id);
  requireStatus(r, 'nominating');
  if (input.indicators) checkSet(input.indicators);
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('award_rounds').set({ ...(input.title ? { title: input.title } : {}), ...(input.criteria ? { criteria: input.criteria } : {}), ...(input.indicators ? { indicators_json: JSON.stringify(input.indicators) } : {}), ...(input.quota ? { quota: input.quota } : {}), ...(input.noticeDays ? { notice_days: input.noticeDays } : {}), updated_at: at }).where('id', '=', id).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'award.round.update', entityType: 'awardRound', entityId: id, regionId: r.region_id, before: { criteria: r.criteria, indicators: indicatorsOf(r), quota: r.quota, noticeDays: r.notice_days }, after: input });
  });
  return getRound(ctx, actor, id);
}

const SUBJECT_TABLE = { coordinator: 'coordinators', mediator: 'mediators', mediation_org: 'mediation_orgs', social_org: 'social_orgs' } as const;

/** The nominee must be a record of the round's kind inside the round's region (social organisations from the 社会组织台账). */
async function checkSubject(db: DbOrTrx, r: RoundRow, subjectId: string | undefined) {
  if (!subjectId) throw fieldError('subjectId', '请选择推荐对象');
  const table = SUBJECT_TABLE[r.kind as keyof typeof SUBJECT_TABLE];
  const row = await db.selectFrom(table).select(['id', 'region_id']).where('id', '=', subjectId).executeTakeFirst();
  if (!row || !row.region_id.startsWith(r.region_id)) throw fieldError('subjectId', '推荐对象不存在或不在本评选范围内');
}

/** Who may be nominated for a round: active records of its kind inside its region. */
export async function roundSubjects(ctx: AppContext, actor: Actor, id: string) {
  const r = await findRound(ctx.db, actor, 'award.nominate', id);
  const table = SUBJECT_TABLE[r.kind as keyof typeof SUBJECT_TABLE];
  let q = ctx.db.selectFrom(table).select(['id', 'name']).where(regionPrefixCondition(`${table}.region_id`, r.region_id));
  if (table !== 'mediation_orgs') q = q.where('status', '=', 'active');
  return { items: await q.orderBy('name').limit(500).execute() };
}

export async function nominate(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof NominationCreate>) {
  const r = await findRound(ctx.db, actor, 'award.nominate', id);
  requireStatus(r, 'nominating');
  await checkSubject(ctx.db, r, input.subjectId);
  if (input.subjectId && (await ctx.db.selectFrom('award_nominations').select('id').where('round_id', '=', id).where('subject_id', '=', input.subjectId).executeTakeFirst())) throw conflict('该对象已被推荐');
  const nid = newId();
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('award_nominations').values({ id: nid, region_id: r.region_id, round_id: id, subject_id: input.subjectId ?? null, subject_name: input.subjectName, nominated_by: input.nominatedBy, reason: input.reason, evidence_json: JSON.stringify(input.evidence), status: 'nominated', score: null, rank: null, created_by: actor.principal!.id, created_at: at, updated_at: at }).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'award.nominate', entityType: 'awardNomination', entityId: nid, regionId: r.region_id, summary: `推荐${input.subjectName}参评${r.title}`, after: input });
  });
  return { id: nid, subjectName: input.subjectName, status: 'nominated' };
}

/** A reviewer's sheet for one nominee; re-scoring replaces the reviewer's earlier sheet (both audited). */
export async function score(ctx: AppContext, actor: Actor, id: string, nominationId: string, input: z.infer<typeof ScoreSheet>) {
  const r = await findRound(ctx.db, actor, 'award.score', id);
  requireStatus(r, 'reviewing');
  const n = await ctx.db.selectFrom('award_nominations').selectAll().where('id', '=', nominationId).where('round_id', '=', id).executeTakeFirst();
  if (!n) throw notFound('推荐对象');
  const indicators = indicatorsOf(r);
  const p = checkMarks(indicators, input.scores);
  if (p.length) throw badRequest(p[0]!.message, p);
  const me = actor.principal!;
  const total = nomineeScore(n.id, indicators, [{ reviewerId: me.id, marks: input.scores }]).score!;
  const before = await ctx.db.selectFrom('award_scores').selectAll().where('nomination_id', '=', n.id).where('reviewer_id', '=', me.id).executeTakeFirst();
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    if (before) await trx.updateTable('award_scores').set({ scores_json: JSON.stringify(input.scores), total, comment: input.comment ?? null, updated_at: at }).where('id', '=', before.id).execute();
    else await trx.insertInto('award_scores').values({ id: newId(), region_id: r.region_id, nomination_id: n.id, round_id: id, reviewer_id: me.id, reviewer_name: me.displayName, scores_json: JSON.stringify(input.scores), total, comment: input.comment ?? null, created_at: at, updated_at: at }).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'award.score', entityType: 'awardNomination', entityId: n.id, regionId: r.region_id, summary: `评审打分：${n.subject_name} ${total}分`, before: before ? { scores: JSON.parse(before.scores_json) as unknown, total: before.total } : undefined, after: { scores: input.scores, total, comment: input.comment } });
  });
  return { nominationId: n.id, total, scores: input.scores };
}
