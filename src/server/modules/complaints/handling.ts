import { z } from 'zod';
import { IsoDate } from '../../../domain/calendar';
import { COMPLAINT_OUTCOME_LABELS, COMPLAINT_OUTCOMES, investigationDue } from '../../../domain/complaints';
import { ViolationKind } from '../../../domain/credit';
import type { Actor, AppContext } from '../../context';
import type { DbOrTrx } from '../../db';
import { buildOfficialDocx } from '../../documents/official-docx';
import { AppError, badRequest, conflict, fieldError, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { regionPrefixCondition } from '../../policy/scope';
import { storageKey } from '../../storage';
import { auditActor } from '../audit/actor';
import { insertAudit } from '../audit/repo';
import { recordViolationInTrx } from '../credit/grading';
import { addTimelineEvent } from '../enterprises/timeline';
import { handlingDecisionDoc, rectificationOrderDoc } from './documents';
import { calendar } from './intake';
import { complaintInScope, getComplaint, requireTransition, type ComplaintRow } from './service';

const LateReason = z.string().trim().min(1).max(500).optional();
export const AssignInput = z.object({ userId: z.string().min(1, '请选择承办监察员') });
export const RejectInput = z.object({ reason: z.string().trim().min(1, '请填写不予受理的理由').max(1000) });
export const AcceptInput = z.object({ lateReason: LateReason });
export const ExtendInput = z.object({ reason: z.string().trim().min(1, '请填写延长理由（情况复杂的具体情形）').max(1000), approvedBy: z.string().trim().min(1, '请填写批准延长的负责人').max(50) });
export const OrderInput = z.object({
  findings: z.string().trim().min(1, '请填写查明的违法事实').max(3000),
  items: z.array(z.string().trim().min(1).max(300)).min(1, '请至少填写一项整改事项').max(20),
  dueOn: IsoDate,
  lateReason: LateReason,
});
export const CloseInput = z.object({
  outcome: z.enum(COMPLAINT_OUTCOMES),
  findings: z.string().trim().min(1, '请填写调查结论').max(3000),
  feedback: z.string().trim().min(1, '请填写向投诉人反馈的内容').max(2000),
  violationKind: ViolationKind.optional(),
  decision: z.object({ text: z.string().trim().min(1, '请填写处理决定').max(3000), amount: z.number().min(0).max(1e9).optional() }).optional(),
  lateReason: LateReason,
});
export type OrderInput = z.infer<typeof OrderInput>;
export type CloseInput = z.infer<typeof CloseInput>;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Enforces the running deadline: acting after it needs a recorded reason (shown in the audit log). */
function checkLate(r: ComplaintRow, today: string, lateReason: string | undefined) {
  const due = r.status === 'received' ? r.accept_due_on : r.investigation_due_on;
  if (due && today > due && !lateReason) throw fieldError('lateReason', `已超过法定期限（${due}），请填写逾期原因`);
}

async function issuerOf(db: DbOrTrx, actor: Actor) {
  const org = await db.selectFrom('org_units').select('name').where('id', '=', actor.principal!.orgUnitId).executeTakeFirst();
  return org?.name ?? '人力资源和社会保障局';
}

async function transition(ctx: AppContext, actor: Actor, r: ComplaintRow, action: string, summary: string, set: Partial<ComplaintRow>, extra?: (trx: DbOrTrx, at: string) => Promise<void>, after?: unknown) {
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const res = await trx.updateTable('complaints').set({ ...set, updated_at: at }).where('id', '=', r.id).where('status', '=', r.status).where('updated_at', '=', r.updated_at).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('该投诉已被他人更新，请刷新后重试');
    if (extra) await extra(trx, at);
    await insertAudit(trx, { at, ...auditActor(actor), action, entityType: 'complaint', entityId: r.id, regionId: r.region_id, summary: `${summary}：${r.employer_name}`, before: { status: r.status }, after: after ?? set });
  });
  return getComplaint(ctx, actor, r.id);
}

export async function assignComplaint(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof AssignInput>) {
  const r = await complaintInScope(ctx.db, actor, 'complaint.handle', id);
  requireTransition(r, 'assign');
  const u = await ctx.db.selectFrom('users').select(['id', 'display_name', 'roles', 'region_id', 'disabled']).where('id', '=', input.userId).where(regionPrefixCondition('users.region_id', r.region_id.slice(0, 6))).executeTakeFirst();
  if (!u || u.disabled || !(JSON.parse(u.roles) as string[]).includes('official')) throw fieldError('userId', '承办人须为本辖区的在岗工作人员');
  return transition(ctx, actor, r, 'complaint.assign', `分派给${u.display_name}`, { assignee_user_id: u.id, assignee_name: u.display_name });
}

