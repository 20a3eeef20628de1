import { z } from 'zod';
import type { Actor, AppContext } from '../../context';
import type { DbOrTrx } from '../../db';
import { conflict, fieldError, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import { getEnterpriseInScope } from '../../policy/enterprise-scope';
import { scopeFilter, whereInScope } from '../../policy/scope';
import { auditActor } from '../audit/actor';
import { insertAudit } from '../audit/repo';
import { addTimelineEvent } from '../enterprises/timeline';
import { EMPLOYER_KIND_LABELS, EmployerKind, EvaluationGrade, GRADE_LABELS, IsoDay, SKILL_LEVEL_LABELS, SkillLevel, VISIT_PURPOSE_LABELS, VisitPurpose } from './labels';

export const CoordinatorCreate = z.object({
  name: z.string().trim().min(1, '请填写姓名').max(50),
  phone: z.string().regex(/^1\d{10}$/, '请输入正确的11位手机号码').optional(),
  userId: z.string().optional(),
  regionId: z.string().optional(),
  employerKind: EmployerKind,
  employerName: z.string().trim().min(1, '请填写所在单位').max(100),
  employerEnterpriseId: z.string().optional(),
  skillLevel: SkillLevel.optional(),
  certificateNo: z.string().trim().max(50).optional(),
  certifiedOn: IsoDay.optional(),
});
export type CoordinatorCreate = z.infer<typeof CoordinatorCreate>;
export const CoordinatorUpdate = CoordinatorCreate.omit({ userId: true, regionId: true }).partial().extend({ status: z.enum(['active', 'exited']).optional() });
export type CoordinatorUpdate = z.infer<typeof CoordinatorUpdate>;
export const CoordinatorQuery = z.object({ q: z.string().max(50).optional(), status: z.enum(['active', 'exited']).optional() });
export type CoordinatorQuery = z.infer<typeof CoordinatorQuery>;
export const TrainingCreate = z.object({ course: z.string().trim().min(1, '请填写课程').max(200), hours: z.number().positive('学时须大于0').max(500), trainedOn: IsoDay });
export const AssignmentCreate = z.object({ enterpriseId: z.string().min(1, '请选择企业'), assignedOn: IsoDay.optional() });
export const VisitCreate = z.object({ enterpriseId: z.string().min(1, '请选择企业'), visitedOn: IsoDay, purpose: VisitPurpose, summary: z.string().trim().min(1, '请填写工作内容').max(2000) });
export const EvaluationPut = z.object({ grade: EvaluationGrade, comment: z.string().trim().max(1000).optional() });

const COLS = { region: 'coordinators.region_id', assigned: 'coordinators.user_id' };
type Action = 'coordinator.read' | 'coordinator.manage' | 'coordinator.visit';
async function findInScope(db: DbOrTrx, actor: Actor, action: Action, id: string) {
  const c = await db.selectFrom('coordinators').selectAll().where('id', '=', id).where(whereInScope(scopeFilter(actor.principal, action), COLS)).executeTakeFirst();
  if (!c) throw notFound('协调员');
  return c;
}
type Row = Awaited<ReturnType<typeof findInScope>>;
const present = (c: Row) => ({
  id: c.id,
  regionId: c.region_id,
  userId: c.user_id,
  name: c.name,
  phone: c.phone,
  employerKind: c.employer_kind,
  employerKindLabel: EMPLOYER_KIND_LABELS[c.employer_kind as EmployerKind] ?? c.employer_kind,
  employerName: c.employer_name,
  employerEnterpriseId: c.employer_enterprise_id,
  skillLevel: c.skill_level,
  skillLevelLabel: c.skill_level ? (SKILL_LEVEL_LABELS[c.skill_level as SkillLevel] ?? c.skill_level) : null,
  certificateNo: c.certificate_no,
  certifiedOn: c.certified_on,
  status: c.status,
});

export async function listCoordinators(ctx: AppContext, actor: Actor, q: CoordinatorQuery & PageQuery) {
  let query = ctx.db.selectFrom('coordinators').where(whereInScope(scopeFilter(actor.principal, 'coordinator.read'), COLS));
  if (q.q) query = query.where((eb) => eb.or([eb('name', 'like', `%${q.q}%`), eb('employer_name', 'like', `%${q.q}%`)]));
  if (q.status) query = query.where('status', '=', q.status);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll('coordinators')
    .select((eb) => [
      eb.selectFrom('coordinator_assignments').whereRef('coordinator_id', '=', 'coordinators.id').where('ended_on', 'is', null).select((e) => e.fn.countAll<number>().as('n')).as('enterprises'),
      eb.selectFrom('coordinator_trainings').whereRef('coordinator_id', '=', 'coordinators.id').select((e) => e.fn.sum<number>('hours').as('h')).as('training_hours'),
    ])
    .orderBy('name')
    .orderBy('id')
    .limit(q.pageSize)
    .offset(pageOffset(q))
    .execute();
  return { items: rows.map((r) => ({ ...present(r), enterprises: Number(r.enterprises ?? 0), trainingHours: Number(r.training_hours ?? 0) })), total: Number(total), page: q.page, pageSize: q.pageSize };
}

export async function getCoordinator(ctx: AppContext, actor: Actor, id: string) {
  const c = await findInScope(ctx.db, actor, 'coordinator.read', id);
  const [trainings, assignments, visits, evaluations] = await Promise.all([
    ctx.db.selectFrom('coordinator_trainings').selectAll().where('coordinator_id', '=', id).orderBy('trained_on', 'desc').execute(),
    ctx.db.selectFrom('coordinator_assignments as a').innerJoin('enterprises as e', 'e.id', 'a.enterprise_id').select(['a.id', 'a.enterprise_id', 'a.assigned_on', 'a.ended_on', 'e.name', 'e.size_class']).where('a.coordinator_id', '=', id).orderBy('a.assigned_on', 'desc').execute(),
    ctx.db.selectFrom('coordinator_visits as v').innerJoin('enterprises as e', 'e.id', 'v.enterprise_id').select(['v.id', 'v.enterprise_id', 'v.visited_on', 'v.purpose', 'v.summary', 'e.name']).where('v.coordinator_id', '=', id).orderBy('v.visited_on', 'desc').limit(200).execute(),
    ctx.db.selectFrom('coordinator_evaluations').selectAll().where('coordinator_id', '=', id).orderBy('year', 'desc').execute(),
  ]);
  return {
    ...present(c),
    trainings: trainings.map((t) => ({ id: t.id, course: t.course, hours: Number(t.hours), trainedOn: t.trained_on })),
    trainingHours: trainings.reduce((s, t) => s + Number(t.hours), 0),
    assignments: assignments.map((a) => ({ id: a.id, enterpriseId: a.enterprise_id, enterpriseName: a.name, sizeClass: a.size_class, assignedOn: a.assigned_on, endedOn: a.ended_on })),
    visits: visits.map((v) => ({ id: v.id, enterpriseId: v.enterprise_id, enterpriseName: v.name, visitedOn: v.visited_on, purpose: v.purpose, purposeLabel: VISIT_PURPOSE_LABELS[v.purpose as VisitPurpose], summary: v.summary })),
    evaluations: await Promise.all(evaluations.map(async (e) => ({ year: e.year, grade: e.grade, gradeLabel: GRADE_LABELS[e.grade as EvaluationGrade], comment: e.comment, facts: await yearFacts(ctx.db, id, e.year) }))),
  };
}

/** The facts a yearly evaluation looks at, computed from the work log and training records. */
export async function yearFacts(db: DbOrTrx, coordinatorId: string, year: number) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const visits = await db.selectFrom('coordinator_visits').select(['purpose', 'enterprise_id']).where('coordinator_id', '=', coordinatorId).where('visited_on', '>=', from).where('visited_on', '<=', to).execute();
  const hours = await db.selectFrom('coordinator_trainings').select((e) => e.fn.sum<number>('hours').as('h')).where('coordinator_id', '=', coordinatorId).where('trained_on', '>=', from).where('trained_on', '<=', to).executeTakeFirst();
  const byPurpose = { policy: 0, monitoring: 0, dispute: 0 } as Record<string, number>;
  for (const v of visits) byPurpose[v.purpose] = (byPurpose[v.purpose] ?? 0) + 1;
  return { visits: visits.length, enterprisesVisited: new Set(visits.map((v) => v.enterprise_id)).size, byPurpose, trainingHours: Number(hours?.h ?? 0) };
}

