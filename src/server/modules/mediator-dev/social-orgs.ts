import { z } from 'zod';
import { checkAcceptance, SERVICE_GRADE_LABELS, serviceGrade, type ServiceGrade } from '../../../domain/rosters/programmes';
import type { Actor, AppContext } from '../../context';
import type { DbOrTrx } from '../../db';
import { AppError, fieldError, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import { scopeFilter, whereInScope } from '../../policy/scope';
import { audit, IsoDate, parseList, problems } from './common';

/** 社会组织台账 (seed 000 二(二)1: 数量、规模状况、行业分布以及工作开展情况). */
export const SOCIAL_ORG_TYPES = { association: '社会团体（行业协会、促进会）', private_nonprofit: '民办非企业单位（社会服务机构）', foundation: '基金会', law_firm: '律师事务所', other: '其他' } as const;
export const SocialOrgType = z.enum(Object.keys(SOCIAL_ORG_TYPES) as [keyof typeof SOCIAL_ORG_TYPES, ...(keyof typeof SOCIAL_ORG_TYPES)[]]);
export const ORG_SIZES = { small: '小型（10人以下）', medium: '中型（10–49人）', large: '大型（50人以上）' } as const;
export const OrgSize = z.enum(['small', 'medium', 'large']);
/** seed 000 二(二)3: 法律法规政策咨询、劳动用工服务、劳动纠纷调解、心理疏导. */
export const SERVICES = { legal_consulting: '法律法规政策咨询', employment_service: '劳动用工服务', dispute_mediation: '劳动纠纷调解', counselling: '心理疏导', training: '培训交流', other: '其他' } as const;
export const Service = z.enum(Object.keys(SERVICES) as [keyof typeof SERVICES, ...(keyof typeof SERVICES)[]]);

export const SocialOrgCreate = z.object({
  name: z.string().trim().min(2, '请填写组织名称').max(100),
  uscc: z.string().trim().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, '统一社会信用代码应为18位').optional(),
  regionId: z.string().optional(),
  orgType: SocialOrgType,
  size: OrgSize,
  staffCount: z.number().int().min(0, '人数不能为负').max(100000),
  industries: z.array(z.string().trim().min(1).max(30)).max(20).default([]),
  services: z.array(Service).min(1, '请选择至少一项服务'),
  contactName: z.string().trim().max(50).optional(),
  phone: z.string().trim().max(30).optional(),
});
export const SocialOrgUpdate = SocialOrgCreate.omit({ regionId: true }).partial().extend({ status: z.enum(['active', 'inactive']).optional() });
export const SocialOrgQuery = z.object({ q: z.string().trim().max(50).optional(), service: Service.optional(), status: z.enum(['active', 'inactive']).optional() });
export const ProjectCreate = z.object({
  title: z.string().trim().min(2, '请填写项目名称').max(200),
  purchaser: z.string().trim().min(1, '请填写购买主体').max(100),
  amount: z.number().positive('合同金额须大于0').max(1e9),
  startOn: IsoDate,
  endOn: IsoDate,
  content: z.string().trim().min(1, '请填写服务内容').max(5000),
  deliverables: z.array(z.object({ title: z.string().trim().min(1, '请填写成果名称').max(200), dueOn: IsoDate })).min(1, '请约定至少一项交付成果').max(50),
});
export const ProjectQuery = z.object({ status: z.enum(['contracted', 'accepted', 'rejected']).optional(), socialOrgId: z.string().optional() });
export const DeliverablePut = z.object({ deliveredOn: IsoDate, evidence: z.string().trim().min(1, '请填写交付材料说明').max(2000) });
export const AcceptancePut = z.object({ passed: z.boolean(), score: z.number().min(0, '得分为0–100').max(100, '得分为0–100'), note: z.string().trim().min(1, '请填写评价意见').max(2000) });

