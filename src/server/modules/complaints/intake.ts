import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { acceptanceDue, COMPLAINT_ISSUE_LABELS, COMPLAINT_ISSUES, triage, type ComplaintChannel } from '../../../domain/complaints';
import { loadDefaultCalendar } from '../../../domain/calendar/default-holidays';
import type { Actor, AppContext } from '../../context';
import { fieldError, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { auditActor } from '../audit/actor';
import { insertAudit } from '../audit/repo';
import { addTimelineEvent } from '../enterprises/timeline';
import { onComplaintFiled } from './hooks';

export const calendar = loadDefaultCalendar();

const Phone = z.string().trim().regex(/^1\d{10}$/, '请填写11位手机号码');
const Base = z.object({
  employerName: z.string().trim().min(2, '请填写被投诉单位名称').max(100),
  employerUscc: z.string().trim().toUpperCase().regex(/^[0-9A-Z]{18}$/, '统一社会信用代码应为18位').optional(),
  employerAddress: z.string().trim().max(200).optional(),
  streetId: z.string().regex(/^\d{9}$/, '请选择街道/镇').optional(),
  issues: z.array(z.enum(COMPLAINT_ISSUES)).min(1, '请至少选择一项投诉事项').max(COMPLAINT_ISSUES.length),
  description: z.string().trim().min(10, '请具体描述违法事实（不少于10字）').max(3000),
  workersAffected: z.number().int().min(1).max(100000).optional(),
  amountClaimed: z.number().min(0).max(1e9).optional(),
});
/** The public page: a complaint names the complainant; a report (举报) may be anonymous. */
export const PublicComplaintInput = Base.extend({ anonymous: z.boolean(), name: z.string().trim().max(50).optional(), phone: Phone.optional() });
export type PublicComplaintInput = z.infer<typeof PublicComplaintInput>;
/** Signed-in intake: a worker from the portal, or an official registering a visit or a 12333 transfer. */
export const ComplaintInput = PublicComplaintInput.extend({ channel: z.enum(['worker', 'official', '12333']).optional(), transferNo: z.string().trim().max(40).optional(), enterpriseId: z.string().optional() });
export type ComplaintInput = z.infer<typeof ComplaintInput>;

const newTrackingCode = () => {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  return [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
};

/** Files a complaint from any channel: matches the employer, triages, sets the acceptance deadline, emits the hook. */
export async function fileComplaint(ctx: AppContext, actor: Actor, input: ComplaintInput, channel: ComplaintChannel) {
  const p = actor.principal;
  let name = input.anonymous ? null : (input.name ?? null);
  const phone = input.anonymous ? null : (input.phone ?? null);
  if (channel === 'worker' && p) {
    name = input.anonymous ? null : (name ?? p.displayName);
  }
  if (!input.anonymous && !name) throw fieldError('name', '实名投诉请填写姓名；不愿留名可选择匿名举报');
  if (!input.anonymous && !phone && channel === 'public') throw fieldError('phone', '实名投诉请填写联系电话，以便反馈处理结果');
  if (channel === '12333' && !input.transferNo) throw fieldError('transferNo', '请填写12333转办单号');

  let enterprise = input.enterpriseId ? await ctx.db.selectFrom('enterprises').select(['id', 'region_id', 'name']).where('id', '=', input.enterpriseId).executeTakeFirst() : undefined;
  if (input.enterpriseId && !enterprise) throw fieldError('enterpriseId', '企业不存在');
  if (!enterprise && input.employerUscc) enterprise = await ctx.db.selectFrom('enterprises').select(['id', 'region_id', 'name']).where('uscc', '=', input.employerUscc).executeTakeFirst();
  if (!enterprise) enterprise = await ctx.db.selectFrom('enterprises').select(['id', 'region_id', 'name']).where('name', '=', input.employerName).executeTakeFirst();
  let regionId = enterprise?.region_id;
  if (!regionId && input.streetId) {
    const street = await ctx.db.selectFrom('regions').select('id').where('id', '=', input.streetId).executeTakeFirst();
    if (!street) throw fieldError('streetId', '街道/镇不存在');
    regionId = street.id;
  }
  if (!regionId) regionId = p?.regionId ?? (await ctx.db.selectFrom('regions').select('id').where('level', '=', 'district').orderBy('sort').executeTakeFirstOrThrow()).id;

  const today = todayInChina(ctx.clock);
  const at = isoNow(ctx.clock);
  const id = newId();
  const trackingCode = newTrackingCode();
  const priority = triage(input.issues, input.workersAffected ?? null);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('complaints')
      .values({
        id,
        region_id: regionId,
        tracking_code: trackingCode,
        channel,
        anonymous: input.anonymous ? 1 : 0,
        complainant_name: name,
        complainant_phone: phone,
        complainant_user_id: channel === 'worker' ? (p?.id ?? null) : null,
        transfer_no: input.transferNo ?? null,
        enterprise_id: enterprise?.id ?? null,
        employer_name: enterprise?.name ?? input.employerName,
        employer_address: input.employerAddress ?? null,
        issues_json: JSON.stringify(input.issues),
        description: input.description,
        workers_affected: input.workersAffected ?? null,
        amount_claimed: input.amountClaimed ?? null,
        status: 'received',
        priority,
        received_on: today,
        accept_due_on: acceptanceDue(calendar, today),
        accepted_on: null,
        investigation_due_on: null,
        extended: 0,
        extension_reason: null,
        extension_approved_by: null,
        assignee_user_id: null,
        assignee_name: null,
        findings: null,
        rejection_reason: null,
        outcome: null,
        closed_on: null,
        feedback: null,
        signal_id: null,
        created_by: p?.id ?? null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    if (enterprise) {
      // The timeline never names the complainant (劳动保障监察条例 第九条: 为举报人保密).
      await addTimelineEvent(trx, { enterpriseId: enterprise.id, regionId: enterprise.region_id, at, kind: 'complaint.filed', module: 'complaints', title: `收到劳动保障投诉举报：${input.issues.map((i) => COMPLAINT_ISSUE_LABELS[i]).join('、')}`, detail: input.workersAffected ? `涉及${input.workersAffected}人` : null, refType: 'complaint', refId: id });
    }
    await onComplaintFiled.emit(trx, { complaintId: id, regionId, enterpriseId: enterprise?.id ?? null, employerName: enterprise?.name ?? input.employerName, issues: input.issues, workersAffected: input.workersAffected ?? null, receivedOn: today, at });
    await insertAudit(trx, { at, ...auditActor(actor), action: 'complaint.file', entityType: 'complaint', entityId: id, regionId, summary: `登记投诉举报（${channel}${input.anonymous ? '，匿名' : ''}）：${enterprise?.name ?? input.employerName}`, after: { channel, anonymous: input.anonymous, issues: input.issues, enterpriseId: enterprise?.id ?? null } });
  });
  return { id, trackingCode, receivedOn: today, acceptDueOn: acceptanceDue(calendar, today), enterpriseMatched: !!enterprise };
}

/** What the complainant (or anyone holding the tracking code) sees: progress and feedback, no personal data. */
export async function trackComplaint(ctx: AppContext, code: string) {
  const r = await ctx.db.selectFrom('complaints').selectAll().where('tracking_code', '=', code.trim().toUpperCase()).executeTakeFirst();
  if (!r) throw notFound('投诉举报');
  return {
    trackingCode: r.tracking_code,
    status: r.status,
    receivedOn: r.received_on,
    acceptedOn: r.accepted_on,
    closedOn: r.closed_on,
    feedback: r.status === 'rejected' ? r.rejection_reason : r.feedback,
  };
}
