import { z } from 'zod';
import { creditHours } from '../../../domain/rosters/programmes';
import type { Actor, AppContext } from '../../context';
import type { DbOrTrx } from '../../db';
import { AppError, conflict, fieldError, forbidden, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { scopeFilter, whereInScope } from '../../policy/scope';
import { audit, IsoDate } from './common';

/** Training events and exchange sessions (培训活动、学习交流平台): schedule, enrolment, attendance, materials, hours. */
export const EVENT_KINDS = { training: '业务培训', exchange: '学习交流' } as const;
export const AUDIENCES = { mediator: '调解员', coordinator: '劳动关系协调员', all: '调解员和协调员' } as const;
export const EventCreate = z.object({
  title: z.string().trim().min(2, '请填写活动名称').max(200),
  kind: z.enum(['training', 'exchange']),
  audience: z.enum(['mediator', 'coordinator', 'all']),
  heldOn: IsoDate,
  place: z.string().trim().min(1, '请填写地点').max(200),
  hours: z.number().positive('学时须大于0').max(100),
  capacity: z.number().int().min(1, '名额至少为1').max(2000),
  materials: z.string().trim().max(20000).optional(),
});
export const EventUpdate = EventCreate.pick({ place: true, materials: true, capacity: true }).partial();
export const EnrolmentCreate = z.object({ personKind: z.enum(['mediator', 'coordinator']).optional(), personId: z.string().optional() });
export const AttendancePut = z.object({ attended: z.array(z.string()) });

const COLS = { region: 'training_events.region_id' };
type A = 'trainingEvent.read' | 'trainingEvent.manage' | 'trainingEvent.enrol';
async function find(db: DbOrTrx, actor: Actor, action: A, id: string) {
  const e = await db.selectFrom('training_events').selectAll().where('id', '=', id).where(whereInScope(scopeFilter(actor.principal, action), COLS)).executeTakeFirst();
  if (!e) throw notFound('培训活动');
  return e;
}
type Row = Awaited<ReturnType<typeof find>>;
const present = (e: Row, enrolled: number) => ({ id: e.id, regionId: e.region_id, title: e.title, kind: e.kind, kindLabel: EVENT_KINDS[e.kind as keyof typeof EVENT_KINDS], audience: e.audience, audienceLabel: AUDIENCES[e.audience as keyof typeof AUDIENCES], heldOn: e.held_on, place: e.place, hours: e.hours, capacity: e.capacity, enrolled, materials: e.materials, status: e.status, statusLabel: e.status === 'closed' ? '已考勤' : '报名中' });

export async function listEvents(ctx: AppContext, actor: Actor) {
  const rows = await ctx.db.selectFrom('training_events').selectAll().where(whereInScope(scopeFilter(actor.principal, 'trainingEvent.read'), COLS)).orderBy('held_on', 'desc').execute();
  const counts = rows.length ? await ctx.db.selectFrom('training_enrolments').select(['event_id', (eb) => eb.fn.countAll<number>().as('n')]).where('event_id', 'in', rows.map((r) => r.id)).groupBy('event_id').execute() : [];
  return { items: rows.map((e) => present(e, Number(counts.find((c) => c.event_id === e.id)?.n ?? 0))) };
}

export async function getEvent(ctx: AppContext, actor: Actor, id: string) {
  const e = await find(ctx.db, actor, 'trainingEvent.read', id);
  const rows = await ctx.db.selectFrom('training_enrolments').selectAll().where('event_id', '=', id).orderBy('person_kind').orderBy('person_name').execute();
  const me = await selfOf(ctx, actor);
  const manage = scopeOk(actor, 'trainingEvent.manage');
  // Mediators and coordinators see only their own enrolment; managers see the list.
  const visible = manage ? rows : rows.filter((r) => me && r.person_kind === me.kind && r.person_id === me.id);
  return { ...present(e, rows.length), enrolments: visible.map((r) => ({ id: r.id, personKind: r.person_kind, personId: r.person_id, personName: r.person_name, attended: r.attended === null ? null : r.attended === 1, hoursCredited: r.hours_credited })), self: me, selfEnrolled: !!(me && rows.find((r) => r.person_kind === me.kind && r.person_id === me.id)) };
}
const scopeOk = (actor: Actor, action: A) => {
  try {
    scopeFilter(actor.principal, action);
    return true;
  } catch {
    return false;
  }
};

/** The roster record of the signed-in mediator or coordinator (who enrols themself). */
async function selfOf(ctx: AppContext, actor: Actor): Promise<{ kind: 'mediator' | 'coordinator'; id: string; name: string } | null> {
  const uid = actor.principal?.id;
  if (!uid) return null;
  const m = await ctx.db.selectFrom('mediators').select(['id', 'name']).where('user_id', '=', uid).where('status', '=', 'active').executeTakeFirst();
  if (m) return { kind: 'mediator', ...m };
  const c = await ctx.db.selectFrom('coordinators').select(['id', 'name']).where('user_id', '=', uid).where('status', '=', 'active').executeTakeFirst();
  return c ? { kind: 'coordinator', ...c } : null;
}

export async function createEvent(ctx: AppContext, actor: Actor, input: z.infer<typeof EventCreate>) {
  scopeFilter(actor.principal, 'trainingEvent.manage');
  const regionId = actor.principal!.regionId;
  const id = newId();
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('training_events').values({ id, region_id: regionId, title: input.title, kind: input.kind, audience: input.audience, held_on: input.heldOn, place: input.place, hours: input.hours, capacity: input.capacity, materials: input.materials ?? null, status: 'open', created_by: actor.principal!.id, created_at: at, updated_at: at }).execute();
    await audit(trx, ctx, actor, { action: 'trainingEvent.create', entityType: 'trainingEvent', entityId: id, regionId, summary: `发布${EVENT_KINDS[input.kind]}：${input.title}（${input.heldOn}）`, after: input });
  });
  return getEvent(ctx, actor, id);
}

