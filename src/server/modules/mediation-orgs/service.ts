import { z } from 'zod';
import { IsoDate } from '../../../domain/calendar/iso-date';
import { MEDIATION_KINDS, MEDIATION_LEVELS, MediationKind, MediationLevel } from '../../../domain/mediation/organisations';
import type { Actor, AppContext } from '../../context';
import { fieldError, forbidden, notFound } from '../../errors';
import { isoNow } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import { scopeFilter, whereInScope } from '../../policy/scope';
import { can } from '../../../domain/access/policy';
import { insertAudit } from '../audit/repo';
import type { MediationOrgTable, MediatorTable } from '../../db/schema';

export const OrgQuery = z.object({
  q: z.string().trim().max(50).optional(),
  level: MediationLevel.optional(),
  kind: MediationKind.optional(),
  regionId: z.string().optional(),
});
export type OrgQuery = z.infer<typeof OrgQuery>;
export const MediatorQuery = z.object({
  q: z.string().trim().max(50).optional(),
  organizationId: z.string().optional(),
  speciality: z.string().max(20).optional(),
});
export type MediatorQuery = z.infer<typeof MediatorQuery>;

export const OrgCreate = z.object({
  name: z.string().trim().min(2, '请填写组织名称').max(100),
  level: MediationLevel,
  kind: MediationKind,
  regionId: z.string().min(1, '请选择所在区域'),
  address: z.string().trim().max(200).optional(),
  hours: z.string().trim().max(100).optional(),
  phone: z.string().trim().max(30).optional(),
  standardizedOn: IsoDate.nullable().optional(),
  goldOn: IsoDate.nullable().optional(),
  enterpriseId: z.string().optional(),
});
export type OrgCreate = z.infer<typeof OrgCreate>;
export const OrgUpdate = OrgCreate.omit({ regionId: true, level: true, enterpriseId: true }).partial();
export type OrgUpdate = z.infer<typeof OrgUpdate>;

export const MediatorCreate = z.object({
  organizationId: z.string().min(1, '请选择调解组织'),
  name: z.string().trim().min(1, '请填写姓名').max(50),
  specialities: z.array(z.string().trim().min(1).max(20)).max(10).default([]),
  certificateNo: z.string().trim().max(50).optional(),
  userId: z.string().optional(),
  joinedOn: IsoDate.optional(),
});
export type MediatorCreate = z.infer<typeof MediatorCreate>;
export const MediatorUpdate = z.object({
  name: z.string().trim().min(1).max(50).optional(),
  specialities: z.array(z.string().trim().min(1).max(20)).max(10).optional(),
  certificateNo: z.string().trim().max(50).nullable().optional(),
  status: z.enum(['active', 'left']).optional(),
  leftOn: IsoDate.nullable().optional(),
});
export type MediatorUpdate = z.infer<typeof MediatorUpdate>;

function presentOrg(o: MediationOrgTable, regionName?: string | null) {
  return {
    id: o.id,
    name: o.name,
    level: o.level,
    levelLabel: MEDIATION_LEVELS[o.level as MediationLevel] ?? o.level,
    kind: o.kind,
    kindLabel: MEDIATION_KINDS[o.kind as MediationKind] ?? o.kind,
    regionId: o.region_id,
    regionName: regionName ?? null,
    address: o.address,
    hours: o.hours,
    phone: o.phone,
    standardized: !!o.standardized_on,
    standardizedOn: o.standardized_on,
    gold: !!o.gold_on,
    goldOn: o.gold_on,
  };
}

