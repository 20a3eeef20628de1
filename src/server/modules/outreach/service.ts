import { sql } from 'kysely';
import { z } from 'zod';
import { can, isInRegion } from '../../../domain/access/policy';
import { OUTREACH_MIN_HEADCOUNT, outreachSince, type OutreachStatus } from '../../../domain/enterprise-services/outreach';
import type { Actor, AppContext } from '../../context';
import { conflict, fieldError, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import { getEnterpriseInScope } from '../../policy/enterprise-scope';
import { regionPrefixCondition, scopeFilter, whereInScope } from '../../policy/scope';
import { auditActor } from '../audit/actor';
import { insertAudit } from '../audit/repo';
import { parseRoles } from '../users/repo';
import { findAssignment, findVisitByRequest, listVisits, regionNames } from './repo';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD');

export const OutreachQuery = z.object({
  status: z.enum(['unassigned', 'assigned', 'visited']).optional(),
  regionId: z.string().regex(/^\d{6,15}$/).optional(),
  q: z.string().max(50).optional(),
  windowDays: z.coerce.number().int().min(1).max(3650).default(365),
});
export type OutreachQuery = z.infer<typeof OutreachQuery>;
export const OutreachAssign = z.object({ officerUserId: z.string().min(1, '请选择服务专员') });
export type OutreachAssign = z.infer<typeof OutreachAssign>;
export const VisitCreate = z.object({
  visitedOn: isoDate,
  summary: z.string().trim().min(1, '请填写走访情况').max(2000),
  needs: z.string().trim().max(1000).optional(),
  requestId: z.string().max(64).optional(),
});
export type VisitCreate = z.infer<typeof VisitCreate>;

/**
 * The outreach list: enterprises with ≥ 10 employees registered within the window (computed from the
 * registry, so imports and data exchange feed it automatically) plus any enterprise explicitly assigned.
 */
export async function listOutreach(ctx: AppContext, actor: Actor, q: OutreachQuery & PageQuery) {
  const filter = scopeFilter(actor.principal, 'outreach.read');
  const since = outreachSince(todayInChina(ctx.clock), q.windowDays);
  let query = ctx.db
    .selectFrom('enterprises as e')
    .leftJoin('outreach_assignments as a', 'a.enterprise_id', 'e.id')
    .leftJoin('users as u', 'u.id', 'a.officer_user_id')
    .where((eb) => eb.or([eb.and([eb('e.headcount', '>=', OUTREACH_MIN_HEADCOUNT), eb('e.registered_on', '>=', since)]), eb('a.id', 'is not', null)]))
    .where(whereInScope(filter, { region: 'e.region_id', assigned: 'a.officer_user_id' }));
  if (q.regionId) query = query.where(regionPrefixCondition('e.region_id', q.regionId));
  if (q.q) query = query.where('e.name', 'like', `%${q.q}%`);
  if (q.status === 'unassigned') query = query.where('a.id', 'is', null);
  if (q.status === 'assigned') query = query.where('a.id', 'is not', null).where('a.visit_count', '=', 0);
  if (q.status === 'visited') query = query.where('a.visit_count', '>', 0);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .select(['e.id', 'e.name', 'e.uscc', 'e.region_id', 'e.industry_code', 'e.headcount', 'e.registered_on', 'a.officer_user_id', 'a.assigned_at', 'a.last_visit_on', 'a.visit_count', 'u.display_name as officer_name'])
    .orderBy('e.registered_on', 'desc')
    .orderBy('e.id')
    .limit(q.pageSize)
    .offset(pageOffset(q))
    .execute();
  const names = await regionNames(ctx.db);
  const p = actor.principal;
  return {
    since,
    items: rows.map((r) => {
      const status: OutreachStatus = !r.officer_user_id ? 'unassigned' : (r.visit_count ?? 0) > 0 ? 'visited' : 'assigned';
      return {
        enterpriseId: r.id,
        name: r.name,
        uscc: r.uscc,
        regionId: r.region_id,
        regionName: names.get(r.region_id) ?? null,
        industryCode: r.industry_code,
        headcount: r.headcount,
        registeredOn: r.registered_on,
        status,
        officer: r.officer_user_id ? { id: r.officer_user_id, name: r.officer_name ?? '' } : null,
        assignedAt: r.assigned_at,
        lastVisitOn: r.last_visit_on,
        visitCount: r.visit_count ?? 0,
        abilities: {
          assign: can(p, 'outreach.assign', { regionId: r.region_id }),
          visit: !!r.officer_user_id && can(p, 'outreach.visit', { regionId: r.region_id, assignedUserId: r.officer_user_id }),
        },
      };
    }),
    total: Number(total),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Officials and coordinators of the actor's region who can be assigned as service officers. */
export async function listOfficers(ctx: AppContext, actor: Actor) {
  const filter = scopeFilter(actor.principal, 'outreach.assign');
  const rows = await ctx.db
    .selectFrom('users')
    .select(['id', 'display_name', 'roles', 'region_id'])
    .where('disabled', '=', 0)
    .where((eb) => eb.or([eb('roles', 'like', '%"official"%'), eb('roles', 'like', '%"coordinator"%')]))
    .where(whereInScope(filter, { region: 'users.region_id' }))
    .orderBy('display_name')
    .limit(500)
    .execute();
  return { items: rows.map((u) => ({ id: u.id, displayName: u.display_name, roles: parseRoles(u.roles), regionId: u.region_id })) };
}

export async function assignOfficer(ctx: AppContext, actor: Actor, enterpriseId: string, input: OutreachAssign) {
  const e = await getEnterpriseInScope(ctx.db, actor, 'outreach.assign', enterpriseId);
  const officer = await ctx.db.selectFrom('users').selectAll().where('id', '=', input.officerUserId).where('disabled', '=', 0).executeTakeFirst();
  const roles = officer ? parseRoles(officer.roles) : [];
  if (!officer || !roles.some((r) => r === 'official' || r === 'coordinator')) throw fieldError('officerUserId', '服务专员须为本区域的部门工作人员或劳动关系协调员');
  if (!isInRegion(e.region_id, officer.region_id) && !isInRegion(officer.region_id, e.region_id)) throw fieldError('officerUserId', '服务专员不在该企业所在区域');
  const at = isoNow(ctx.clock);
  const before = await findAssignment(ctx.db, e.id);
  await ctx.db.transaction().execute(async (trx) => {
    if (before) await trx.updateTable('outreach_assignments').set({ officer_user_id: officer.id, assigned_by: actor.principal?.id ?? null, assigned_at: at, updated_at: at }).where('id', '=', before.id).execute();
    else
      await trx
        .insertInto('outreach_assignments')
        .values({ id: newId(), region_id: e.region_id, enterprise_id: e.id, officer_user_id: officer.id, assigned_by: actor.principal?.id ?? null, assigned_at: at, last_visit_on: null, visit_count: 0, updated_at: at })
        .execute();
    await insertAudit(trx, {
      at,
      ...auditActor(actor),
      action: 'outreach.assign',
      entityType: 'enterprise',
      entityId: e.id,
      regionId: e.region_id,
      summary: `新注册企业走访：${e.name} 分派给 ${officer.display_name}`,
      before: before ? { officerUserId: before.officer_user_id } : null,
      after: { officerUserId: officer.id },
    });
  });
  return { enterpriseId: e.id, officer: { id: officer.id, name: officer.display_name }, assignedAt: at };
}

const presentVisit = (v: Awaited<ReturnType<typeof listVisits>>[number]) => ({
  id: v.id,
  enterpriseId: v.enterprise_id,
  visitedOn: v.visited_on,
  visitor: { id: v.visitor_user_id, name: v.visitor_name },
  summary: v.summary,
  needs: v.needs,
  createdAt: v.created_at,
});

async function getAssignmentInScope(ctx: AppContext, actor: Actor, action: 'outreach.read' | 'outreach.visit', enterpriseId: string) {
  const filter = scopeFilter(actor.principal, action);
  const row = await ctx.db
    .selectFrom('enterprises as e')
    .leftJoin('outreach_assignments as a', 'a.enterprise_id', 'e.id')
    .select(['e.id', 'e.name', 'e.region_id', 'a.id as assignment_id', 'a.officer_user_id'])
    .where('e.id', '=', enterpriseId)
    .where(whereInScope(filter, { region: 'e.region_id', assigned: 'a.officer_user_id' }))
    .executeTakeFirst();
  if (!row) throw notFound('企业');
  return row;
}

export async function getVisits(ctx: AppContext, actor: Actor, enterpriseId: string) {
  await getAssignmentInScope(ctx, actor, 'outreach.read', enterpriseId);
  return { items: (await listVisits(ctx.db, enterpriseId)).map(presentVisit) };
}

export async function recordVisit(ctx: AppContext, actor: Actor, enterpriseId: string, input: VisitCreate) {
  if (input.requestId) {
    const done = await findVisitByRequest(ctx.db, input.requestId);
    if (done && done.enterprise_id === enterpriseId) return presentVisit(done);
  }
  const e = await getAssignmentInScope(ctx, actor, 'outreach.visit', enterpriseId);
  if (!e.assignment_id) throw conflict('该企业尚未分派服务专员，请先分派后再登记走访');
  if (input.visitedOn > todayInChina(ctx.clock)) throw fieldError('visitedOn', '走访日期不能晚于今天');
  const at = isoNow(ctx.clock);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('outreach_visits')
      .values({ id, region_id: e.region_id, enterprise_id: e.id, visited_on: input.visitedOn, visitor_user_id: actor.principal!.id, visitor_name: actor.principal!.displayName, summary: input.summary, needs: input.needs ?? null, request_id: input.requestId ?? null, created_at: at })
      .execute();
    await trx
      .updateTable('outreach_assignments')
      .set((eb) => ({
        visit_count: eb('visit_count', '+', 1),
        last_visit_on: sql<string>`case when last_visit_on is null or last_visit_on < ${input.visitedOn} then ${input.visitedOn} else last_visit_on end`,
        updated_at: at,
      }))
      .where('id', '=', e.assignment_id!)
      .execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'outreach.visit', entityType: 'enterprise', entityId: e.id, regionId: e.region_id, summary: `走访新注册企业 ${e.name}`, after: { visitId: id, visitedOn: input.visitedOn } });
  });
  const v = await ctx.db.selectFrom('outreach_visits').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return presentVisit(v);
}