/** 受理并立案: the investigation period of 60 working days starts (劳动保障监察条例 第十七条). */
export async function acceptComplaint(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof AcceptInput>) {
  const r = await complaintInScope(ctx.db, actor, 'complaint.handle', id);
  const next = requireTransition(r, 'accept');
  const today = todayInChina(ctx.clock);
  checkLate(r, today, input.lateReason);
  const due = investigationDue(calendar, today, false);
  return transition(ctx, actor, r, 'complaint.accept', '受理立案', { status: next, accepted_on: today, investigation_due_on: due, assignee_user_id: r.assignee_user_id ?? actor.principal!.id, assignee_name: r.assignee_name ?? actor.principal!.displayName }, async (trx, at) => {
    if (r.enterprise_id) await addTimelineEvent(trx, { enterpriseId: r.enterprise_id, regionId: r.region_id, at, kind: 'complaint.accepted', module: 'complaints', title: '劳动保障监察立案调查', detail: `调查期限至${due}`, refType: 'complaint', refId: r.id, actorId: actor.principal!.id, actorName: actor.principal!.displayName });
  }, { status: next, investigationDueOn: due, lateReason: input.lateReason });
}

export async function rejectComplaint(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof RejectInput>) {
  const r = await complaintInScope(ctx.db, actor, 'complaint.handle', id);
  const next = requireTransition(r, 'reject');
  return transition(ctx, actor, r, 'complaint.reject', '不予受理', { status: next, rejection_reason: input.reason, closed_on: todayInChina(ctx.clock) });
}

/** One extension of 30 working days, approved by the head of the department, before the period ends (第十七条). */
export async function extendComplaint(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof ExtendInput>) {
  const r = await complaintInScope(ctx.db, actor, 'complaint.handle', id);
  requireTransition(r, 'extend');
  if (r.extended) throw conflict('调查期限已延长过一次，不能再次延长');
  const today = todayInChina(ctx.clock);
  if (r.investigation_due_on && today > r.investigation_due_on) throw conflict(`调查期限已于${r.investigation_due_on}届满，不能再延长`);
  const due = investigationDue(calendar, r.accepted_on!, true);
  return transition(ctx, actor, r, 'complaint.extend', `延长调查期限至${due}`, { extended: 1, extension_reason: input.reason, extension_approved_by: input.approvedBy, investigation_due_on: due });
}

async function nextDocNo(db: DbOrTrx, kind: string, year: string) {
  const { n } = await db.selectFrom('complaint_documents').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', kind).where('issued_at', '>=', `${year}-01-01`).where('issued_at', '<', `${Number(year) + 1}-01-01`).executeTakeFirstOrThrow();
  return `${kind === 'rectification_order' ? '劳监限改' : '劳监处'}〔${year}〕${Number(n) + 1}号`;
}

async function storeDocument(ctx: AppContext, trx: DbOrTrx, actor: Actor, r: ComplaintRow, kind: 'rectification_order' | 'handling_decision', content: Record<string, unknown>, data: Buffer, docNo: string, dueOn: string | null, at: string) {
  const key = storageKey('complaints', `${kind}.docx`, ctx.clock.now());
  await ctx.files.put(key, data, { contentType: DOCX });
  const id = newId();
  await trx.insertInto('complaint_documents').values({ id, region_id: r.region_id, complaint_id: r.id, kind, doc_no: docNo, content_json: JSON.stringify(content), due_on: dueOn, storage_key: key, issued_by: actor.principal!.id, issued_at: at }).execute();
  return id;
}

/** 限期整改指令书 (.docx): the complaint moves to rectifying; the due date must be a future working day. */
export async function issueRectificationOrder(ctx: AppContext, actor: Actor, id: string, input: OrderInput) {
  const r = await complaintInScope(ctx.db, actor, 'complaint.handle', id);
  const next = requireTransition(r, 'order');
  const today = todayInChina(ctx.clock);
  checkLate(r, today, input.lateReason);
  if (input.dueOn <= today) throw fieldError('dueOn', '整改期限应晚于今天');
  const year = today.slice(0, 4);
  const docNo = await nextDocNo(ctx.db, 'rectification_order', year);
  const content = { docNo, employerName: r.employer_name, findings: input.findings, items: input.items, dueOn: input.dueOn, issuer: await issuerOf(ctx.db, actor), date: today };
  const data = await buildOfficialDocx(rectificationOrderDoc(content));
  return transition(ctx, actor, r, 'complaint.order', `下达限期整改指令书${docNo}`, { status: next, findings: input.findings }, async (trx, at) => {
    await storeDocument(ctx, trx, actor, r, 'rectification_order', content, data, docNo, input.dueOn, at);
    if (r.enterprise_id) await addTimelineEvent(trx, { enterpriseId: r.enterprise_id, regionId: r.region_id, at, kind: 'complaint.order', module: 'complaints', title: `下达劳动保障监察限期整改指令书（${docNo}）`, detail: `整改期限至${input.dueOn}：${input.items.join('；')}`, refType: 'complaint', refId: r.id, actorId: actor.principal!.id, actorName: actor.principal!.displayName });
  }, { status: next, docNo, dueOn: input.dueOn, items: input.items, lateReason: input.lateReason });
}

