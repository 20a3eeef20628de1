import { z } from 'zod';
import { addWorkingDays } from '../../../domain/calendar';
import { loadDefaultCalendar } from '../../../domain/calendar/default-holidays';
import {
  BLACK_CRITERIA,
  decideCheck,
  LIST_KIND_LABELS,
  LIST_KINDS,
  listCriteriaMet,
  listedUntil,
  LISTING_STATUSES,
  nextListingStatus,
  NOTICE_WORKING_DAYS,
  RED_CRITERION,
  redListRevoked,
  removalCheck,
  type ListingEvent,
  type ListingStatus,
  type ListKind,
} from '../../../domain/credit';
import type { Actor, AppContext } from '../../context';
import type { DbOrTrx } from '../../db';
import { AppError, conflict } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import { ENTERPRISE_SCOPE, getEnterpriseInScope } from '../../policy/enterprise-scope';
import { scopeFilter, whereInScope } from '../../policy/scope';
import { auditActor } from '../audit/actor';
import { insertAudit } from '../audit/repo';
import { addTimelineEvent } from '../enterprises/timeline';
import { listFacts } from './facts';

export const ListKindSchema = z.enum(LIST_KINDS, { error: '请选择名单类型' });
export const ListingInput = z.object({
  enterpriseId: z.string().min(1, '请选择企业'),
  kind: ListKindSchema,
  criterionId: z.string().min(1, '请选择列入依据'),
  reason: z.string().trim().min(1, '请填写列入事实').max(2000),
});
export type ListingInput = z.infer<typeof ListingInput>;
export const AppealInput = z.object({ reason: z.string().trim().min(1, '请填写陈述申辩理由').max(2000) });
export type AppealInput = z.infer<typeof AppealInput>;
export const DecideInput = z.object({ decision: z.enum(['list', 'drop'], { error: '请选择决定' }), reply: z.string().trim().min(1, '请填写决定理由或对申辩的答复').max(2000) });
export type DecideInput = z.infer<typeof DecideInput>;
export const RemoveInput = z.object({ corrected: z.boolean().default(false), commitment: z.boolean().default(false), reason: z.string().trim().min(1, '请填写移出说明').max(2000) });
export type RemoveInput = z.infer<typeof RemoveInput>;
export const ListingQuery = z.object({ kind: ListKindSchema.optional(), status: z.enum(LISTING_STATUSES).optional(), enterpriseId: z.string().optional() });
export type ListingQuery = z.infer<typeof ListingQuery>;

const calendar = loadDefaultCalendar();
export const STATUS_LABELS: Record<ListingStatus, string> = { noticed: '已告知（陈述申辩期）', appealed: '已申辩待决定', listed: '已列入', dropped: '不予列入', removed: '已移出' };
const EVENT_LABELS: Record<ListingEvent, string> = { appeal: '陈述申辩', list: '决定列入', drop: '不予列入', remove: '移出名单' };
const CRITERIA = [RED_CRITERION, ...BLACK_CRITERIA];
export const criterionOf = (id: string) => CRITERIA.find((c) => c.id === id);
const ACTIVE: ListingStatus[] = ['noticed', 'appealed', 'listed'];

const invalid = (s: ListingStatus, e: ListingEvent) => {
  const allowed = (['appeal', 'list', 'drop', 'remove'] as const).filter((x) => nextListingStatus(s, x));
  return new AppError(409, 'INVALID_TRANSITION', `当前状态“${STATUS_LABELS[s]}”不能${EVENT_LABELS[e]}；可执行：${allowed.map((x) => EVENT_LABELS[x]).join('、') || '无'}`, undefined, { allowed });
};

const base = (db: DbOrTrx) => db.selectFrom('credit_listings as l').innerJoin('enterprises as e', 'e.id', 'l.enterprise_id').selectAll('l').select(['e.name as enterprise_name', 'e.uscc']);
type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