/** Public directory of organisations; also the staff list (same fields, nothing personal in it). */
export async function listOrgs(ctx: AppContext, q: OrgQuery & PageQuery) {
  let query = ctx.db.selectFrom('mediation_orgs').leftJoin('regions', 'regions.id', 'mediation_orgs.region_id');
  if (q.q) query = query.where('mediation_orgs.name', 'like', `%${q.q}%`);
  if (q.level) query = query.where('mediation_orgs.level', '=', q.level);
  if (q.kind) query = query.where('mediation_orgs.kind', '=', q.kind);
  if (q.regionId) query = query.where('mediation_orgs.region_id', 'like', `${q.regionId}%`);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll('mediation_orgs')
    .select('regions.name as region_name')
    .orderBy('mediation_orgs.region_id')
    .orderBy('mediation_orgs.name')
    .limit(q.pageSize)
    .offset(pageOffset(q))
    .execute();
  return { items: rows.map((r) => presentOrg(r, r.region_name)), total: Number(total), page: q.page, pageSize: q.pageSize };
}

/** Public directory of active mediators: name, organisation and specialities only (DESIGN.md: public directories). */
export async function listPublicMediators(ctx: AppContext, q: MediatorQuery & PageQuery) {
  let query = ctx.db
    .selectFrom('mediators')
    .innerJoin('mediation_orgs', 'mediation_orgs.id', 'mediators.org_id')
    .where('mediators.status', '=', 'active');
  if (q.q) query = query.where('mediators.name', 'like', `%${q.q}%`);
  if (q.organizationId) query = query.where('mediators.org_id', '=', q.organizationId);
  if (q.speciality) query = query.where('mediators.specialities', 'like', `%"${q.speciality}"%`);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .select(['mediators.name', 'mediators.specialities', 'mediators.org_id', 'mediation_orgs.name as org_name'])
    .orderBy('mediators.org_id')
    .orderBy('mediators.name')
    .limit(q.pageSize)
    .offset(pageOffset(q))
    .execute();
  return {
    items: rows.map((r) => ({
      name: r.name,
      organizationId: r.org_id,
      organizationName: r.org_name,
      specialities: JSON.parse(r.specialities) as string[],
    })),
    total: Number(total),
    page: q.page,
    pageSize: q.pageSize,
  };
}

function presentMediator(m: MediatorTable) {
  return {
    id: m.id,
    organizationId: m.org_id,
    name: m.name,
    specialities: JSON.parse(m.specialities) as string[],
    certificateNo: m.certificate_no,
    status: m.status,
    joinedOn: m.joined_on,
    leftOn: m.left_on,
    userId: m.user_id,
    regionId: m.region_id,
  };
}

/** Staff roster with certificates and status, in the official's region. */
export async function listMediators(ctx: AppContext, actor: Actor, q: MediatorQuery & PageQuery) {
  const filter = scopeFilter(actor.principal, 'mediationOrg.manage');
  let query = ctx.db.selectFrom('mediators').where(whereInScope(filter, { region: 'mediators.region_id' }));
  if (q.q) query = query.where('name', 'like', `%${q.q}%`);
  if (q.organizationId) query = query.where('org_id', '=', q.organizationId);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('org_id').orderBy('name').limit(q.pageSize).offset(pageOffset(q)).execute();
  return { items: rows.map(presentMediator), total: Number(total), page: q.page, pageSize: q.pageSize };
}

const audit = (
  ctx: AppContext,
  actor: Actor,
  action: string,
  entityType: string,
  entityId: string,
  regionId: string,
  after: unknown,
  before?: unknown,
) => ({
  at: isoNow(ctx.clock),
  actorId: actor.principal?.id ?? null,
  actorName: actor.principal?.displayName ?? null,
  action,
  entityType,
  entityId,
  regionId,
  before,
  after,
  ip: actor.ip,
});