export async function updateEvent(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof EventUpdate>) {
  const e = await find(ctx.db, actor, 'trainingEvent.manage', id);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('training_events').set({ ...(input.place && { place: input.place }), ...(input.materials !== undefined && { materials: input.materials }), ...(input.capacity && { capacity: input.capacity }), updated_at: isoNow(ctx.clock) }).where('id', '=', id).execute();
    await audit(trx, ctx, actor, { action: 'trainingEvent.update', entityType: 'trainingEvent', entityId: id, regionId: e.region_id, summary: `修改培训活动${e.title}`, before: { place: e.place, capacity: e.capacity }, after: input });
  });
  return getEvent(ctx, actor, id);
}

/**
 * Enrolment. A mediator or coordinator enrols themself (no body); an official enrols a mediator or
 * coordinator of their region. Audience, capacity, duplicates and the date are checked.
 */
export async function enrol(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof EnrolmentCreate>) {
  const e = await find(ctx.db, actor, 'trainingEvent.enrol', id);
  const manage = scopeOk(actor, 'trainingEvent.manage');
  let person: { kind: 'mediator' | 'coordinator'; id: string; name: string; region: string };
  if (input.personId) {
    if (!manage) throw forbidden('只能为本人报名');
    if (!input.personKind) throw fieldError('personKind', '请选择报名人员类别');
    const f = scopeFilter(actor.principal, 'trainingEvent.manage');
    const table = input.personKind === 'mediator' ? 'mediators' : 'coordinators';
    const row = await ctx.db.selectFrom(table).select(['id', 'name', 'region_id', 'status']).where('id', '=', input.personId).executeTakeFirst();
    if (!row || row.status !== 'active' || (f.kind === 'region' && !row.region_id.startsWith(f.regionId))) throw fieldError('personId', '人员不存在、已离任或不在本辖区');
    person = { kind: input.personKind, id: row.id, name: row.name, region: row.region_id };
  } else {
    const me = await selfOf(ctx, actor);
    if (!me) throw fieldError('personId', '请选择报名人员');
    person = { ...me, region: e.region_id };
  }
  if (e.status !== 'open') throw new AppError(409, 'INVALID_TRANSITION', '活动已考勤结束，不能报名');
  if (e.held_on < todayInChina(ctx.clock)) throw new AppError(409, 'INVALID_TRANSITION', '活动已举行，不能报名');
  if (e.audience !== 'all' && e.audience !== person.kind) throw fieldError('personKind', `本活动面向${AUDIENCES[e.audience as keyof typeof AUDIENCES]}`);
  const n = Number((await ctx.db.selectFrom('training_enrolments').select((eb) => eb.fn.countAll<number>().as('n')).where('event_id', '=', id).executeTakeFirstOrThrow()).n);
  if (await ctx.db.selectFrom('training_enrolments').select('id').where('event_id', '=', id).where('person_kind', '=', person.kind).where('person_id', '=', person.id).executeTakeFirst()) throw conflict(`${person.name}已报名`);
  if (n >= e.capacity) throw conflict(`名额已满（${e.capacity}人）`);
  const eid = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('training_enrolments').values({ id: eid, region_id: e.region_id, event_id: id, person_kind: person.kind, person_id: person.id, person_name: person.name, attended: null, hours_credited: 0, created_at: isoNow(ctx.clock) }).execute();
    await audit(trx, ctx, actor, { action: 'trainingEvent.enrol', entityType: 'trainingEvent', entityId: id, regionId: e.region_id, summary: `${person.name}报名${e.title}`, after: { personKind: person.kind, personId: person.id } });
  });
  return { id: eid, personKind: person.kind, personId: person.id, personName: person.name };
}

