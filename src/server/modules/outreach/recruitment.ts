import { z } from 'zod';
import { DEFAULT_RECRUITMENT_TARGETS, recruitmentProgress, RecruitmentMode } from '../../../domain/enterprise-services/recruitment';
import type { Actor, AppContext } from '../../context';
import { fieldError } from '../../errors';
import { isoNow } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import { scopeFilter, whereInScope } from '../../policy/scope';
import { auditActor } from '../audit/actor';
import { insertAudit } from '../audit/repo';

const Year = z.coerce.number().int().min(2000, '年份不正确').max(2100, '年份不正确');
export const RecruitmentQuery = z.object({ year: Year, mode: RecruitmentMode.optional() });
export type RecruitmentQuery = z.infer<typeof RecruitmentQuery>;
export const RecruitmentCreate = z.object({
  mode: RecruitmentMode,
  title: z.string().trim().min(1, '请填写名称').max(200),
  heldOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD'),
  venue: z.string().trim().max(200).optional(),
  employers: z.number().int().min(0).max(100_000).default(0),
  positions: z.number().int().min(0).max(1_000_000).default(0),
  attendees: z.number().int().min(0).max(1_000_000).default(0),
});
export type RecruitmentCreate = z.infer<typeof RecruitmentCreate>;
export const TargetsUpdate = z.object({ online: z.number().int().min(0).max(10_000), offline: z.number().int().min(0).max(10_000) });
export type TargetsUpdate = z.infer<typeof TargetsUpdate>;

const inScope = (actor: Actor, action: 'recruitment.read' | 'recruitment.manage', col: string) => whereInScope(scopeFilter(actor.principal, action), { region: col });

export async function listRecruitment(ctx: AppContext, actor: Actor, q: RecruitmentQuery & PageQuery) {
  let query = ctx.db.selectFrom('recruitment_events').where(inScope(actor, 'recruitment.read', 'recruitment_events.region_id')).where('year', '=', q.year);
  if (q.mode) query = query.where('mode', '=', q.mode);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('held_on', 'desc').orderBy('id').limit(q.pageSize).offset(pageOffset(q)).execute();
  return {
    items: rows.map((r) => ({ id: r.id, regionId: r.region_id, year: r.year, mode: r.mode, title: r.title, heldOn: r.held_on, venue: r.venue, employers: r.employers, positions: r.positions, attendees: r.attendees })),
    total: Number(total),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Events held this year against the region's targets (default 30 online, 80 offline — seed 000 五). */
export async function recruitmentStats(ctx: AppContext, actor: Actor, year: number) {
  const rows = await ctx.db
    .selectFrom('recruitment_events')
    .select((eb) => ['mode', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('positions').as('positions'), eb.fn.sum<number>('attendees').as('attendees')])
    .where(inScope(actor, 'recruitment.read', 'recruitment_events.region_id'))
    .where('year', '=', year)
    .groupBy('mode')
    .execute();
  const regionId = actor.principal!.regionId;
  const t = await ctx.db.selectFrom('recruitment_targets').selectAll().where('region_id', '=', regionId).where('year', '=', year).executeTakeFirst();
  const targets = t ? { online: t.online_target, offline: t.offline_target } : { ...DEFAULT_RECRUITMENT_TARGETS };
  const counts = { online: 0, offline: 0 };
  for (const r of rows) counts[r.mode as RecruitmentMode] = Number(r.n);
  return {
    year,
    regionId,
    targets,
    progress: recruitmentProgress(counts, targets),
    positions: rows.reduce((s, r) => s + Number(r.positions ?? 0), 0),
    attendees: rows.reduce((s, r) => s + Number(r.attendees ?? 0), 0),
  };
}

export async function createRecruitment(ctx: AppContext, actor: Actor, input: RecruitmentCreate) {
  const year = Number(input.heldOn.slice(0, 4));
  if (Number.isNaN(Date.parse(input.heldOn))) throw fieldError('heldOn', '日期不正确');
  const at = isoNow(ctx.clock);
  const id = newId();
  const regionId = actor.principal!.regionId;
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('recruitment_events')
      .values({ id, region_id: regionId, year, mode: input.mode, title: input.title, held_on: input.heldOn, venue: input.venue ?? null, employers: input.employers, positions: input.positions, attendees: input.attendees, created_by: actor.principal!.id, created_at: at })
      .execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'recruitment.create', entityType: 'recruitmentEvent', entityId: id, regionId, summary: `登记招聘会：${input.title}`, after: input });
  });
  return { id, regionId, year, ...input, venue: input.venue ?? null };
}

export async function setTargets(ctx: AppContext, actor: Actor, year: number, input: TargetsUpdate) {
  const at = isoNow(ctx.clock);
  const regionId = actor.principal!.regionId;
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('recruitment_targets').selectAll().where('region_id', '=', regionId).where('year', '=', year).executeTakeFirst();
    if (before) await trx.updateTable('recruitment_targets').set({ online_target: input.online, offline_target: input.offline, updated_at: at }).where('id', '=', before.id).execute();
    else await trx.insertInto('recruitment_targets').values({ id: newId(), region_id: regionId, year, online_target: input.online, offline_target: input.offline, updated_at: at }).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'recruitment.targets', entityType: 'recruitmentTarget', entityId: `${regionId}:${year}`, regionId, before: before ? { online: before.online_target, offline: before.offline_target } : null, after: input });
  });
  return recruitmentStats(ctx, actor, year);
}