export async function createOrg(ctx: AppContext, actor: Actor, input: OrgCreate) {
  const region = await ctx.db.selectFrom('regions').select('id').where('id', '=', input.regionId).executeTakeFirst();
  if (!region) throw fieldError('regionId', '所在区域不存在');
  if (!can(actor.principal, 'mediationOrg.manage', { regionId: input.regionId })) throw forbidden('只能在本辖区内设立调解组织');
  const id = `mo-${newId().toLowerCase()}`;
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('org_units')
      .values({
        id,
        name: input.name,
        kind: 'mediation_org',
        region_id: input.regionId,
        parent_id: null,
        enterprise_id: input.enterpriseId ?? null,
        created_at: at,
      })
      .execute();
    await trx
      .insertInto('mediation_orgs')
      .values({
        id,
        name: input.name,
        level: input.level,
        kind: input.kind,
        region_id: input.regionId,
        address: input.address ?? null,
        hours: input.hours ?? null,
        phone: input.phone ?? null,
        standardized_on: input.standardizedOn ?? null,
        gold_on: input.goldOn ?? null,
        enterprise_id: input.enterpriseId ?? null,
        created_at: at,
      })
      .execute();
    await insertAudit(trx, audit(ctx, actor, 'mediationOrg.create', 'mediation_org', id, input.regionId, input));
  });
  return presentOrg(await ctx.db.selectFrom('mediation_orgs').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}

export async function updateOrg(ctx: AppContext, actor: Actor, id: string, input: OrgUpdate) {
  const o = await ctx.db.selectFrom('mediation_orgs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!o || !can(actor.principal, 'mediationOrg.manage', { regionId: o.region_id })) throw notFound('调解组织');
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('mediation_orgs')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(input.address !== undefined ? { address: input.address } : {}),
        ...(input.hours !== undefined ? { hours: input.hours } : {}),
        ...(input.phone !== undefined ? { phone: input.phone } : {}),
        ...(input.standardizedOn !== undefined ? { standardized_on: input.standardizedOn } : {}),
        ...(input.goldOn !== undefined ? { gold_on: input.goldOn } : {}),
      })
      .where('id', '=', id)
      .execute();
    if (input.name) await trx.updateTable('org_units').set({ name: input.name }).where('id', '=', id).execute();
    await insertAudit(trx, audit(ctx, actor, 'mediationOrg.update', 'mediation_org', id, o.region_id, input, o));
  });
  return presentOrg(await ctx.db.selectFrom('mediation_orgs').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}

export async function createMediator(ctx: AppContext, actor: Actor, input: MediatorCreate) {
  const org = await ctx.db.selectFrom('mediation_orgs').selectAll().where('id', '=', input.organizationId).executeTakeFirst();
  if (!org) throw fieldError('organizationId', '调解组织不存在');
  if (!can(actor.principal, 'mediationOrg.manage', { regionId: org.region_id })) throw forbidden('只能管理本辖区调解组织的调解员');
  const id = `med-${newId().toLowerCase()}`;
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('mediators')
      .values({
        id,
        org_id: org.id,
        region_id: org.region_id,
        user_id: input.userId ?? null,
        name: input.name,
        specialities: JSON.stringify(input.specialities),
        certificate_no: input.certificateNo ?? null,
        status: 'active',
        joined_on: input.joinedOn ?? null,
        left_on: null,
        created_at: at,
      })
      .execute();
    await insertAudit(trx, audit(ctx, actor, 'mediator.create', 'mediator', id, org.region_id, input));
  });
  return presentMediator(await ctx.db.selectFrom('mediators').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}

export async function updateMediator(ctx: AppContext, actor: Actor, id: string, input: MediatorUpdate) {
  const m = await ctx.db.selectFrom('mediators').selectAll().where('id', '=', id).executeTakeFirst();
  if (!m || !can(actor.principal, 'mediationOrg.manage', { regionId: m.region_id })) throw notFound('调解员');
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('mediators')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.specialities !== undefined ? { specialities: JSON.stringify(input.specialities) } : {}),
        ...(input.certificateNo !== undefined ? { certificate_no: input.certificateNo } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
        ...(input.leftOn !== undefined ? { left_on: input.leftOn } : {}),
      })
      .where('id', '=', id)
      .execute();
    await insertAudit(trx, audit(ctx, actor, 'mediator.update', 'mediator', id, m.region_id, input, presentMediator(m)));
  });
  return presentMediator(await ctx.db.selectFrom('mediators').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}