/**
 * 办结: records the conclusion and the feedback to the complainant; a violation found goes on the
 * enterprise's record (dynamic credit downgrade) and may come with a 行政处理决定书 (.docx).
 */
export async function closeComplaint(ctx: AppContext, actor: Actor, id: string, input: CloseInput) {
  const r = await complaintInScope(ctx.db, actor, 'complaint.handle', id);
  const next = requireTransition(r, 'close');
  const today = todayInChina(ctx.clock);
  checkLate(r, today, input.lateReason);
  if (input.outcome === 'violation_found' && !input.violationKind) throw fieldError('violationKind', '查实违法时请选择违法行为类别');
  if (input.outcome !== 'violation_found' && input.decision) throw badRequest('未查实违法时不能作出行政处理决定', [{ field: 'decision', message: '未查实违法时不能作出行政处理决定' }]);
  let doc: { content: Record<string, unknown>; data: Buffer; docNo: string } | null = null;
  if (input.decision) {
    const docNo = await nextDocNo(ctx.db, 'handling_decision', today.slice(0, 4));
    const content = { docNo, employerName: r.employer_name, findings: input.findings, decision: input.decision.text, amount: input.decision.amount ?? null, issuer: await issuerOf(ctx.db, actor), date: today };
    doc = { content, docNo, data: await buildOfficialDocx(handlingDecisionDoc(content)) };
  }
  let gradeChange: { from: string | null; to: string | null } | null = null;
  const view = await transition(ctx, actor, r, 'complaint.close', `办结（${COMPLAINT_OUTCOME_LABELS[input.outcome]}）`, { status: next, outcome: input.outcome, findings: input.findings, feedback: input.feedback, closed_on: today }, async (trx, at) => {
    if (doc) await storeDocument(ctx, trx, actor, r, 'handling_decision', doc.content, doc.data, doc.docNo, null, at);
    if (input.outcome === 'violation_found' && r.enterprise_id) {
      const v = await recordViolationInTrx(trx, { enterpriseId: r.enterprise_id, kind: input.violationKind!, foundOn: today, description: input.findings, source: 'complaint', sourceId: r.id }, today, at, { id: actor.principal!.id, name: actor.principal!.displayName });
      if (v.evaluationId) gradeChange = { from: v.previousGrade, to: v.grade };
    }
    if (r.enterprise_id) await addTimelineEvent(trx, { enterpriseId: r.enterprise_id, regionId: r.region_id, at, kind: 'complaint.closed', module: 'complaints', title: `投诉举报办结：${COMPLAINT_OUTCOME_LABELS[input.outcome]}`, detail: doc ? `行政处理决定书${doc.docNo}` : null, refType: 'complaint', refId: r.id, actorId: actor.principal!.id, actorName: actor.principal!.displayName });
  }, { outcome: input.outcome, violationKind: input.violationKind, docNo: doc?.docNo, lateReason: input.lateReason });
  return { ...view, gradeChange };
}

export async function complaintDocument(ctx: AppContext, actor: Actor, id: string, docId: string) {
  await complaintInScope(ctx.db, actor, 'complaint.handle', id);
  const d = await ctx.db.selectFrom('complaint_documents').selectAll().where('id', '=', docId).where('complaint_id', '=', id).executeTakeFirst();
  if (!d) throw notFound('文书');
  const data = await ctx.files.get(d.storage_key);
  if (!data) throw new AppError(404, 'NOT_FOUND', '文书文件缺失');
  const title = d.kind === 'rectification_order' ? '劳动保障监察限期整改指令书' : '劳动保障监察行政处理决定书';
  return { name: `${title}（${d.doc_no}）.docx`, data, type: DOCX };
}

/** Inspectors that may be assigned (officials of the complaint's district). */
export async function assignableInspectors(ctx: AppContext, actor: Actor) {
  const p = actor.principal!;
  const rows = await ctx.db.selectFrom('users').select(['id', 'display_name', 'roles', 'region_id']).where(regionPrefixCondition('users.region_id', p.regionId.slice(0, 6))).where('disabled', '=', 0).orderBy('display_name').execute();
  return { items: rows.filter((u) => (JSON.parse(u.roles) as string[]).includes('official')).map((u) => ({ id: u.id, name: u.display_name, regionId: u.region_id })) };
}