/** Records attendance once the event has been held; attendees get the event's hours on their training record. */
export async function recordAttendance(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof AttendancePut>) {
  const e = await find(ctx.db, actor, 'trainingEvent.manage', id);
  if (e.status !== 'open') throw new AppError(409, 'INVALID_TRANSITION', '已登记考勤');
  if (e.held_on > todayInChina(ctx.clock)) throw new AppError(409, 'INVALID_TRANSITION', `活动于${e.held_on}举行，举行后才能登记考勤`);
  const rows = await ctx.db.selectFrom('training_enrolments').selectAll().where('event_id', '=', id).execute();
  const unknown = input.attended.find((a) => !rows.find((r) => r.id === a));
  if (unknown) throw fieldError('attended', '出勤名单中有未报名的人员');
  const credits = creditHours(e.hours, rows.map((r) => ({ id: r.id, attended: input.attended.includes(r.id) })));
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    for (const c of credits) {
      const r = rows.find((x) => x.id === c.id)!;
      await trx.updateTable('training_enrolments').set({ attended: c.hours > 0 ? 1 : 0, hours_credited: c.hours }).where('id', '=', c.id).execute();
      if (c.hours <= 0) continue;
      // The training record carries the person's own region (the enrolment carries the event's).
      if (r.person_kind === 'mediator') {
        const m = await trx.selectFrom('mediators').select('region_id').where('id', '=', r.person_id).executeTakeFirstOrThrow();
        await trx.insertInto('mediator_trainings').values({ id: newId(), region_id: m.region_id, mediator_id: r.person_id, course: e.title, hours: c.hours, trained_on: e.held_on, event_id: id, created_at: at }).execute();
      } else {
        const p = await trx.selectFrom('coordinators').select('region_id').where('id', '=', r.person_id).executeTakeFirstOrThrow();
        await trx.insertInto('coordinator_trainings').values({ id: newId(), region_id: p.region_id, coordinator_id: r.person_id, course: e.title, hours: c.hours, trained_on: e.held_on, created_at: at }).execute();
      }
    }
    await trx.updateTable('training_events').set({ status: 'closed', updated_at: at }).where('id', '=', id).execute();
    await audit(trx, ctx, actor, { action: 'trainingEvent.attendance', entityType: 'trainingEvent', entityId: id, regionId: e.region_id, summary: `${e.title}考勤：出勤${input.attended.length}人/报名${rows.length}人，每人计${e.hours}学时`, after: input });
  });
  return getEvent(ctx, actor, id);
}