export async function createCoordinator(ctx: AppContext, actor: Actor, input: CoordinatorCreate) {
  const p = actor.principal!;
  const regionId = input.regionId ?? p.regionId;
  if (!(await ctx.db.selectFrom('regions').select('id').where('id', '=', regionId).executeTakeFirst())) throw fieldError('regionId', '所属区域不存在');
  const filter = scopeFilter(p, 'coordinator.manage');
  if (filter.kind === 'region' && !regionId.startsWith(filter.regionId)) throw fieldError('regionId', '只能登记本辖区的协调员');
  if (input.userId) {
    const u = await ctx.db.selectFrom('users').select(['id', 'roles']).where('id', '=', input.userId).executeTakeFirst();
    if (!u || !u.roles.includes('"coordinator"')) throw fieldError('userId', '该账户不存在或不是协调员账户');
    if (await ctx.db.selectFrom('coordinators').select('id').where('user_id', '=', input.userId).executeTakeFirst()) throw conflict('该账户已登记为协调员');
  }
  if (input.employerEnterpriseId) await getEnterpriseInScope(ctx.db, actor, 'enterprise.read', input.employerEnterpriseId);
  const id = newId();
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('coordinators').values({ id, region_id: regionId, user_id: input.userId ?? null, name: input.name, phone: input.phone ?? null, employer_kind: input.employerKind, employer_name: input.employerName, employer_enterprise_id: input.employerEnterpriseId ?? null, skill_level: input.skillLevel ?? null, certificate_no: input.certificateNo ?? null, certified_on: input.certifiedOn ?? null, status: 'active', created_at: at, updated_at: at }).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'coordinator.create', entityType: 'coordinator', entityId: id, regionId, summary: `登记劳动关系协调员：${input.name}`, after: input });
  });
  return getCoordinator(ctx, actor, id);
}

