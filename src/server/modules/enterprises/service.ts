import { can } from '../../../domain/access/policy';
import { sizeClassFromHeadcount } from '../../../domain/enterprise/industries';
import { ENTERPRISE_SELF_FIELDS, type EnterpriseCreate, type EnterpriseListQuery, type EnterpriseUpdate } from '../../../domain/enterprise/registry';
import type { Actor, AppContext, AuthPrincipal } from '../../context';
import type { DbOrTrx } from '../../db';
import { AppError, conflict, fieldError, forbidden, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import { scopeFilter } from '../../policy/scope';
import { insertAudit } from '../audit/repo';
import { enterpriseRef, selfServiceOnly, timelineModules } from './policy';
import { parseContacts, presentDetail, presentListItem } from './presenter';
import { findEnterpriseById, findEnterpriseByUscc, headcountHistory, listEnterprises, regionNames, type EnterpriseRow } from './repo';
import { addTimelineEvent, listTimeline } from './timeline';

export const FIELD_LABELS: Record<string, string> = {
  name: '企业名称', regionId: '所属区域', legalRepresentative: '法定代表人', address: '地址', industryCode: '行业', ownership: '经济类型',
  sizeClass: '企业规模', headcount: '职工人数', isKey: '重点企业', unionEstablished: '是否建会', unionEstablishedOn: '建会时间', unionChair: '工会主席',
  unionMembers: '工会会员数', contractSigningRate: '劳动合同签订率', contactName: '联系人', contactPhone: '联系电话', contacts: '其他联系人',
  coordinatorUserId: '劳动关系协调员', registeredOn: '成立日期',
};

export const principalOf = (actor: Actor): AuthPrincipal => {
  if (!actor.principal) throw new AppError(401, 'UNAUTHENTICATED', '请先登录');
  return actor.principal;
};
const auditActor = (actor: Actor) => ({ actorId: actor.principal?.id ?? null, actorName: actor.principal?.displayName ?? null, ip: actor.ip });

/** Reads an enterprise the principal may see for `action`; anything out of scope is 404 (no existence leak). */
export async function getEnterpriseInScope(db: DbOrTrx, p: AuthPrincipal, id: string, action: 'enterprise.read' | 'enterprise.update' = 'enterprise.read'): Promise<EnterpriseRow> {
  const e = await findEnterpriseById(db, id);
  if (!e || !can(p, 'enterprise.read', enterpriseRef(e))) throw notFound('企业');
  if (action !== 'enterprise.read' && !can(p, action, enterpriseRef(e))) throw forbidden();
  return e;
}

async function checkRegion(ctx: AppContext, p: AuthPrincipal, regionId: string) {
  const r = await ctx.db.selectFrom('regions').select(['id', 'level']).where('id', '=', regionId).executeTakeFirst();
  if (!r || !['street', 'town', 'park', 'community'].includes(r.level)) throw fieldError('regionId', '所属区域应为街道、镇或园区');
  if (!can(p, 'enterprise.create', { regionId })) throw fieldError('regionId', '所属区域不在您的管辖范围内');
}

async function checkCoordinator(ctx: AppContext, userId: string) {
  const u = await ctx.db.selectFrom('users').select(['id', 'roles']).where('id', '=', userId).executeTakeFirst();
  if (!u || !u.roles.includes('"coordinator"')) throw fieldError('coordinatorUserId', '所选用户不是劳动关系协调员');
}

export async function listEnterprisesFor(ctx: AppContext, actor: Actor, q: EnterpriseListQuery & PageQuery) {
  const filter = scopeFilter(actor.principal, 'enterprise.read');
  const [{ total, rows }, regions] = await Promise.all([listEnterprises(ctx.db, filter, q, q.pageSize, pageOffset(q)), regionNames(ctx.db)]);
  return { items: rows.map((r) => presentListItem(r, regions)), total, page: q.page, pageSize: q.pageSize };
}

export async function enterpriseDetail(ctx: AppContext, actor: Actor, id: string) {
  const p = principalOf(actor);
  const e = await getEnterpriseInScope(ctx.db, p, id);
  const [regions, history, coordinator] = await Promise.all([
    regionNames(ctx.db),
    headcountHistory(ctx.db, id),
    e.coordinator_user_id ? ctx.db.selectFrom('users').select('display_name').where('id', '=', e.coordinator_user_id).executeTakeFirst() : undefined,
  ]);
  return presentDetail(e, regions, p, { coordinatorName: coordinator?.display_name ?? null, headcountHistory: history });
}

export async function createEnterprise(ctx: AppContext, actor: Actor, input: EnterpriseCreate) {
  const p = principalOf(actor);
  await checkRegion(ctx, p, input.regionId);
  if (input.coordinatorUserId) await checkCoordinator(ctx, input.coordinatorUserId);
  if (await findEnterpriseByUscc(ctx.db, input.uscc)) throw conflict('统一社会信用代码已登记', { field: 'uscc' });
  const id = newId();
  const at = isoNow(ctx.clock);
  const today = todayInChina(ctx.clock);
  const asOf = input.headcountAsOf ?? today;
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('enterprises')
      .values({
        id, name: input.name, uscc: input.uscc, region_id: input.regionId,
        legal_representative: input.legalRepresentative ?? null, address: input.address ?? null,
        industry_code: input.industryCode ?? null, ownership: input.ownership ?? null,
        size_class: input.sizeClass ?? (input.headcount != null ? sizeClassFromHeadcount(input.headcount) : null),
        headcount: input.headcount ?? null, headcount_as_of: input.headcount != null ? asOf : null,
        is_key: input.isKey ? 1 : 0, union_established: input.unionEstablished || input.unionEstablishedOn ? 1 : 0,
        union_established_on: input.unionEstablishedOn ?? null, union_chair: input.unionChair ?? null, union_members: input.unionMembers ?? null,
        contract_signing_rate: input.contractSigningRate ?? null, contact_name: input.contactName ?? null, contact_phone: input.contactPhone ?? null,
        contacts: input.contacts ? JSON.stringify(input.contacts) : null, coordinator_user_id: input.coordinatorUserId ?? null,
        registered_on: input.registeredOn ?? null, created_at: at, updated_at: at, version: 1,
      })
      .execute()
      .catch((err: unknown) => {
        if (/unique|duplicate/i.test(String(err))) throw conflict('统一社会信用代码已登记', { field: 'uscc' });
        throw err;
      });
    if (input.headcount != null) {
      await trx.insertInto('headcount_records').values({ id: newId(), enterprise_id: id, region_id: input.regionId, as_of: asOf, headcount: input.headcount, delta: input.headcount, source: 'manual', created_at: at }).execute();
    }
    await addTimelineEvent(trx, { enterpriseId: id, regionId: input.regionId, at, kind: 'registry.created', module: 'registry', title: '企业登记入库', actorId: p.id, actorName: p.displayName });
    await insertAudit(trx, { at, ...auditActor(actor), action: 'enterprise.create', entityType: 'enterprise', entityId: id, regionId: input.regionId, summary: `登记企业 ${input.name}`, after: input });
  });
  return enterpriseDetail(ctx, actor, id);
}