const ORG_COLS = { region: 'social_orgs.region_id' };
type A = 'socialOrg.read' | 'socialOrg.manage';
async function findOrg(db: DbOrTrx, actor: Actor, action: A, id: string) {
  const o = await db.selectFrom('social_orgs').selectAll().where('id', '=', id).where(whereInScope(scopeFilter(actor.principal, action), ORG_COLS)).executeTakeFirst();
  if (!o) throw notFound('社会组织');
  return o;
}
type OrgRow = Awaited<ReturnType<typeof findOrg>>;
const presentOrg = (o: OrgRow) => ({ id: o.id, regionId: o.region_id, name: o.name, uscc: o.uscc, orgType: o.org_type, orgTypeLabel: SOCIAL_ORG_TYPES[o.org_type as keyof typeof SOCIAL_ORG_TYPES] ?? o.org_type, size: o.size, sizeLabel: ORG_SIZES[o.size as keyof typeof ORG_SIZES] ?? o.size, staffCount: o.staff_count, industries: parseList(o.industries_json), services: parseList(o.services_json), serviceLabels: parseList(o.services_json).map((s) => SERVICES[s as keyof typeof SERVICES] ?? s), contactName: o.contact_name, phone: o.phone, status: o.status });

export async function listSocialOrgs(ctx: AppContext, actor: Actor, q: z.infer<typeof SocialOrgQuery> & PageQuery) {
  let query = ctx.db.selectFrom('social_orgs').where(whereInScope(scopeFilter(actor.principal, 'socialOrg.read'), ORG_COLS));
  if (q.q) query = query.where('name', 'like', `%${q.q}%`);
  if (q.service) query = query.where('services_json', 'like', `%"${q.service}"%`);
  if (q.status) query = query.where('status', '=', q.status);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('name').limit(q.pageSize).offset(pageOffset(q)).execute();
  const all = await ctx.db.selectFrom('social_orgs').select(['size', 'staff_count', 'status']).where(whereInScope(scopeFilter(actor.principal, 'socialOrg.read'), ORG_COLS)).execute();
  const summary = { organisations: all.filter((o) => o.status === 'active').length, staff: all.filter((o) => o.status === 'active').reduce((s, o) => s + o.staff_count, 0), bySize: Object.fromEntries(Object.keys(ORG_SIZES).map((k) => [k, all.filter((o) => o.status === 'active' && o.size === k).length])) };
  return { items: rows.map(presentOrg), total: Number(total), page: q.page, pageSize: q.pageSize, summary };
}

export async function getSocialOrg(ctx: AppContext, actor: Actor, id: string) {
  const o = await findOrg(ctx.db, actor, 'socialOrg.read', id);
  const projects = await ctx.db.selectFrom('service_projects').selectAll().where('social_org_id', '=', id).orderBy('start_on', 'desc').execute();
  return { ...presentOrg(o), projects: projects.map(presentProject) };
}

export async function createSocialOrg(ctx: AppContext, actor: Actor, input: z.infer<typeof SocialOrgCreate>) {
  const p = actor.principal!;
  const regionId = input.regionId ?? p.regionId;
  const f = scopeFilter(p, 'socialOrg.manage');
  if (f.kind === 'region' && !regionId.startsWith(f.regionId)) throw fieldError('regionId', '只能登记本辖区的社会组织');
  if (input.uscc && (await ctx.db.selectFrom('social_orgs').select('id').where('uscc', '=', input.uscc).executeTakeFirst())) throw fieldError('uscc', '该统一社会信用代码已登记');
  const id = newId();
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('social_orgs').values({ id, region_id: regionId, name: input.name, uscc: input.uscc ?? null, org_type: input.orgType, size: input.size, staff_count: input.staffCount, industries_json: JSON.stringify(input.industries), services_json: JSON.stringify(input.services), contact_name: input.contactName ?? null, phone: input.phone ?? null, status: 'active', created_at: at, updated_at: at }).execute();
    await audit(trx, ctx, actor, { action: 'socialOrg.create', entityType: 'socialOrg', entityId: id, regionId, summary: `登记社会组织${input.name}`, after: input });
  });
  return getSocialOrg(ctx, actor, id);
}

