import { z } from 'zod';
import { IsoDate } from '../../../domain/calendar';
import { ARREARS_STATUS_LABELS, ARREARS_STATUSES, arrearsOutstanding, type ArrearsStatus } from '../../../domain/wage-arrears';
import type { Actor, AppContext } from '../../context';
import type { DbOrTrx } from '../../db';
import { AppError, fieldError, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import { getEnterpriseInScope } from '../../policy/enterprise-scope';
import { scopeFilter, whereInScope } from '../../policy/scope';
import { auditActor } from '../audit/actor';
import { insertAudit } from '../audit/repo';
import { addTimelineEvent } from '../enterprises/timeline';
import { projectInScope } from './projects';

export const ArrearsInput = z.object({
  enterpriseId: z.string().min(1, '请选择欠薪单位'),
  projectId: z.string().min(1).optional(),
  complaintId: z.string().min(1).optional(),
  description: z.string().trim().min(1, '请填写欠薪情况').max(2000),
  workers: z.number().int().min(1, '请填写涉及人数').max(100000),
  amountOwed: z.number().positive('请填写欠薪金额').max(1e10),
  openedOn: IsoDate,
  /** 达到拒不支付劳动报酬罪数额标准（black-list criterion K1）. */
  crimeThreshold: z.boolean().default(false),
  /** 引发群体性事件、极端事件（black-list criterion K2）. */
  massIncident: z.boolean().default(false),
});
export type ArrearsInput = z.infer<typeof ArrearsInput>;
export const RecoveryInput = z.object({ amount: z.number().positive('请填写追回金额').max(1e10), workers: z.number().int().min(1, '请填写涉及人数').max(100000), recoveredOn: IsoDate, note: z.string().trim().max(500).optional() });
export type RecoveryInput = z.infer<typeof RecoveryInput>;
export const TransferInput = z.object({ note: z.string().trim().min(1, '请填写移送说明').max(1000) });
export type TransferInput = z.infer<typeof TransferInput>;
export const ArrearsQuery = z.object({ status: z.enum(ARREARS_STATUSES).optional(), enterpriseId: z.string().optional() });
export type ArrearsQuery = z.infer<typeof ArrearsQuery>;

const scope = (actor: Actor) => whereInScope(scopeFilter(actor.principal, 'wage.manage'), { region: 'a.region_id' });
const base = (db: DbOrTrx) => db.selectFrom('wage_arrears_cases as a').innerJoin('enterprises as e', 'e.id', 'a.enterprise_id').leftJoin('construction_projects as p', 'p.id', 'a.project_id').selectAll('a').select(['e.name as enterprise_name', 'p.name as project_name']);
type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

const present = (r: Row) => {
  const status = r.status as ArrearsStatus;
  return {
    id: r.id,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    projectId: r.project_id,
    projectName: r.project_name,
    complaintId: r.complaint_id,
    description: r.description,
    workers: r.workers,
    amountOwed: r.amount_owed,
    amountRecovered: r.amount_recovered,
    outstanding: arrearsOutstanding(r.amount_owed, r.amount_recovered),
    crimeThreshold: !!r.crime_threshold,
    massIncident: !!r.mass_incident,
    status,
    statusName: ARREARS_STATUS_LABELS[status],
    openedOn: r.opened_on,
    resolvedOn: r.resolved_on,
    abilities: { recover: status !== 'resolved', transfer: status === 'open' },
  };
};

async function caseInScope(db: DbOrTrx, actor: Actor, id: string) {
  const r = await base(db).where('a.id', '=', id).where(scope(actor)).executeTakeFirst();
  if (!r) throw notFound('欠薪案件');
  return r;
}

export async function listArrears(ctx: AppContext, actor: Actor, q: ArrearsQuery & PageQuery) {
  let query = base(ctx.db).where(scope(actor));
  if (q.status) query = query.where('a.status', '=', q.status);
  if (q.enterpriseId) query = query.where('a.enterprise_id', '=', q.enterpriseId);
  const totals = await ctx.db
    .selectFrom(query.as('x'))
    .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('x.workers').as('workers'), (eb) => eb.fn.sum<number>('x.amount_owed').as('owed'), (eb) => eb.fn.sum<number>('x.amount_recovered').as('recovered')])
    .executeTakeFirstOrThrow();
  const rows = await query.orderBy('a.opened_on', 'desc').orderBy('a.id').limit(q.pageSize).offset(pageOffset(q)).execute();
  return {
    items: rows.map(present),
    total: Number(totals.n),
    page: q.page,
    pageSize: q.pageSize,
    totals: { cases: Number(totals.n), workers: Number(totals.workers ?? 0), amountOwed: Number(totals.owed ?? 0), amountRecovered: Number(totals.recovered ?? 0) },
  };
}

export async function getArrears(ctx: AppContext, actor: Actor, id: string) {
  const r = await caseInScope(ctx.db, actor, id);
  const recoveries = await ctx.db.selectFrom('wage_recoveries').selectAll().where('case_id', '=', id).orderBy('recovered_on').execute();
  return { ...present(r), recoveries: recoveries.map((x) => ({ id: x.id, amount: x.amount, workers: x.workers, recoveredOn: x.recovered_on, note: x.note })) };
}