export async function updateCoordinator(ctx: AppContext, actor: Actor, id: string, input: CoordinatorUpdate) {
  const c = await findInScope(ctx.db, actor, 'coordinator.manage', id);
  const at = isoNow(ctx.clock);
  const set = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.phone !== undefined ? { phone: input.phone } : {}),
    ...(input.employerKind !== undefined ? { employer_kind: input.employerKind } : {}),
    ...(input.employerName !== undefined ? { employer_name: input.employerName } : {}),
    ...(input.employerEnterpriseId !== undefined ? { employer_enterprise_id: input.employerEnterpriseId } : {}),
    ...(input.skillLevel !== undefined ? { skill_level: input.skillLevel } : {}),
    ...(input.certificateNo !== undefined ? { certificate_no: input.certificateNo } : {}),
    ...(input.certifiedOn !== undefined ? { certified_on: input.certifiedOn } : {}),
    ...(input.status !== undefined ? { status: input.status } : {}),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('coordinators').set({ ...set, updated_at: at }).where('id', '=', id).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'coordinator.update', entityType: 'coordinator', entityId: id, regionId: c.region_id, before: present(c), after: input });
  });
  return getCoordinator(ctx, actor, id);
}

export async function addTraining(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof TrainingCreate>) {
  const c = await findInScope(ctx.db, actor, 'coordinator.manage', id);
  const at = isoNow(ctx.clock);
  const tid = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('coordinator_trainings').values({ id: tid, region_id: c.region_id, coordinator_id: id, course: input.course, hours: input.hours, trained_on: input.trainedOn, created_at: at }).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'coordinator.training', entityType: 'coordinator', entityId: id, regionId: c.region_id, summary: `登记培训：${input.course}（${input.hours}学时）`, after: input });
  });
  return { id: tid, course: input.course, hours: input.hours, trainedOn: input.trainedOn };
}

/** Assigns an enterprise; a coordinator with an account also becomes the enterprise's coordinator user if it has none. */
export async function assignEnterprise(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof AssignmentCreate>) {
  const c = await findInScope(ctx.db, actor, 'coordinator.manage', id);
  if (c.status !== 'active') throw conflict('该协调员已退出，不能分配企业');
  const e = await getEnterpriseInScope(ctx.db, actor, 'enterprise.read', input.enterpriseId).catch(() => {
    throw fieldError('enterpriseId', '企业不存在或不在本辖区');
  });
  const open = await ctx.db.selectFrom('coordinator_assignments').select('id').where('coordinator_id', '=', id).where('enterprise_id', '=', e.id).where('ended_on', 'is', null).executeTakeFirst();
  if (open) throw conflict('该企业已分配给此协调员');
  const at = isoNow(ctx.clock);
  const aid = newId();
  const assignedOn = input.assignedOn ?? todayInChina(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('coordinator_assignments').values({ id: aid, region_id: e.region_id, coordinator_id: id, enterprise_id: e.id, assigned_on: assignedOn, ended_on: null, created_at: at }).execute();
    if (c.user_id && !e.coordinator_user_id) await trx.updateTable('enterprises').set({ coordinator_user_id: c.user_id, updated_at: at }).where('id', '=', e.id).execute();
    await addTimelineEvent(trx, { enterpriseId: e.id, regionId: e.region_id, at, kind: 'coordinator.assigned', module: 'rosters', title: `配备劳动关系协调员：${c.name}`, refType: 'coordinator', refId: id, ...timelineActor(actor) });
    await insertAudit(trx, { at, ...auditActor(actor), action: 'coordinator.assign', entityType: 'coordinator', entityId: id, regionId: c.region_id, summary: `为${e.name}配备协调员${c.name}`, after: { enterpriseId: e.id, assignedOn } });
  });
  return { id: aid, enterpriseId: e.id, enterpriseName: e.name, assignedOn, endedOn: null };
}

