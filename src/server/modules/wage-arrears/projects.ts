import { z } from 'zod';
import { IsoDate } from '../../../domain/calendar';
import { missingPayrollMonths, projectDeficits, type ProjectFacts } from '../../../domain/wage-arrears';
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
import { onWagePaymentMissing } from '../complaints/hooks';
import { addTimelineEvent } from '../enterprises/timeline';

const Money = z.number().min(0, '金额不能为负').max(1e11);
const Guarantee = z.enum(['deposit', 'bank_guarantee', 'exempt'], { error: '请选择工资保证金形式' });
export const GUARANTEE_LABELS = { deposit: '现金存储', bank_guarantee: '金融机构保函', exempt: '依规减免' } as const;
const ProjectFields = {
  builderName: z.string().trim().min(1, '请填写建设单位').max(100),
  contractAmount: Money.nullable().optional(),
  endOn: IsoDate.nullable().optional(),
  payDay: z.number().int().min(1, '工资支付日应在1至31日之间').max(31, '工资支付日应在1至31日之间').optional(),
  realNameWorkers: z.number().int().min(0, '实名登记人数不能为负').max(100000).optional(),
  laborManager: z.string().trim().max(30).nullable().optional(),
  infoBoard: z.boolean().optional(),
  wageAccountBank: z.string().trim().max(60).nullable().optional(),
  wageAccountNo: z.string().trim().max(40).nullable().optional(),
  wageAccountOpenedOn: IsoDate.nullable().optional(),
  guaranteeForm: Guarantee.nullable().optional(),
  guaranteeAmount: Money.nullable().optional(),
  guaranteeOn: IsoDate.nullable().optional(),
};
export const ProjectInput = z.object({ name: z.string().trim().min(1, '请填写项目名称').max(100), contractorEnterpriseId: z.string().min(1, '请选择施工总承包单位'), startOn: IsoDate, ...ProjectFields });
export type ProjectInput = z.infer<typeof ProjectInput>;
export const ProjectPatch = z.object({ ...ProjectFields, builderName: ProjectFields.builderName.optional(), status: z.enum(['active', 'completed']).optional() });
export type ProjectPatch = z.infer<typeof ProjectPatch>;
export const PayrollInput = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为YYYY-MM'),
  workersPaid: z.number().int().min(1, '请填写发放人数').max(100000),
  amount: z.number().positive('请填写发放金额').max(1e10),
  paidOn: IsoDate,
});
export type PayrollInput = z.infer<typeof PayrollInput>;
export const ProjectQuery = z.object({ status: z.enum(['active', 'completed']).optional(), overdue: z.enum(['1']).optional() });
export type ProjectQuery = z.infer<typeof ProjectQuery>;

const cols = { region: 'p.region_id', enterprise: 'p.contractor_enterprise_id' };
const base = (db: DbOrTrx) => db.selectFrom('construction_projects as p').innerJoin('enterprises as e', 'e.id', 'p.contractor_enterprise_id').selectAll('p').select('e.name as contractor_name');
type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

const facts = (r: Row): ProjectFacts => ({ wageAccountOpened: !!r.wage_account_no, guaranteeForm: r.guarantee_form as ProjectFacts['guaranteeForm'], realNameWorkers: r.real_name_workers, laborManager: r.labor_manager, infoBoard: !!r.info_board });

async function confirmedMonths(db: DbOrTrx, ids: string[]) {
  const out = new Map<string, Set<string>>(ids.map((id) => [id, new Set<string>()]));
  if (ids.length) for (const p of await db.selectFrom('project_payrolls').select(['project_id', 'month']).where('project_id', 'in', ids).execute()) out.get(p.project_id)!.add(p.month);
  return out;
}