function present(r: Row, actor: Actor, today: string) {
  const status = r.status as ListingStatus;
  const kind = r.kind as ListKind;
  const official = !!actor.principal?.roles.some((x) => x === 'official' || x === 'admin');
  const criterion = criterionOf(r.criterion_id);
  return {
    id: r.id,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    uscc: r.uscc,
    kind,
    kindName: LIST_KIND_LABELS[kind],
    criterion: criterion ? { id: criterion.id, text: criterion.text, citation: criterion.citation } : null,
    reason: r.reason,
    status,
    statusName: STATUS_LABELS[status],
    noticedOn: r.noticed_on,
    noticeDueOn: r.notice_due_on,
    appeal: r.appeal ? { reason: r.appeal, at: r.appeal_at } : null,
    decisionReply: r.decision_reply,
    decidedAt: r.decided_at,
    listedOn: r.listed_on,
    listedUntil: r.listed_until,
    removedOn: r.removed_on,
    removalReason: r.removal_reason,
    sourceId: r.source_id,
    createdAt: r.created_at,
    abilities: {
      appeal: !!actor.principal?.roles.includes('enterprise') && status === 'noticed' && today <= r.notice_due_on,
      decide: official && decideCheck(status, r.notice_due_on, today).allowed,
      remove: official && status === 'listed',
    },
  };
}

async function listingInScope(db: DbOrTrx, actor: Actor, action: 'creditList.read' | 'creditList.manage' | 'creditList.appeal', id: string) {
  const r = await base(db).where('l.id', '=', id).where(whereInScope(scopeFilter(actor.principal, action), { region: 'l.region_id', enterprise: 'l.enterprise_id' })).executeTakeFirst();
  if (!r) throw new AppError(404, 'NOT_FOUND', '名单记录不存在或无权查看');
  return r;
}

/** Enterprises in scope that meet a criterion now and are not already on (or being put on) that list. */
export async function listCandidates(ctx: AppContext, actor: Actor, kind: ListKind) {
  const today = todayInChina(ctx.clock);
  const filter = scopeFilter(actor.principal, 'creditList.manage');
  let q = ctx.db.selectFrom('enterprises').select(['id', 'name', 'uscc', 'credit_grade']).where(whereInScope(filter, ENTERPRISE_SCOPE));
  // Narrow the set before reading the record: red needs an A grade now, black an unresolved arrears case.
  q = kind === 'red' ? q.where('credit_grade', '=', 'A') : q.where('id', 'in', ctx.db.selectFrom('wage_arrears_cases').select('enterprise_id').where('status', '!=', 'resolved'));
  const ents = await q.orderBy('name').execute();
  const active = new Set((await ctx.db.selectFrom('credit_listings').select('enterprise_id').where('kind', '=', kind).where('status', 'in', ACTIVE).execute()).map((r) => r.enterprise_id));
  const facts = await listFacts(ctx.db, ents.map((e) => e.id), today);
  const items = ents
    .filter((e) => !active.has(e.id))
    .map((e) => ({ e, f: facts.get(e.id)!, met: listCriteriaMet(facts.get(e.id)!).filter((c) => c.kind === kind) }))
    .filter((x) => x.met.length > 0)
    .map(({ e, f, met }) => ({ enterpriseId: e.id, enterpriseName: e.name, uscc: e.uscc, grade: e.credit_grade, criteria: met, arrearsCaseId: f.arrearsCaseId }));
  return { items, total: items.length };
}