type Patch = Record<string, unknown>;

/** The column values of an update, and the Chinese labels of what changed. */
function diff(e: EnterpriseRow, input: EnterpriseUpdate): { set: Patch; changed: string[] } {
  const map: [keyof EnterpriseUpdate, keyof EnterpriseRow, (v: unknown) => unknown][] = [
    ['name', 'name', (v) => v], ['regionId', 'region_id', (v) => v], ['legalRepresentative', 'legal_representative', (v) => v ?? null],
    ['address', 'address', (v) => v ?? null], ['industryCode', 'industry_code', (v) => v ?? null], ['ownership', 'ownership', (v) => v ?? null],
    ['sizeClass', 'size_class', (v) => v ?? null], ['headcount', 'headcount', (v) => v ?? null], ['isKey', 'is_key', (v) => (v ? 1 : 0)],
    ['unionEstablished', 'union_established', (v) => (v ? 1 : 0)], ['unionEstablishedOn', 'union_established_on', (v) => v ?? null],
    ['unionChair', 'union_chair', (v) => v ?? null], ['unionMembers', 'union_members', (v) => v ?? null],
    ['contractSigningRate', 'contract_signing_rate', (v) => v ?? null], ['contactName', 'contact_name', (v) => v ?? null],
    ['contactPhone', 'contact_phone', (v) => v ?? null], ['contacts', 'contacts', (v) => (v ? JSON.stringify(v) : null)],
    ['coordinatorUserId', 'coordinator_user_id', (v) => v ?? null], ['registeredOn', 'registered_on', (v) => v ?? null],
  ];
  const set: Patch = {};
  const changed: string[] = [];
  for (const [field, col, conv] of map) {
    if (input[field] === undefined) continue;
    const v = conv(input[field]);
    if (v !== e[col]) {
      set[col] = v;
      changed.push(FIELD_LABELS[field] ?? field);
    }
  }
  return { set, changed };
}

