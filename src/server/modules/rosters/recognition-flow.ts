import { z } from 'zod';
import { AWARD_KIND_LABELS, AwardKind, noticePeriod, noticeState, ROUND_NEXT, ROUND_STATUS_LABELS, type RoundStatus } from '../../../domain/rosters/recognition';
import type { Actor, AppContext } from '../../context';
import { AppError, conflict, fieldError, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { auditActor } from '../audit/actor';
import { insertAudit } from '../audit/repo';
import { regionNames } from '../outreach/repo';
import { Advance, findRoundFor, getRound, ObjectionCreate, ObjectionResolve, standingsOf } from './recognition';


/**
 * Moves a round one stage on. reviewing → notice freezes the ranking and opens the public notice today
 * for the round's number of days; notice → announced needs the notice period over and every objection
 * resolved; nominees with an upheld objection are not awarded.
 */
export async function advanceRound(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof Advance>) {
  const r = await findRoundFor(ctx.db, actor, 'award.manage', id);
  const from = r.status as RoundStatus;
  const next = ROUND_NEXT[from];
  if (input.to !== next) throw new AppError(409, 'INVALID_TRANSITION', next ? `当前阶段为“${ROUND_STATUS_LABELS[from]}”，只能进入“${ROUND_STATUS_LABELS[next]}”` : '评选已公布，不能再变更', undefined, { allowed: next ? [next] : [] });
  const at = isoNow(ctx.clock);
  const today = todayInChina(ctx.clock);
  const { noms, ranking } = await standingsOf(ctx.db, r);
  await ctx.db.transaction().execute(async (trx) => {
    let summary = `${r.title}：${ROUND_STATUS_LABELS[from]} → ${ROUND_STATUS_LABELS[next]}`;
    let after: Record<string, unknown> = { status: next };
    if (next === 'reviewing') {
      if (noms.length === 0) throw conflict('尚无推荐对象，不能进入评审');
    } else if (next === 'notice') {
      const unscored = ranking.filter((x) => x.score === null);
      if (unscored.length) throw conflict(`尚有${unscored.length}名推荐对象未经评审打分`, { unscored: unscored.map((x) => x.nominationId) });
      const p = noticePeriod(today, r.notice_days);
      for (const x of ranking) await trx.updateTable('award_nominations').set({ score: x.score, rank: x.rank, status: x.selected ? 'candidate' : 'not_selected', updated_at: at }).where('id', '=', x.nominationId).execute();
      await trx.updateTable('award_rounds').set({ notice_start: p.start, notice_end: p.end }).where('id', '=', id).execute();
      const selected = ranking.filter((x) => x.selected);
      summary += `，公示${p.start}至${p.end}，拟入选${selected.length}名`;
      after = { ...after, notice: p, ranking: ranking.map((x) => ({ nominationId: x.nominationId, score: x.score, rank: x.rank, selected: x.selected, tied: x.tied, tieBreak: x.tieBreak })) };
    } else if (next === 'announced') {
      const state = noticeState(r.notice_start && r.notice_end ? { start: r.notice_start, end: r.notice_end } : null, today);
      if (state !== 'closed') throw conflict(`公示期至${r.notice_end}结束，期满后方可公布`);
      const pending = await trx.selectFrom('award_objections').select('id').where('round_id', '=', id).where('status', '=', 'pending').execute();
      if (pending.length) throw conflict(`尚有${pending.length}件异议未核查处理`);
      const awarded = noms.filter((n) => n.status === 'candidate');
      for (const n of awarded) await trx.updateTable('award_nominations').set({ status: 'awarded', updated_at: at }).where('id', '=', n.id).execute();
      if (r.kind === 'mediation_org') {
        const ids = awarded.map((n) => n.subject_id).filter((x): x is string => !!x);
        if (ids.length) await trx.updateTable('mediation_orgs').set({ gold_on: today }).where('id', 'in', ids).execute();
      }
      await trx.updateTable('award_rounds').set({ announced_on: today }).where('id', '=', id).execute();
      summary += `，${awarded.map((n) => n.subject_name).join('、') || '无'}获评${AWARD_KIND_LABELS[r.kind as AwardKind]}`;
      after = { ...after, announcedOn: today, awarded: awarded.map((n) => ({ id: n.id, name: n.subject_name })) };
    }
    await trx.updateTable('award_rounds').set({ status: next, updated_at: at }).where('id', '=', id).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'award.advance', entityType: 'awardRound', entityId: id, regionId: r.region_id, summary, before: { status: from }, after });
  });
  return getRound(ctx, actor, id);
}