/** 列入前告知: the enterprise is told the facts, the basis and its right to 陈述、申辩 within the period. */
export async function noticeListing(ctx: AppContext, actor: Actor, input: ListingInput) {
  const e = await getEnterpriseInScope(ctx.db, actor, 'creditList.manage', input.enterpriseId);
  const today = todayInChina(ctx.clock);
  const criterion = criterionOf(input.criterionId);
  if (!criterion || criterion.kind !== input.kind) throw new AppError(400, 'VALIDATION', '列入依据与名单类型不符', [{ field: 'criterionId', message: '列入依据与名单类型不符' }]);
  const facts = (await listFacts(ctx.db, [e.id], today)).get(e.id)!;
  if (!listCriteriaMet(facts).some((c) => c.id === criterion.id)) throw conflict(`企业不符合列入条件：${criterion.text}（${criterion.citation}）`);
  const active = await ctx.db.selectFrom('credit_listings').select(['id', 'status']).where('enterprise_id', '=', e.id).where('kind', '=', input.kind).where('status', 'in', ACTIVE).executeTakeFirst();
  if (active) throw conflict(`该企业已在${LIST_KIND_LABELS[input.kind]}程序中（${STATUS_LABELS[active.status as ListingStatus]}）`, { id: active.id });
  const at = isoNow(ctx.clock);
  const id = newId();
  const dueOn = addWorkingDays(calendar, today, NOTICE_WORKING_DAYS);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('credit_listings')
      .values({ id, region_id: e.region_id, enterprise_id: e.id, kind: input.kind, criterion_id: criterion.id, reason: input.reason, status: 'noticed', noticed_on: today, notice_due_on: dueOn, appeal: null, appeal_at: null, decision_reply: null, decided_by: null, decided_at: null, listed_on: null, listed_until: null, removed_on: null, removal_reason: null, source_id: input.kind === 'black' ? facts.arrearsCaseId : null, created_by: actor.principal!.id, created_at: at, updated_at: at })
      .execute();
    await addTimelineEvent(trx, { enterpriseId: e.id, regionId: e.region_id, at, kind: 'creditList.notice', module: 'credit', title: `拟列入${LIST_KIND_LABELS[input.kind]}（告知）`, detail: `${criterion.text}；陈述申辩期至${dueOn}`, refType: 'creditListing', refId: id, actorId: actor.principal!.id, actorName: actor.principal!.displayName });
    await insertAudit(trx, { at, ...auditActor(actor), action: 'creditList.notice', entityType: 'creditListing', entityId: id, regionId: e.region_id, summary: `告知${e.name}拟列入${LIST_KIND_LABELS[input.kind]}（${criterion.citation}）`, after: input });
  });
  return present(await listingInScope(ctx.db, actor, 'creditList.manage', id), actor, today);
}

export async function appealListing(ctx: AppContext, actor: Actor, id: string, input: AppealInput) {
  const r = await listingInScope(ctx.db, actor, 'creditList.appeal', id);
  const today = todayInChina(ctx.clock);
  const next = nextListingStatus(r.status as ListingStatus, 'appeal');
  if (!next) throw invalid(r.status as ListingStatus, 'appeal');
  if (today > r.notice_due_on) throw conflict(`陈述申辩期已于${r.notice_due_on}届满`);
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('credit_listings').set({ status: next, appeal: input.reason, appeal_at: at, updated_at: at }).where('id', '=', id).where('status', '=', r.status).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'creditList.appeal', entityType: 'creditListing', entityId: id, regionId: r.region_id, summary: `${r.enterprise_name}对拟列入${LIST_KIND_LABELS[r.kind as ListKind]}提出陈述申辩`, after: input });
  });
  return present(await listingInScope(ctx.db, actor, 'creditList.appeal', id), actor, today);
}

export async function decideListing(ctx: AppContext, actor: Actor, id: string, input: DecideInput) {
  const r = await listingInScope(ctx.db, actor, 'creditList.manage', id);
  const status = r.status as ListingStatus;
  const next = nextListingStatus(status, input.decision);
  if (!next) throw invalid(status, input.decision);
  const today = todayInChina(ctx.clock);
  const check = decideCheck(status, r.notice_due_on, today);
  if (!check.allowed) throw conflict(check.reason);
  const kind = r.kind as ListKind;
  const at = isoNow(ctx.clock);
  const listed = input.decision === 'list';
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('credit_listings')
      .set({ status: next, decision_reply: input.reply, decided_by: actor.principal!.id, decided_at: at, listed_on: listed ? today : null, listed_until: listed ? listedUntil(kind, today) : null, updated_at: at })
      .where('id', '=', id)
      .where('status', '=', status)
      .execute();
    await addTimelineEvent(trx, { enterpriseId: r.enterprise_id, regionId: r.region_id, at, kind: `creditList.${input.decision}`, module: 'credit', title: listed ? `列入${LIST_KIND_LABELS[kind]}（至${listedUntil(kind, today)}）` : `不予列入${LIST_KIND_LABELS[kind]}`, detail: input.reply, refType: 'creditListing', refId: id, actorId: actor.principal!.id, actorName: actor.principal!.displayName });
    await insertAudit(trx, { at, ...auditActor(actor), action: `creditList.${input.decision}`, entityType: 'creditListing', entityId: id, regionId: r.region_id, summary: `${listed ? '决定列入' : '决定不予列入'}${LIST_KIND_LABELS[kind]}：${r.enterprise_name}`, before: { status }, after: input });
  });
  return present(await listingInScope(ctx.db, actor, 'creditList.manage', id), actor, today);
}