export async function updateSocialOrg(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof SocialOrgUpdate>) {
  const o = await findOrg(ctx.db, actor, 'socialOrg.manage', id);
  const set = { ...(input.name !== undefined && { name: input.name }), ...(input.uscc !== undefined && { uscc: input.uscc }), ...(input.orgType && { org_type: input.orgType }), ...(input.size && { size: input.size }), ...(input.staffCount !== undefined && { staff_count: input.staffCount }), ...(input.industries && { industries_json: JSON.stringify(input.industries) }), ...(input.services && { services_json: JSON.stringify(input.services) }), ...(input.contactName !== undefined && { contact_name: input.contactName }), ...(input.phone !== undefined && { phone: input.phone }), ...(input.status && { status: input.status }) };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('social_orgs').set({ ...set, updated_at: isoNow(ctx.clock) }).where('id', '=', id).execute();
    await audit(trx, ctx, actor, { action: 'socialOrg.update', entityType: 'socialOrg', entityId: id, regionId: o.region_id, summary: `修改社会组织${o.name}`, before: presentOrg(o), after: input });
  });
  return getSocialOrg(ctx, actor, id);
}

// --- government-purchased service projects (购买服务) ------------------------------------------

type ProjectRow = Awaited<ReturnType<typeof findProject>>;
const presentProject = (p: Omit<ProjectRow, 'org_name'> & { org_name?: string }) => ({ id: p.id, socialOrgId: p.social_org_id, socialOrgName: p.org_name ?? null, title: p.title, purchaser: p.purchaser, amount: p.amount, startOn: p.start_on, endOn: p.end_on, content: p.content, status: p.status, statusLabel: ({ contracted: '履约中', accepted: '已验收', rejected: '验收不通过' } as Record<string, string>)[p.status] ?? p.status, acceptedOn: p.accepted_on, evalScore: p.eval_score, evalGrade: p.eval_grade, evalGradeLabel: p.eval_grade ? SERVICE_GRADE_LABELS[p.eval_grade as ServiceGrade] : null, evalNote: p.eval_note });
async function findProject(db: DbOrTrx, actor: Actor, action: A, id: string) {
  const p = await db.selectFrom('service_projects').innerJoin('social_orgs as o', 'o.id', 'service_projects.social_org_id').selectAll('service_projects').select('o.name as org_name').where('service_projects.id', '=', id).where(whereInScope(scopeFilter(actor.principal, action), { region: 'service_projects.region_id' })).executeTakeFirst();
  if (!p) throw notFound('购买服务项目');
  return p;
}
const deliverablesOf = async (db: DbOrTrx, id: string) => (await db.selectFrom('service_deliverables').selectAll().where('project_id', '=', id).orderBy('sort').execute()).map((d) => ({ id: d.id, title: d.title, dueOn: d.due_on, deliveredOn: d.delivered_on, evidence: d.evidence }));

export async function listProjects(ctx: AppContext, actor: Actor, q: z.infer<typeof ProjectQuery>) {
  let query = ctx.db.selectFrom('service_projects').innerJoin('social_orgs as o', 'o.id', 'service_projects.social_org_id').selectAll('service_projects').select('o.name as org_name').where(whereInScope(scopeFilter(actor.principal, 'socialOrg.read'), { region: 'service_projects.region_id' }));
  if (q.status) query = query.where('service_projects.status', '=', q.status);
  if (q.socialOrgId) query = query.where('service_projects.social_org_id', '=', q.socialOrgId);
  const rows = await query.orderBy('service_projects.start_on', 'desc').execute();
  return { items: rows.map(presentProject), totalAmount: rows.reduce((s, p) => s + p.amount, 0) };
}

export async function getProject(ctx: AppContext, actor: Actor, id: string) {
  const p = await findProject(ctx.db, actor, 'socialOrg.read', id);
  return { ...presentProject(p), deliverables: await deliverablesOf(ctx.db, id) };
}