function present(r: Row, months: Set<string>, today: string, actor: Actor) {
  const official = !!actor.principal?.roles.some((x) => x === 'official' || x === 'admin');
  const isOwn = actor.principal?.enterpriseId === r.contractor_enterprise_id;
  return {
    id: r.id,
    regionId: r.region_id,
    name: r.name,
    builderName: r.builder_name,
    contractorEnterpriseId: r.contractor_enterprise_id,
    contractorName: r.contractor_name,
    contractAmount: r.contract_amount,
    startOn: r.start_on,
    endOn: r.end_on,
    status: r.status,
    payDay: r.pay_day,
    realNameWorkers: r.real_name_workers,
    laborManager: r.labor_manager,
    infoBoard: !!r.info_board,
    wageAccount: r.wage_account_no ? { bank: r.wage_account_bank, accountNo: r.wage_account_no, openedOn: r.wage_account_opened_on } : null,
    guarantee: r.guarantee_form ? { form: r.guarantee_form, formName: GUARANTEE_LABELS[r.guarantee_form as keyof typeof GUARANTEE_LABELS], amount: r.guarantee_amount, on: r.guarantee_on } : null,
    deficits: projectDeficits(facts(r)),
    missingPayrolls: r.status === 'active' ? missingPayrollMonths({ startOn: r.start_on, endOn: r.end_on, payDay: r.pay_day }, months, today) : [],
    abilities: { update: official, confirmPayroll: (official || isOwn) && r.status === 'active' },
  };
}

export async function projectInScope(db: DbOrTrx, actor: Actor, action: 'wage.read' | 'wage.manage' | 'wage.payroll', id: string) {
  const r = await base(db).where('p.id', '=', id).where(whereInScope(scopeFilter(actor.principal, action), cols)).executeTakeFirst();
  if (!r) throw notFound('工程项目');
  return r;
}

export async function listProjects(ctx: AppContext, actor: Actor, q: ProjectQuery & PageQuery) {
  const today = todayInChina(ctx.clock);
  let query = base(ctx.db).where(whereInScope(scopeFilter(actor.principal, 'wage.read'), cols));
  if (q.status) query = query.where('p.status', '=', q.status);
  const all = await query.orderBy('p.start_on', 'desc').orderBy('p.id').execute();
  const months = await confirmedMonths(ctx.db, all.map((r) => r.id));
  let items = all.map((r) => present(r, months.get(r.id)!, today, actor));
  if (q.overdue) items = items.filter((p) => p.missingPayrolls.length > 0);
  return { items: items.slice(pageOffset(q), pageOffset(q) + q.pageSize), total: items.length, page: q.page, pageSize: q.pageSize };
}

export async function getProject(ctx: AppContext, actor: Actor, id: string) {
  const r = await projectInScope(ctx.db, actor, 'wage.read', id);
  const payrolls = await ctx.db.selectFrom('project_payrolls').selectAll().where('project_id', '=', id).orderBy('month', 'desc').execute();
  const official = !!actor.principal?.roles.some((x) => x === 'official' || x === 'admin');
  const arrears = official ? await ctx.db.selectFrom('wage_arrears_cases').select(['id', 'workers', 'amount_owed', 'amount_recovered', 'status', 'opened_on']).where('project_id', '=', id).orderBy('opened_on', 'desc').execute() : [];
  return {
    ...present(r, new Set(payrolls.map((p) => p.month)), todayInChina(ctx.clock), actor),
    payrolls: payrolls.map((p) => ({ id: p.id, month: p.month, workersPaid: p.workers_paid, amount: p.amount, paidOn: p.paid_on, createdAt: p.created_at })),
    arrears: arrears.map((a) => ({ id: a.id, workers: a.workers, amountOwed: a.amount_owed, amountRecovered: a.amount_recovered, status: a.status, openedOn: a.opened_on })),
  };
}