/** 移出: at the end of the period, early for a corrected black-listed enterprise, at once for a red one that broke the law. */
export async function removeListing(ctx: AppContext, actor: Actor, id: string, input: RemoveInput) {
  const r = await listingInScope(ctx.db, actor, 'creditList.manage', id);
  const status = r.status as ListingStatus;
  const next = nextListingStatus(status, 'remove');
  if (!next) throw invalid(status, 'remove');
  const today = todayInChina(ctx.clock);
  const kind = r.kind as ListKind;
  const since = await ctx.db.selectFrom('labor_violations').select((eb) => eb.fn.countAll<number>().as('n')).where('enterprise_id', '=', r.enterprise_id).where('found_on', '>=', r.listed_on!).executeTakeFirstOrThrow();
  const revoked = redListRevoked(kind, Number(since.n));
  const check = revoked ? { allowed: true, reason: '列入期间被查处劳动保障违法行为，撤销红名单' } : removalCheck(kind, r.listed_on!, today, input);
  if (!check.allowed) throw conflict(`不符合移出条件：${check.reason}`);
  const at = isoNow(ctx.clock);
  const why = `${check.reason}。${input.reason}`;
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('credit_listings').set({ status: next, removed_on: today, removal_reason: why, updated_at: at }).where('id', '=', id).where('status', '=', status).execute();
    await addTimelineEvent(trx, { enterpriseId: r.enterprise_id, regionId: r.region_id, at, kind: 'creditList.remove', module: 'credit', title: `移出${LIST_KIND_LABELS[kind]}`, detail: why, refType: 'creditListing', refId: id, actorId: actor.principal!.id, actorName: actor.principal!.displayName });
    await insertAudit(trx, { at, ...auditActor(actor), action: 'creditList.remove', entityType: 'creditListing', entityId: id, regionId: r.region_id, summary: `${r.enterprise_name}移出${LIST_KIND_LABELS[kind]}：${check.reason}`, before: { status }, after: input });
  });
  return present(await listingInScope(ctx.db, actor, 'creditList.manage', id), actor, today);
}

export async function listListings(ctx: AppContext, actor: Actor, q: ListingQuery & PageQuery) {
  let query = base(ctx.db).where(whereInScope(scopeFilter(actor.principal, 'creditList.read'), { region: 'l.region_id', enterprise: 'l.enterprise_id' }));
  if (q.kind) query = query.where('l.kind', '=', q.kind);
  if (q.status) query = query.where('l.status', '=', q.status);
  if (q.enterpriseId) query = query.where('l.enterprise_id', '=', q.enterpriseId);
  const { total } = await ctx.db.selectFrom(query.as('x')).select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.orderBy('l.created_at', 'desc').orderBy('l.id').limit(q.pageSize).offset(pageOffset(q)).execute();
  const today = todayInChina(ctx.clock);
  return { items: rows.map((r) => present(r, actor, today)), total: Number(total), page: q.page, pageSize: q.pageSize };
}

export async function getListing(ctx: AppContext, actor: Actor, id: string) {
  return present(await listingInScope(ctx.db, actor, 'creditList.read', id), actor, todayInChina(ctx.clock));
}

/** Listed enterprises whose period has not ended, as the public page and the export see them. */
export async function currentlyListed(db: DbOrTrx, today: string, kind: ListKind | undefined, scope?: ReturnType<typeof whereInScope>) {
  let q = base(db).where('l.status', '=', 'listed').where('l.listed_until', '>', today);
  if (kind) q = q.where('l.kind', '=', kind);
  if (scope) q = q.where(scope);
  return q.orderBy('l.kind').orderBy('l.listed_on', 'desc').orderBy('e.name');
}