/** An objection received during the public notice, against a nominee on the notice list. */
export async function recordObjection(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof ObjectionCreate>) {
  const r = await findRoundFor(ctx.db, actor, 'award.manage', id);
  const today = todayInChina(ctx.clock);
  const state = r.status === 'notice' ? noticeState({ start: r.notice_start!, end: r.notice_end! }, today) : 'not_started';
  if (state !== 'open') throw new AppError(409, 'INVALID_TRANSITION', r.status === 'notice' ? `公示期为${r.notice_start}至${r.notice_end}，期外不受理异议` : '评选不在公示阶段，不受理异议');
  const n = await ctx.db.selectFrom('award_nominations').selectAll().where('id', '=', input.nominationId).where('round_id', '=', id).executeTakeFirst();
  if (!n || n.status !== 'candidate') throw fieldError('nominationId', '异议对象须为公示名单中的人员或组织');
  const oid = newId();
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('award_objections').values({ id: oid, region_id: r.region_id, round_id: id, nomination_id: n.id, received_on: today, submitter: input.submitter ?? null, content: input.content, status: 'pending', resolution: null, resolved_by: null, resolved_at: null, created_by: actor.principal!.id, created_at: at }).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'award.objection', entityType: 'awardObjection', entityId: oid, regionId: r.region_id, summary: `公示异议：${n.subject_name}`, after: input });
  });
  return { id: oid, nominationId: n.id, receivedOn: today, status: 'pending' };
}

/** The finding on an objection; an upheld objection removes the nominee from the award (status revoked). */
export async function resolveObjection(ctx: AppContext, actor: Actor, id: string, objectionId: string, input: z.infer<typeof ObjectionResolve>) {
  const r = await findRoundFor(ctx.db, actor, 'award.manage', id);
  if (r.status !== 'notice') throw new AppError(409, 'INVALID_TRANSITION', '评选不在公示阶段');
  const o = await ctx.db.selectFrom('award_objections').selectAll().where('id', '=', objectionId).where('round_id', '=', id).executeTakeFirst();
  if (!o) throw notFound('异议');
  if (o.status !== 'pending') throw conflict('该异议已处理');
  const at = isoNow(ctx.clock);
  const status = input.upheld ? 'upheld' : 'dismissed';
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('award_objections').set({ status, resolution: input.resolution, resolved_by: actor.principal!.id, resolved_at: at }).where('id', '=', o.id).execute();
    if (input.upheld) await trx.updateTable('award_nominations').set({ status: 'revoked', updated_at: at }).where('id', '=', o.nomination_id).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'award.objection.resolve', entityType: 'awardObjection', entityId: o.id, regionId: r.region_id, summary: input.upheld ? '异议成立，取消入选资格' : '异议不成立', before: { status: o.status }, after: { status, resolution: input.resolution, nominationId: o.nomination_id } });
  });
  return { id: o.id, status, resolution: input.resolution };
}

export const HonoursQuery = z.object({ year: z.coerce.number().int().optional(), kind: AwardKind.optional() });

/** The public honours list: awarded nominees of announced rounds (no scores, no reviewers). */
export async function goldHonours(ctx: AppContext, q: z.infer<typeof HonoursQuery>) {
  let query = ctx.db.selectFrom('award_nominations as n').innerJoin('award_rounds as r', 'r.id', 'n.round_id').select(['n.id', 'n.subject_name', 'n.nominated_by', 'n.reason', 'n.rank', 'r.year', 'r.kind', 'r.title', 'r.region_id', 'r.announced_on']).where('r.status', '=', 'announced').where('n.status', '=', 'awarded');
  if (q.year) query = query.where('r.year', '=', q.year);
  if (q.kind) query = query.where('r.kind', '=', q.kind);
  const rows = await query.orderBy('r.year', 'desc').orderBy('r.kind').orderBy('n.rank').orderBy('n.subject_name').execute();
  const names = await regionNames(ctx.db);
  return { items: rows.map((x) => ({ id: x.id, year: x.year, kind: x.kind, kindLabel: AWARD_KIND_LABELS[x.kind as AwardKind], title: x.title, name: x.subject_name, nominatedBy: x.nominated_by, deeds: x.reason, region: names.get(x.region_id) ?? null, announcedOn: x.announced_on })) };
}