export async function openArrears(ctx: AppContext, actor: Actor, input: ArrearsInput) {
  const e = await getEnterpriseInScope(ctx.db, actor, 'wage.manage', input.enterpriseId);
  if (input.projectId) {
    const p = await projectInScope(ctx.db, actor, 'wage.manage', input.projectId).catch(() => null);
    if (!p) throw fieldError('projectId', '工程项目不存在或不在辖区内');
  }
  if (input.openedOn > todayInChina(ctx.clock)) throw fieldError('openedOn', '立案日期不能晚于今天');
  const at = isoNow(ctx.clock);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('wage_arrears_cases')
      .values({ id, region_id: e.region_id, enterprise_id: e.id, project_id: input.projectId ?? null, complaint_id: input.complaintId ?? null, description: input.description, workers: input.workers, amount_owed: input.amountOwed, amount_recovered: 0, crime_threshold: input.crimeThreshold ? 1 : 0, mass_incident: input.massIncident ? 1 : 0, status: 'open', opened_on: input.openedOn, resolved_on: null, created_by: actor.principal!.id, created_at: at, updated_at: at })
      .execute();
    await addTimelineEvent(trx, { enterpriseId: e.id, regionId: e.region_id, at, kind: 'wage.arrears', module: 'wage', title: `欠薪案件立案：${input.workers}人，${input.amountOwed}元`, detail: input.description, refType: 'wageArrears', refId: id, actorId: actor.principal!.id, actorName: actor.principal!.displayName });
    await insertAudit(trx, { at, ...auditActor(actor), action: 'wage.arrears.open', entityType: 'wageArrears', entityId: id, regionId: e.region_id, summary: `欠薪案件立案：${e.name}，${input.workers}人，${input.amountOwed}元`, after: input });
  });
  return getArrears(ctx, actor, id);
}

/** A recovery (追回); the case resolves when nothing is outstanding. */
export async function recordRecovery(ctx: AppContext, actor: Actor, id: string, input: RecoveryInput) {
  const r = await caseInScope(ctx.db, actor, id);
  if (r.status === 'resolved') throw new AppError(409, 'INVALID_TRANSITION', '案件已结清', undefined, { allowed: [] });
  const today = todayInChina(ctx.clock);
  if (input.recoveredOn > today) throw fieldError('recoveredOn', '追回日期不能晚于今天');
  if (input.recoveredOn < r.opened_on) throw fieldError('recoveredOn', '追回日期不能早于立案日期');
  if (input.amount > arrearsOutstanding(r.amount_owed, r.amount_recovered) + 0.005) throw fieldError('amount', `追回金额超过尚欠金额${arrearsOutstanding(r.amount_owed, r.amount_recovered)}元`);
  const recovered = Math.round((r.amount_recovered + input.amount) * 100) / 100;
  const resolved = arrearsOutstanding(r.amount_owed, recovered) === 0;
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('wage_recoveries').values({ id: newId(), region_id: r.region_id, case_id: id, amount: input.amount, workers: input.workers, recovered_on: input.recoveredOn, note: input.note ?? null, created_by: actor.principal!.id, created_at: at }).execute();
    await trx.updateTable('wage_arrears_cases').set({ amount_recovered: recovered, ...(resolved ? { status: 'resolved', resolved_on: input.recoveredOn } : {}), updated_at: at }).where('id', '=', id).execute();
    if (resolved) await addTimelineEvent(trx, { enterpriseId: r.enterprise_id, regionId: r.region_id, at, kind: 'wage.resolved', module: 'wage', title: `欠薪已结清：${recovered}元`, refType: 'wageArrears', refId: id, actorId: actor.principal!.id, actorName: actor.principal!.displayName });
    await insertAudit(trx, { at, ...auditActor(actor), action: 'wage.arrears.recover', entityType: 'wageArrears', entityId: id, regionId: r.region_id, summary: `追回欠薪${input.amount}元（${input.workers}人）${resolved ? '，案件结清' : ''}`, before: { amountRecovered: r.amount_recovered }, after: input });
  });
  return getArrears(ctx, actor, id);
}

/** 涉嫌拒不支付劳动报酬罪: transfer to the public security organ (行政执法与刑事司法衔接). */
export async function transferArrears(ctx: AppContext, actor: Actor, id: string, input: TransferInput) {
  const r = await caseInScope(ctx.db, actor, id);
  if (r.status !== 'open') throw new AppError(409, 'INVALID_TRANSITION', `案件${ARREARS_STATUS_LABELS[r.status as ArrearsStatus]}，不能移送`, undefined, { allowed: r.status === 'transferred' ? ['recover'] : [] });
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('wage_arrears_cases').set({ status: 'transferred', crime_threshold: 1, updated_at: at }).where('id', '=', id).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'wage.arrears.transfer', entityType: 'wageArrears', entityId: id, regionId: r.region_id, summary: `欠薪案件移送公安机关：${r.enterprise_name}`, after: input });
  });
  return getArrears(ctx, actor, id);
}