const row = (input: Partial<ProjectInput>) => ({
  ...(input.builderName !== undefined ? { builder_name: input.builderName } : {}),
  ...(input.contractAmount !== undefined ? { contract_amount: input.contractAmount } : {}),
  ...(input.endOn !== undefined ? { end_on: input.endOn } : {}),
  ...(input.payDay !== undefined ? { pay_day: input.payDay } : {}),
  ...(input.realNameWorkers !== undefined ? { real_name_workers: input.realNameWorkers } : {}),
  ...(input.laborManager !== undefined ? { labor_manager: input.laborManager || null } : {}),
  ...(input.infoBoard !== undefined ? { info_board: input.infoBoard ? 1 : 0 } : {}),
  ...(input.wageAccountBank !== undefined ? { wage_account_bank: input.wageAccountBank || null } : {}),
  ...(input.wageAccountNo !== undefined ? { wage_account_no: input.wageAccountNo || null } : {}),
  ...(input.wageAccountOpenedOn !== undefined ? { wage_account_opened_on: input.wageAccountOpenedOn } : {}),
  ...(input.guaranteeForm !== undefined ? { guarantee_form: input.guaranteeForm } : {}),
  ...(input.guaranteeAmount !== undefined ? { guarantee_amount: input.guaranteeAmount } : {}),
  ...(input.guaranteeOn !== undefined ? { guarantee_on: input.guaranteeOn } : {}),
});

export async function createProject(ctx: AppContext, actor: Actor, input: ProjectInput) {
  const e = await getEnterpriseInScope(ctx.db, actor, 'wage.manage', input.contractorEnterpriseId);
  if (input.endOn && input.endOn < input.startOn) throw fieldError('endOn', '竣工日期不能早于开工日期');
  const at = isoNow(ctx.clock);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('construction_projects')
      .values({ id, region_id: e.region_id, name: input.name, contractor_enterprise_id: e.id, start_on: input.startOn, status: 'active', builder_name: input.builderName, contract_amount: null, end_on: null, pay_day: 15, real_name_workers: 0, labor_manager: null, info_board: 0, wage_account_bank: null, wage_account_no: null, wage_account_opened_on: null, guarantee_form: null, guarantee_amount: null, guarantee_on: null, ...row(input), created_by: actor.principal!.id, created_at: at, updated_at: at })
      .execute();
    await addTimelineEvent(trx, { enterpriseId: e.id, regionId: e.region_id, at, kind: 'wage.project', module: 'wage', title: `登记在建工程项目：${input.name}`, refType: 'constructionProject', refId: id, actorId: actor.principal!.id, actorName: actor.principal!.displayName });
    await insertAudit(trx, { at, ...auditActor(actor), action: 'wage.project.create', entityType: 'constructionProject', entityId: id, regionId: e.region_id, summary: `登记工程项目：${input.name}（施工总承包：${e.name}）`, after: input });
  });
  return getProject(ctx, actor, id);
}

export async function updateProject(ctx: AppContext, actor: Actor, id: string, patch: ProjectPatch) {
  const r = await projectInScope(ctx.db, actor, 'wage.manage', id);
  const endOn = patch.endOn === undefined ? r.end_on : patch.endOn;
  if (endOn && endOn < r.start_on) throw fieldError('endOn', '竣工日期不能早于开工日期');
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('construction_projects').set({ ...row(patch as Partial<ProjectInput>), ...(patch.status ? { status: patch.status } : {}), updated_at: at }).where('id', '=', id).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'wage.project.update', entityType: 'constructionProject', entityId: id, regionId: r.region_id, summary: `更新工程项目：${r.name}`, after: patch });
  });
  return getProject(ctx, actor, id);
}