export async function updateEnterprise(ctx: AppContext, actor: Actor, id: string, input: EnterpriseUpdate) {
  const p = principalOf(actor);
  const e = await getEnterpriseInScope(ctx.db, p, id, 'enterprise.update');
  if (selfServiceOnly(p, e)) {
    const extra = Object.keys(input).filter((k) => input[k as keyof EnterpriseUpdate] !== undefined && !(ENTERPRISE_SELF_FIELDS as readonly string[]).includes(k));
    if (extra.length) throw new AppError(403, 'FORBIDDEN', `企业用户只能修改联系人和人事信息，不能修改：${extra.map((k) => FIELD_LABELS[k] ?? k).join('、')}`, extra.map((f) => ({ field: f, message: '无权修改此项' })));
  }
  if (input.regionId && input.regionId !== e.region_id) await checkRegion(ctx, p, input.regionId);
  if (input.coordinatorUserId) await checkCoordinator(ctx, input.coordinatorUserId);
  if (input.version !== e.version) throw conflict(`该企业信息已被他人修改（当前版本 ${e.version}），请刷新后重试`, { currentVersion: e.version });
  const { set, changed } = diff(e, input);
  if (input.headcount != null && input.sizeClass === undefined && e.size_class === sizeClassFromHeadcount(e.headcount ?? 0)) {
    const s = sizeClassFromHeadcount(input.headcount);
    if (s !== e.size_class) set.size_class = s;
  }
  if (input.unionEstablishedOn && e.union_established === 0 && input.unionEstablished === undefined) set.union_established = 1;
  if (changed.length === 0) return enterpriseDetail(ctx, actor, id);
  const at = isoNow(ctx.clock);
  const asOf = input.headcountAsOf ?? todayInChina(ctx.clock);
  const regionId = (set.region_id as string | undefined) ?? e.region_id;
  await ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('enterprises')
      .set({ ...set, ...('headcount' in set ? { headcount_as_of: asOf } : {}), updated_at: at, version: e.version + 1 })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw conflict('该企业信息已被他人修改，请刷新后重试');
    if ('headcount' in set && set.headcount !== null) {
      await trx.insertInto('headcount_records').values({ id: newId(), enterprise_id: id, region_id: regionId, as_of: asOf, headcount: set.headcount as number, delta: (set.headcount as number) - (e.headcount ?? 0), source: 'manual', created_at: at }).execute();
    }
    await addTimelineEvent(trx, { enterpriseId: id, regionId, at, kind: 'registry.updated', module: 'registry', title: '企业信息更新', detail: `修改了：${changed.join('、')}`, actorId: p.id, actorName: p.displayName });
    const before: Patch = {};
    for (const k of Object.keys(set)) before[k] = e[k as keyof EnterpriseRow];
    await insertAudit(trx, { at, ...auditActor(actor), action: 'enterprise.update', entityType: 'enterprise', entityId: id, regionId, summary: `修改企业 ${e.name}：${changed.join('、')}`, before, after: set });
  });
  return enterpriseDetail(ctx, actor, id);
}

/** The full phone numbers of an enterprise's contacts; every reveal is an audit row. */
export async function revealContacts(ctx: AppContext, actor: Actor, id: string) {
  const p = principalOf(actor);
  const e = await getEnterpriseInScope(ctx.db, p, id);
  if (!can(p, 'enterprise.reveal', enterpriseRef(e))) throw forbidden();
  await insertAudit(ctx.db, { at: isoNow(ctx.clock), ...auditActor(actor), action: 'pii.reveal', entityType: 'enterprise', entityId: id, regionId: e.region_id, summary: `查看企业 ${e.name} 联系人完整电话` });
  return { id, contactName: e.contact_name, contactPhone: e.contact_phone, contacts: parseContacts(e.contacts) };
}

export async function enterpriseTimeline(ctx: AppContext, actor: Actor, id: string, q: { limit: number; before?: string }) {
  const p = principalOf(actor);
  const e = await getEnterpriseInScope(ctx.db, p, id);
  return { items: await listTimeline(ctx.db, id, q.limit, q.before, timelineModules(p, e)) };
}