export async function createProject(ctx: AppContext, actor: Actor, orgId: string, input: z.infer<typeof ProjectCreate>) {
  const o = await findOrg(ctx.db, actor, 'socialOrg.manage', orgId);
  if (o.status !== 'active') throw new AppError(409, 'INVALID_TRANSITION', '该社会组织已停止服务，不能签订购买服务项目');
  if (input.endOn < input.startOn) throw fieldError('endOn', '服务期结束日期不能早于开始日期');
  const late = input.deliverables.findIndex((d) => d.dueOn < input.startOn || d.dueOn > input.endOn);
  if (late >= 0) throw fieldError(`deliverables.${late}.dueOn`, '交付日期应在服务期内');
  const id = newId();
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('service_projects').values({ id, region_id: o.region_id, social_org_id: orgId, title: input.title, purchaser: input.purchaser, amount: input.amount, start_on: input.startOn, end_on: input.endOn, content: input.content, status: 'contracted', accepted_on: null, eval_score: null, eval_grade: null, eval_note: null, created_by: actor.principal?.id ?? null, created_at: at, updated_at: at }).execute();
    await trx.insertInto('service_deliverables').values(input.deliverables.map((d, i) => ({ id: newId(), region_id: o.region_id, project_id: id, sort: i, title: d.title, due_on: d.dueOn, delivered_on: null, evidence: null, created_at: at }))).execute();
    await audit(trx, ctx, actor, { action: 'serviceProject.create', entityType: 'serviceProject', entityId: id, regionId: o.region_id, summary: `向${o.name}购买服务：${input.title}（${input.amount}元）`, after: input });
  });
  return getProject(ctx, actor, id);
}

export async function deliver(ctx: AppContext, actor: Actor, id: string, deliverableId: string, input: z.infer<typeof DeliverablePut>) {
  const p = await findProject(ctx.db, actor, 'socialOrg.manage', id);
  if (p.status !== 'contracted') throw new AppError(409, 'INVALID_TRANSITION', '项目已验收，不能再登记交付');
  const d = await ctx.db.selectFrom('service_deliverables').selectAll().where('id', '=', deliverableId).where('project_id', '=', id).executeTakeFirst();
  if (!d) throw notFound('交付成果');
  if (input.deliveredOn > todayInChina(ctx.clock)) throw fieldError('deliveredOn', '交付日期不能晚于今天');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('service_deliverables').set({ delivered_on: input.deliveredOn, evidence: input.evidence }).where('id', '=', deliverableId).execute();
    await audit(trx, ctx, actor, { action: 'serviceProject.deliver', entityType: 'serviceProject', entityId: id, regionId: p.region_id, summary: `${p.title}：交付“${d.title}”`, before: { deliveredOn: d.delivered_on }, after: { deliverableId, ...input } });
  });
  return getProject(ctx, actor, id);
}

/** Acceptance (验收) with a performance evaluation score (绩效评价); every deliverable must be delivered to pass. */
export async function accept(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof AcceptancePut>) {
  const p = await findProject(ctx.db, actor, 'socialOrg.manage', id);
  if (p.status !== 'contracted') throw new AppError(409, 'INVALID_TRANSITION', '项目已作出验收结论');
  problems(checkAcceptance(await deliverablesOf(ctx.db, id), input));
  const today = todayInChina(ctx.clock);
  const grade = serviceGrade(input.score);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('service_projects').set({ status: input.passed ? 'accepted' : 'rejected', accepted_on: today, eval_score: input.score, eval_grade: grade, eval_note: input.note, updated_at: isoNow(ctx.clock) }).where('id', '=', id).execute();
    await audit(trx, ctx, actor, { action: 'serviceProject.accept', entityType: 'serviceProject', entityId: id, regionId: p.region_id, summary: `${p.title}：${input.passed ? '验收通过' : '验收不通过'}，评价${input.score}分（${SERVICE_GRADE_LABELS[grade]}）`, before: { status: p.status }, after: input });
  });
  return getProject(ctx, actor, id);
}