/** 按月支付确认: the general contractor (or an official) confirms a month's wages were paid through the special account. */
export async function confirmPayroll(ctx: AppContext, actor: Actor, id: string, input: PayrollInput) {
  const r = await projectInScope(ctx.db, actor, 'wage.payroll', id);
  if (r.status !== 'active') throw conflict('项目已竣工，不再登记月度工资支付');
  const today = todayInChina(ctx.clock);
  if (input.paidOn > today) throw fieldError('paidOn', '发放日期不能晚于今天');
  if (input.month < r.start_on.slice(0, 7)) throw fieldError('month', '月份早于项目开工');
  if (input.month > today.slice(0, 7)) throw fieldError('month', '不能确认未来月份');
  const dup = await ctx.db.selectFrom('project_payrolls').select('id').where('project_id', '=', id).where('month', '=', input.month).executeTakeFirst();
  if (dup) throw conflict(`${input.month}的工资支付已确认`, { id: dup.id });
  const at = isoNow(ctx.clock);
  const pid = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('project_payrolls').values({ id: pid, region_id: r.region_id, project_id: id, month: input.month, workers_paid: input.workersPaid, amount: input.amount, paid_on: input.paidOn, confirmed_by: actor.principal!.id, created_at: at }).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'wage.payroll.confirm', entityType: 'constructionProject', entityId: id, regionId: r.region_id, summary: `确认${r.name} ${input.month}工资支付：${input.workersPaid}人，${input.amount}元`, after: input });
  });
  return getProject(ctx, actor, id);
}

/**
 * 欠薪预警: every active project in scope whose monthly wages are overdue and unconfirmed raises one alert per month,
 * recorded once and passed to the risk module through the onWagePaymentMissing hook (保障农民工工资支付条例 第二十七条).
 */
export async function runPayrollMonitor(ctx: AppContext, actor: Actor) {
  return monitorPayrolls(ctx, actor, true);
}

/** The scheduled run: every active project of the platform, recorded as the system's (no user) in the audit log. */
export async function runPayrollMonitorJob(ctx: AppContext): Promise<string> {
  const r = await monitorPayrolls(ctx, { principal: null, ip: null }, false);
  return `checked ${r.checked} projects, raised ${r.raised.length} alerts`;
}

async function monitorPayrolls(ctx: AppContext, actor: Actor, scoped: boolean) {
  const today = todayInChina(ctx.clock);
  let q = base(ctx.db).where('p.status', '=', 'active');
  if (scoped) q = q.where(whereInScope(scopeFilter(actor.principal, 'wage.manage'), cols));
  const rows = await q.execute();
  const months = await confirmedMonths(ctx.db, rows.map((r) => r.id));
  const raised = await ctx.db.selectFrom('project_payroll_alerts').select(['project_id', 'month']).execute();
  const seen = new Set(raised.map((a) => `${a.project_id}:${a.month}`));
  const at = isoNow(ctx.clock);
  const out: { projectId: string; projectName: string; month: string; dueOn: string }[] = [];
  await ctx.db.transaction().execute(async (trx) => {
    for (const r of rows) {
      for (const m of missingPayrollMonths({ startOn: r.start_on, endOn: r.end_on, payDay: r.pay_day }, months.get(r.id)!, today)) {
        if (seen.has(`${r.id}:${m.month}`)) continue;
        await trx.insertInto('project_payroll_alerts').values({ id: newId(), region_id: r.region_id, project_id: r.id, month: m.month, due_on: m.dueOn, raised_at: at }).execute();
        await onWagePaymentMissing.emit(trx, { projectId: r.id, regionId: r.region_id, enterpriseId: r.contractor_enterprise_id, month: m.month, at });
        await addTimelineEvent(trx, { enterpriseId: r.contractor_enterprise_id, regionId: r.region_id, at, kind: 'wage.missing', module: 'wage', title: `欠薪预警：${r.name} ${m.month}工资未按期支付确认`, detail: `应于${m.dueOn}前支付`, refType: 'constructionProject', refId: r.id, actorId: null, actorName: '欠薪监测' });
        out.push({ projectId: r.id, projectName: r.name, month: m.month, dueOn: m.dueOn });
      }
    }
    if (scoped || out.length > 0) {
      const who = scoped ? auditActor(actor) : { actorId: null, actorName: '欠薪监测（定时）', ip: null };
      await insertAudit(trx, { at, ...who, action: 'wage.monitor.run', entityType: 'constructionProject', regionId: actor.principal?.regionId ?? null, summary: `欠薪监测：新增预警${out.length}条`, after: { raised: out.length } });
    }
  });
  return { raised: out, checked: rows.length };
}
