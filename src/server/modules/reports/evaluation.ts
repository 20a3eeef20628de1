import { z } from 'zod';
import type { Actor, AppContext } from '../../context';
import { AppError, conflict, fieldError, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { scopeFilter, whereInScope } from '../../policy/scope';
import { insertAudit } from '../audit/repo';
import { statusOf } from '../indicators/compute';
import { findIndicator } from '../indicators/repo';
import { resolveRegion } from '../indicators/service';
import { buildDocx } from './documents';
import { LIGHT_LABELS } from '../../../domain/plans/traffic-light';
import { can } from '../../../domain/access/policy';

export const RoundCreate = z.object({
  title: z.string().trim().min(2, '请填写评估名称').max(200),
  regionId: z.string().regex(/^\d{6,12}$/, '区域编码格式不正确'),
  year: z.number().int().min(2000).max(2100),
  indicatorIds: z.array(z.string()).min(1, '至少选择一项评估指标').max(40),
});
export type RoundCreate = z.infer<typeof RoundCreate>;
export const ScoreInput = z.object({ indicatorId: z.string().min(1), score: z.number().min(0, '得分不能为负'), maxScore: z.number().positive('满分须大于0'), comment: z.string().max(1000).optional() });
export type ScoreInput = z.infer<typeof ScoreInput>;
export const FindingInput = z.object({ severity: z.enum(['strength', 'issue', 'suggestion']), text: z.string().trim().min(5, '评估意见至少5个字').max(2000) });
export type FindingInput = z.infer<typeof FindingInput>;

const SEVERITY = { strength: '亮点', issue: '问题', suggestion: '建议' } as const;
const who = (a: Actor) => ({ actorId: a.principal?.id ?? null, actorName: a.principal?.displayName ?? null, ip: a.ip });

async function getRound(ctx: AppContext, actor: Actor, id: string) {
  const filter = scopeFilter(actor.principal, 'evaluation.manage');
  const round = await ctx.db.selectFrom('evaluation_rounds').selectAll().where('id', '=', id).where(whereInScope(filter, { region: 'evaluation_rounds.region_id' })).executeTakeFirst();
  if (!round) throw notFound('评估');
  return round;
}

export async function createRound(ctx: AppContext, actor: Actor, input: RoundCreate) {
  const region = await resolveRegion(ctx, actor, 'evaluation.manage', input.regionId);
  for (const [i, id] of input.indicatorIds.entries()) if (!(await findIndicator(ctx.db, id))) throw fieldError(`indicatorIds.${i}`, '指标不存在');
  const at = isoNow(ctx.clock);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('evaluation_rounds').values({ id, region_id: region.id, title: input.title, year: input.year, indicator_ids: JSON.stringify(input.indicatorIds), status: 'open', created_by: actor.principal!.id, created_at: at, closed_at: null }).execute();
    await insertAudit(trx, { at, ...who(actor), action: 'evaluation.create', entityType: 'evaluation', entityId: id, regionId: region.id, summary: `发起评估“${input.title}”`, after: input });
  });
  return getRoundDetail(ctx, actor, id);
}

export async function listRounds(ctx: AppContext, actor: Actor) {
  const filter = scopeFilter(actor.principal, 'evaluation.manage');
  const rows = await ctx.db.selectFrom('evaluation_rounds').selectAll().where(whereInScope(filter, { region: 'evaluation_rounds.region_id' })).orderBy('created_at', 'desc').limit(100).execute();
  return { items: rows.map((r) => ({ id: r.id, title: r.title, regionId: r.region_id, year: r.year, status: r.status, createdAt: r.created_at })) };
}

export async function getRoundDetail(ctx: AppContext, actor: Actor, id: string) {
  const round = await getRound(ctx, actor, id);
  const today = todayInChina(ctx.clock);
  const scores = await ctx.db.selectFrom('evaluation_scores').selectAll().where('round_id', '=', id).execute();
  const findings = await ctx.db.selectFrom('evaluation_findings').selectAll().where('round_id', '=', id).orderBy('created_at').execute();
  const indicators = [];
  for (const indId of JSON.parse(round.indicator_ids) as string[]) {
    const ind = await findIndicator(ctx.db, indId);
    if (!ind) continue;
    const s = await statusOf(ctx.db, ind, round.region_id, round.year, today);
    const mine = scores.filter((x) => x.indicator_id === indId);
    const avg = mine.length ? Math.round((mine.reduce((a, x) => a + Number(x.score) / Number(x.max_score), 0) / mine.length) * 1000) / 10 : null;
    indicators.push({ id: ind.id, name: ind.name, unit: ind.unit, value: s.figure.value, target: s.target, light: s.light, scores: mine.map((x) => ({ reviewerId: x.reviewer_id, score: Number(x.score), maxScore: Number(x.max_score), comment: x.comment })), averagePercent: avg });
  }
  const scored = indicators.filter((i) => i.averagePercent !== null);
  const overall = scored.length ? Math.round((scored.reduce((a, i) => a + i.averagePercent!, 0) / scored.length) * 10) / 10 : null;
  return {
    id: round.id, title: round.title, regionId: round.region_id, year: round.year, status: round.status, createdAt: round.created_at, closedAt: round.closed_at,
    indicators, overallPercent: overall,
    findings: findings.map((f) => ({ id: f.id, severity: f.severity, text: f.text, reviewerId: f.reviewer_id, createdAt: f.created_at })),
    abilities: { score: round.status === 'open' && can(actor.principal, 'evaluation.score', { regionId: round.region_id }), close: round.status === 'open' },
  };
}