export async function endAssignment(ctx: AppContext, actor: Actor, id: string, assignmentId: string) {
  const c = await findInScope(ctx.db, actor, 'coordinator.manage', id);
  const a = await ctx.db.selectFrom('coordinator_assignments').selectAll().where('id', '=', assignmentId).where('coordinator_id', '=', id).executeTakeFirst();
  if (!a) throw notFound('分配记录');
  if (a.ended_on) throw conflict('该分配已结束');
  const at = isoNow(ctx.clock);
  const today = todayInChina(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('coordinator_assignments').set({ ended_on: today }).where('id', '=', a.id).execute();
    if (c.user_id) await trx.updateTable('enterprises').set({ coordinator_user_id: null, updated_at: at }).where('id', '=', a.enterprise_id).where('coordinator_user_id', '=', c.user_id).execute();
    await addTimelineEvent(trx, { enterpriseId: a.enterprise_id, regionId: a.region_id, at, kind: 'coordinator.unassigned', module: 'rosters', title: `协调员${c.name}结束服务`, refType: 'coordinator', refId: id, ...timelineActor(actor) });
    await insertAudit(trx, { at, ...auditActor(actor), action: 'coordinator.unassign', entityType: 'coordinator', entityId: id, regionId: c.region_id, before: { assignmentId: a.id, enterpriseId: a.enterprise_id }, after: { endedOn: today } });
  });
  return { id: a.id, endedOn: today };
}

const timelineActor = (actor: Actor) => ({ actorId: actor.principal?.id ?? null, actorName: actor.principal?.displayName ?? null });

/** A visit in the work log; it must be to an enterprise the coordinator currently serves, and lands on that enterprise's timeline. */
export async function logVisit(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof VisitCreate>) {
  const c = await findInScope(ctx.db, actor, 'coordinator.visit', id);
  const today = todayInChina(ctx.clock);
  if (input.visitedOn > today) throw fieldError('visitedOn', '走访日期不能晚于今天');
  const a = await ctx.db.selectFrom('coordinator_assignments as a').innerJoin('enterprises as e', 'e.id', 'a.enterprise_id').select(['e.id', 'e.name', 'e.region_id']).where('a.coordinator_id', '=', id).where('a.enterprise_id', '=', input.enterpriseId).where('a.ended_on', 'is', null).executeTakeFirst();
  if (!a) throw fieldError('enterpriseId', '只能登记对所服务企业的走访');
  const at = isoNow(ctx.clock);
  const vid = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('coordinator_visits').values({ id: vid, region_id: a.region_id, coordinator_id: id, enterprise_id: a.id, visited_on: input.visitedOn, purpose: input.purpose, summary: input.summary, created_by: actor.principal?.id ?? null, created_at: at }).execute();
    await addTimelineEvent(trx, { enterpriseId: a.id, regionId: a.region_id, at, kind: 'coordinator.visit', module: 'rosters', title: `协调员${c.name}走访（${VISIT_PURPOSE_LABELS[input.purpose]}）`, detail: input.summary, refType: 'coordinatorVisit', refId: vid, ...timelineActor(actor) });
    await insertAudit(trx, { at, ...auditActor(actor), action: 'coordinator.visit', entityType: 'coordinatorVisit', entityId: vid, regionId: a.region_id, summary: `协调员${c.name}走访${a.name}`, after: input });
  });
  return { id: vid, enterpriseId: a.id, enterpriseName: a.name, visitedOn: input.visitedOn, purpose: input.purpose, summary: input.summary };
}

export async function putEvaluation(ctx: AppContext, actor: Actor, id: string, year: number, input: z.infer<typeof EvaluationPut>) {
  const c = await findInScope(ctx.db, actor, 'coordinator.manage', id);
  if (year > Number(todayInChina(ctx.clock).slice(0, 4))) throw fieldError('year', '不能考评未来年度');
  const before = await ctx.db.selectFrom('coordinator_evaluations').selectAll().where('coordinator_id', '=', id).where('year', '=', year).executeTakeFirst();
  const at = isoNow(ctx.clock);
  const facts = await yearFacts(ctx.db, id, year);
  await ctx.db.transaction().execute(async (trx) => {
    if (before) await trx.updateTable('coordinator_evaluations').set({ grade: input.grade, comment: input.comment ?? null, evaluated_by: actor.principal?.id ?? null }).where('id', '=', before.id).execute();
    else await trx.insertInto('coordinator_evaluations').values({ id: newId(), region_id: c.region_id, coordinator_id: id, year, grade: input.grade, comment: input.comment ?? null, evaluated_by: actor.principal?.id ?? null, created_at: at }).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'coordinator.evaluate', entityType: 'coordinator', entityId: id, regionId: c.region_id, summary: `${year}年度考评：${GRADE_LABELS[input.grade]}`, before: before ? { grade: before.grade, comment: before.comment } : undefined, after: { year, ...input, facts } });
  });
  return { year, grade: input.grade, gradeLabel: GRADE_LABELS[input.grade], comment: input.comment ?? null, facts };
}
