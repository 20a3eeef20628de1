import { z } from 'zod';
import { type Selectable } from 'kysely';
import { IsoDate } from '../../../domain/calendar';
import {
  allowedComplaintEvents,
  COMPLAINT_CHANNEL_LABELS,
  COMPLAINT_ISSUE_LABELS,
  COMPLAINT_OUTCOMES,
  COMPLAINT_PRIORITY_LABELS,
  COMPLAINT_STATUS_LABELS,
  COMPLAINT_STATUSES,
  deadlineView,
  nextComplaintStatus,
  type ComplaintChannel,
  type ComplaintEvent,
  type ComplaintIssue,
  type ComplaintPriority,
  type ComplaintStatus,
} from '../../../domain/complaints';
import { maskPhone } from '../../../domain/identifiers/id-number';
import type { Actor, AppContext } from '../../context';
import type { DbOrTrx } from '../../db';
import type { ComplaintTable } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { todayInChina } from '../../lib/clock';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import { scopeFilter, whereInScope } from '../../policy/scope';
import { calendar } from './intake';

export const ComplaintQuery = z.object({ status: z.enum(COMPLAINT_STATUSES).optional(), mine: z.enum(['1']).optional(), overdue: z.enum(['1']).optional(), q: z.string().trim().max(50).optional() });
export type ComplaintQuery = z.infer<typeof ComplaintQuery>;
export const DateInput = IsoDate;

export const COMPLAINT_SCOPE = { region: 'complaints.region_id', owner: 'complaints.complainant_user_id' } as const;
export type ComplaintRow = Selectable<ComplaintTable>;

export async function complaintInScope(db: DbOrTrx, actor: Actor, action: 'complaint.read' | 'complaint.handle', id: string) {
  const r = await db.selectFrom('complaints').selectAll().where('id', '=', id).where(whereInScope(scopeFilter(actor.principal, action), COMPLAINT_SCOPE)).executeTakeFirst();
  if (!r) throw notFound('投诉举报');
  return r;
}

export const invalidTransition = (status: ComplaintStatus, event: ComplaintEvent) =>
  new AppError(409, 'INVALID_TRANSITION', `投诉当前为“${COMPLAINT_STATUS_LABELS[status]}”，不能执行此操作；可执行：${allowedComplaintEvents(status).join('、') || '无（已结束）'}`, undefined, { allowed: allowedComplaintEvents(status), event });

export function requireTransition(r: ComplaintRow, event: ComplaintEvent): ComplaintStatus {
  const next = nextComplaintStatus(r.status as ComplaintStatus, event);
  if (!next) throw invalidTransition(r.status as ComplaintStatus, event);
  return next;
}

/** The deadline that currently runs: acceptance while received, investigation while open. */
export function currentDeadline(r: ComplaintRow, today: string) {
  if (r.status === 'received') return { kind: 'acceptance' as const, label: '受理期限', ...deadlineView(calendar, today, r.accept_due_on) };
  if ((r.status === 'accepted' || r.status === 'rectifying') && r.investigation_due_on) return { kind: 'investigation' as const, label: r.extended ? '调查期限（已延长）' : '调查期限', ...deadlineView(calendar, today, r.investigation_due_on) };
  return null;
}

const issuesOf = (r: ComplaintRow) => (JSON.parse(r.issues_json) as ComplaintIssue[]).map((i) => ({ code: i, name: COMPLAINT_ISSUE_LABELS[i] }));

function presentItem(r: ComplaintRow, today: string) {
  return {
    id: r.id,
    channel: r.channel,
    channelName: COMPLAINT_CHANNEL_LABELS[r.channel as ComplaintChannel],
    anonymous: r.anonymous === 1,
    enterpriseId: r.enterprise_id,
    employerName: r.employer_name,
    issues: issuesOf(r),
    status: r.status,
    statusName: COMPLAINT_STATUS_LABELS[r.status as ComplaintStatus],
    priority: r.priority,
    priorityName: COMPLAINT_PRIORITY_LABELS[r.priority as ComplaintPriority],
    receivedOn: r.received_on,
    assigneeUserId: r.assignee_user_id,
    assigneeName: r.assignee_name,
    deadline: currentDeadline(r, today),
  };
}

export async function listComplaints(ctx: AppContext, actor: Actor, q: ComplaintQuery & PageQuery) {
  let query = ctx.db.selectFrom('complaints').where(whereInScope(scopeFilter(actor.principal, 'complaint.read'), COMPLAINT_SCOPE));
  if (q.status) query = query.where('status', '=', q.status);
  if (q.mine) query = query.where('assignee_user_id', '=', actor.principal!.id);
  if (q.q) query = query.where('employer_name', 'like', `%${q.q.replace(/[%_\\]/g, '')}%`);
  const today = todayInChina(ctx.clock);
  if (q.overdue)
    query = query.where((eb) => eb.or([eb.and([eb('status', '=', 'received'), eb('accept_due_on', '<', today)]), eb.and([eb('status', 'in', ['accepted', 'rectifying']), eb('investigation_due_on', '<', today)])]));
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('received_on', 'desc').orderBy('id', 'desc').limit(q.pageSize).offset(pageOffset(q)).execute();
  return { items: rows.map((r) => presentItem(r, today)), total: Number(total), page: q.page, pageSize: q.pageSize };
}

export async function getComplaint(ctx: AppContext, actor: Actor, id: string) {
  const r = await complaintInScope(ctx.db, actor, 'complaint.read', id);
  const today = todayInChina(ctx.clock);
  const handler = !actor.principal!.roles.includes('worker') || actor.principal!.roles.includes('official');
  const docs = await ctx.db.selectFrom('complaint_documents').select(['id', 'kind', 'doc_no', 'due_on', 'issued_at']).where('complaint_id', '=', id).orderBy('issued_at').execute();
  const events = handler ? allowedComplaintEvents(r.status as ComplaintStatus) : [];
  return {
    ...presentItem(r, today),
    trackingCode: r.tracking_code,
    // Officials see the complainant (masked phone) unless anonymous; 第九条: 为举报人保密 — never to the enterprise.
    complainant: r.anonymous ? null : { name: r.complainant_name, phone: r.complainant_phone ? maskPhone(r.complainant_phone) : null },
    transferNo: r.transfer_no,
    employerAddress: r.employer_address,
    description: r.description,
    workersAffected: r.workers_affected,
    amountClaimed: r.amount_claimed,
    acceptDueOn: r.accept_due_on,
    acceptedOn: r.accepted_on,
    investigationDueOn: r.investigation_due_on,
    extended: r.extended === 1,
    extensionReason: r.extension_reason,
    findings: r.findings,
    rejectionReason: r.rejection_reason,
    outcome: r.outcome,
    closedOn: r.closed_on,
    feedback: r.feedback,
    documents: docs.map((d) => ({ id: d.id, kind: d.kind, docNo: d.doc_no, dueOn: d.due_on, issuedAt: d.issued_at })),
    abilities: {
      assign: events.includes('assign'),
      accept: events.includes('accept'),
      reject: events.includes('reject'),
      extend: events.includes('extend') && r.extended === 0,
      order: events.includes('order'),
      close: events.includes('close'),
    },
  };
}

export const OUTCOMES = COMPLAINT_OUTCOMES;