function assertOpen(round: { status: string }) {
  if (round.status !== 'open') throw new AppError(409, 'INVALID_TRANSITION', '评估已结束，不能再评分或提出意见', undefined, { allowed: [] });
}

export async function scoreIndicator(ctx: AppContext, actor: Actor, id: string, input: ScoreInput) {
  const round = await getRound(ctx, actor, id);
  assertOpen(round);
  if (!(JSON.parse(round.indicator_ids) as string[]).includes(input.indicatorId)) throw fieldError('indicatorId', '该指标不在本次评估范围内');
  if (input.score > input.maxScore) throw fieldError('score', '得分不能超过满分');
  const at = isoNow(ctx.clock);
  const reviewer = actor.principal!.id;
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('evaluation_scores').where('round_id', '=', id).where('indicator_id', '=', input.indicatorId).where('reviewer_id', '=', reviewer).execute();
    await trx.insertInto('evaluation_scores').values({ id: newId(), round_id: id, region_id: round.region_id, indicator_id: input.indicatorId, reviewer_id: reviewer, score: input.score, max_score: input.maxScore, comment: input.comment ?? null, created_at: at }).execute();
    await insertAudit(trx, { at, ...who(actor), action: 'evaluation.score', entityType: 'evaluation', entityId: id, regionId: round.region_id, summary: `评分 ${input.indicatorId}：${input.score}/${input.maxScore}`, after: input });
  });
  return getRoundDetail(ctx, actor, id);
}

export async function addFinding(ctx: AppContext, actor: Actor, id: string, input: FindingInput) {
  const round = await getRound(ctx, actor, id);
  assertOpen(round);
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('evaluation_findings').values({ id: newId(), round_id: id, region_id: round.region_id, reviewer_id: actor.principal!.id, severity: input.severity, text: input.text, created_at: at }).execute();
    await insertAudit(trx, { at, ...who(actor), action: 'evaluation.finding', entityType: 'evaluation', entityId: id, regionId: round.region_id, summary: `评估意见（${SEVERITY[input.severity]}）`, after: input });
  });
  return getRoundDetail(ctx, actor, id);
}

export async function closeRound(ctx: AppContext, actor: Actor, id: string) {
  const round = await getRound(ctx, actor, id);
  if (round.status !== 'open') throw conflict('评估已结束', { allowed: [] });
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('evaluation_rounds').set({ status: 'closed', closed_at: at }).where('id', '=', id).execute();
    await insertAudit(trx, { at, ...who(actor), action: 'evaluation.close', entityType: 'evaluation', entityId: id, regionId: round.region_id, summary: `结束评估“${round.title}”` });
  });
  return getRoundDetail(ctx, actor, id);
}

/** The summary report of an evaluation round: scores per indicator, overall, and the findings. */
export async function roundSummaryDocx(ctx: AppContext, actor: Actor, id: string) {
  const r = await getRoundDetail(ctx, actor, id);
  const unit = await ctx.db.selectFrom('org_units').select('name').where('id', '=', actor.principal!.orgUnitId).executeTakeFirst();
  const data = await buildDocx({
    title: `${r.title}评估总结报告`,
    subtitle: `（${r.year}年度）`,
    blocks: [
      { kind: 'heading', text: '一、评估总体情况' },
      { kind: 'paragraph', text: `本次评估共${r.indicators.length}项指标，${r.indicators.filter((i) => i.averagePercent !== null).length}项已评分，综合得分率${r.overallPercent ?? '—'}%。` },
      { kind: 'heading', text: '二、指标评分' },
      { kind: 'table', columns: [{ title: '指标', width: 30 }, { title: '实际', width: 12 }, { title: '目标', width: 12 }, { title: '状态', width: 8 }, { title: '得分率', width: 10 }], rows: r.indicators.map((i) => [i.name, i.value === null ? '—' : `${i.value}${i.unit}`, i.target === null ? '—' : `${i.target}${i.unit}`, LIGHT_LABELS[i.light], i.averagePercent === null ? '未评分' : `${i.averagePercent}%`]) },
      { kind: 'heading', text: '三、评估意见' },
      ...(r.findings.length ? r.findings.map((f, i) => ({ kind: 'paragraph' as const, text: `${i + 1}. 【${SEVERITY[f.severity as keyof typeof SEVERITY] ?? f.severity}】${f.text}` })) : [{ kind: 'paragraph' as const, text: '无。' }]),
    ],
    issuer: unit?.name ?? '评估组',
    date: todayInChina(ctx.clock),
  });
  return { name: `${r.title}-评估总结报告.docx`, data };
}
