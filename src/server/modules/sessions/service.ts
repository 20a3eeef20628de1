import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Selectable } from 'kysely';
import type { Actor, AppContext } from '../../context';
import type { MediationSessionTable } from '../../db/schema-sessions';
import { AppError, fieldError, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import { insertAudit } from '../audit/repo';
import { accountPhone, loadCaseFor } from '../cases/case-access';
import { caseScope } from '../cases/policy';
import { runCaseChangedHooks } from '../cases/hooks';
import { appendEvent, findCase, type CaseRow } from '../cases/repo';
import { memberOf, ROLE_LABELS, visibleChannels, type Member } from './membership';
import { messagesFor, presentMessage, presentProposal } from './room';

export type SessionRow = Selectable<MediationSessionTable>;

export const SessionCreate = z.object({
  scheduledAt: z.iso.datetime({ offset: true, message: '请填写调解时间（ISO 8601 时间）' }),
  durationMinutes: z.number().int().min(15).max(480).default(60),
  mode: z.enum(['text', 'text_video']).default('text_video'),
  title: z.string().trim().min(1).max(100).optional(),
  note: z.string().trim().max(1000).optional(),
});
export type SessionCreate = z.infer<typeof SessionCreate>;

export const SessionListQuery = z.object({ status: z.enum(['scheduled', 'in_progress', 'closed', 'cancelled']).optional() });

/** Cases in these statuses can have a session scheduled (409 otherwise). */
export const SCHEDULABLE_STATUSES = ['registered', 'negotiating', 'mediating', 'arbitration_pending', 'arbitrating'];
const STATUS_LABELS: Record<string, string> = { scheduled: '待开始', in_progress: '进行中', closed: '已结束', cancelled: '已取消' };

export const roomLink = (id: string) => `/sessions/${id}`;

/** "2026年11月26日 21:00" in China time (UTC+8), for the parties. */
export function chinaDateTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日 ${d.slice(11, 16)}`;
}

export function presentSession(ctx: AppContext, s: SessionRow, caseNo: string, member: Member | null) {
  const base = ctx.config.meetingBaseUrl;
  const wantsVideo = s.mode === 'text_video';
  return {
    id: s.id,
    caseId: s.case_id,
    caseNo,
    title: s.title,
    scheduledAt: s.scheduled_at,
    durationMinutes: s.duration_minutes,
    mode: s.mode,
    modeLabel: wantsVideo ? '文字＋视频' : '文字',
    status: s.status,
    statusLabel: STATUS_LABELS[s.status] ?? s.status,
    note: s.note,
    link: roomLink(s.id),
    lastSeq: s.last_seq,
    // The meeting URL (an unguessable room name) is only ever sent to members.
    video: {
      requested: wantsVideo,
      enabled: wantsVideo && !!base,
      url: wantsVideo && base && member && s.video_room ? `${base}/hexie-${s.video_room}` : null,
      message: !wantsVideo ? '本场调解仅使用文字调解室' : base ? '视频会议已开启' : '视频未开启：平台未配置视频会议服务，请使用文字调解室',
    },
    createdAt: s.created_at,
    startedAt: s.started_at,
    closedAt: s.closed_at,
    cancelReason: s.cancel_reason,
    transcriptDocumentId: s.transcript_document_id,
  };
}

/** The session, its case and the caller's membership; 404 for anyone outside the case (never reveals it exists). */
export async function loadSessionFor(ctx: AppContext, actor: Actor, id: string) {
  const s = await ctx.db.selectFrom('mediation_sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!s) throw notFound('调解会话');
  const c = await findCase(ctx.db, s.case_id);
  const member = c ? await memberOf(ctx, actor.principal, c) : null;
  if (!c || !member) throw notFound('调解会话');
  return { s, c, member };
}

const requireMediator = (m: Member) => {
  if (m.role !== 'mediator') throw new AppError(403, 'FORBIDDEN', '只有本案调解员可以执行此操作');
};

export async function scheduleSession(ctx: AppContext, actor: Actor, caseId: string, input: SessionCreate) {
  const { c } = await loadCaseFor(ctx, actor, caseId, 'case.read');
  const member = await memberOf(ctx, actor.principal, c);
  if (!member) throw notFound('案件');
  requireMediator(member);
  if (!SCHEDULABLE_STATUSES.includes(c.status)) {
    throw new AppError(409, 'INVALID_TRANSITION', `案件当前状态不能预约在线调解（可预约：已登记、协商中、调解中、待仲裁受理、仲裁审理中）`);
  }
  const now = isoNow(ctx.clock);
  if (Date.parse(input.scheduledAt) < Date.parse(now) - 3_600_000) throw fieldError('scheduledAt', '调解时间不能早于当前时间');
  const id = newId();
  const row: SessionRow = {
    id,
    case_id: c.id,
    region_id: c.region_id,
    org_id: c.org_id,
    title: input.title ?? `${c.case_no} 在线调解`,
    scheduled_at: new Date(input.scheduledAt).toISOString(),
    duration_minutes: input.durationMinutes,
    mode: input.mode,
    // 128 random bits: the video room cannot be guessed from the case or the session id.
    video_room: input.mode === 'text_video' ? randomBytes(16).toString('hex') : null,
    status: 'scheduled',
    note: input.note ?? null,
    last_seq: 0,
    created_by: member.userId,
    created_at: now,
    started_at: null,
    closed_at: null,
    cancel_reason: null,
    transcript_document_id: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('mediation_sessions').values(row).execute();
    // The parties learn of it from their case timeline (their case view shows the link).
    await appendEvent(trx, {
      caseId: c.id,
      regionId: c.region_id,
      at: now,
      onDate: todayInChina(ctx.clock),
      actorId: member.userId,
      actorName: member.name,
      action: 'session_scheduled',
      reason: `在线调解定于${chinaDateTime(row.scheduled_at)}（${input.mode === 'text_video' ? '文字＋视频' : '文字'}），请按时从案件页或“我的在线调解”进入调解室`,
      data: { sessionId: id, scheduledAt: row.scheduled_at, mode: row.mode, link: roomLink(id) },
    });
    await insertAudit(trx, {
      at: now,
      actorId: member.userId,
      actorName: member.name,
      action: 'session.schedule',
      entityType: 'mediation_session',
      entityId: id,
      regionId: c.region_id,
      summary: `${c.case_no}：预约在线调解 ${row.scheduled_at}`,
      after: input,
      ip: actor.ip,
    });
  });
  await notifySessionChange(ctx, c, member, 'session_scheduled', `调解组织预约了在线调解：${chinaDateTime(row.scheduled_at)}，请按时从“我的在线调解”进入调解室`);
  return presentSession(ctx, row, c.case_no, member);
}

export async function listCaseSessions(ctx: AppContext, actor: Actor, caseId: string) {
  const { c } = await loadCaseFor(ctx, actor, caseId, 'case.read');
  const member = await memberOf(ctx, actor.principal, c);
  if (!member) throw notFound('案件');
  const rows = await ctx.db
    .selectFrom('mediation_sessions')
    .selectAll()
    .where('case_id', '=', c.id)
    .orderBy('scheduled_at', 'desc')
    .execute();
  return { items: rows.map((s) => presentSession(ctx, s, c.case_no, member)) };
}

/** Sessions of every case the caller may read (the party's "my online mediations"), soonest first. */
export async function listMySessions(ctx: AppContext, actor: Actor, q: z.infer<typeof SessionListQuery> & PageQuery) {
  const phone = await accountPhone(ctx, actor.principal);
  let query = ctx.db
    .selectFrom('mediation_sessions')
    .innerJoin('dispute_cases', 'dispute_cases.id', 'mediation_sessions.case_id')
    .where(caseScope(actor.principal, 'case.read', phone));
  if (q.status) query = query.where('mediation_sessions.status', '=', q.status);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll('mediation_sessions')
    .select('dispute_cases.case_no')
    .orderBy(sql`case when mediation_sessions.status in ('scheduled', 'in_progress') then 0 else 1 end`)
    .orderBy('mediation_sessions.scheduled_at')
    .limit(q.pageSize)
    .offset(pageOffset(q))
    .execute();
  return { items: rows.map((s) => presentSession(ctx, s, s.case_no, null)), total: Number(total), page: q.page, pageSize: q.pageSize };
}

export async function getSession(ctx: AppContext, actor: Actor, id: string) {
  const { s, c, member } = await loadSessionFor(ctx, actor, id);
  const proposals = await ctx.db.selectFrom('session_proposals').selectAll().where('session_id', '=', id).orderBy('seq').execute();
  return {
    ...presentSession(ctx, s, c.case_no, member),
    caseStatus: c.status,
    respondentName: c.respondent_name,
    me: { ...member, roleLabel: ROLE_LABELS[member.role], canPost: member.role !== 'observer', channels: visibleChannels(member.role) },
    proposals: proposals.map(presentProposal),
  };
}

export async function listMessages(ctx: AppContext, actor: Actor, id: string, after: number, limit: number) {
  const { member } = await loadSessionFor(ctx, actor, id);
  const rows = await messagesFor(ctx.db, id, member.role, after, limit);
  return { items: rows.map(presentMessage) };
}

/** Marks the room started on the mediator's first entry. */
export async function markStarted(ctx: AppContext, s: SessionRow, member: Member) {
  if (s.status !== 'scheduled' || member.role !== 'mediator') return;
  await ctx.db
    .updateTable('mediation_sessions')
    .set({ status: 'in_progress', started_at: isoNow(ctx.clock) })
    .where('id', '=', s.id)
    .where('status', '=', 'scheduled')
    .execute();
}

export async function cancelSession(ctx: AppContext, actor: Actor, id: string, reason: string) {
  const { s, c, member } = await loadSessionFor(ctx, actor, id);
  requireMediator(member);
  if (s.status !== 'scheduled') throw new AppError(409, 'INVALID_TRANSITION', `只能取消待开始的调解（当前：${STATUS_LABELS[s.status]}）`);
  const now = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('mediation_sessions')
      .set({ status: 'cancelled', cancel_reason: reason, closed_at: now })
      .where('id', '=', id)
      .where('status', '=', 'scheduled')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError(409, 'CONFLICT', '调解状态已变化，请刷新');
    await appendEvent(trx, {
      caseId: c.id,
      regionId: c.region_id,
      at: now,
      onDate: todayInChina(ctx.clock),
      actorId: member.userId,
      actorName: member.name,
      action: 'session_cancelled',
      reason,
      data: { sessionId: id },
    });
    await insertAudit(trx, {
      at: now,
      actorId: member.userId,
      actorName: member.name,
      action: 'session.cancel',
      entityType: 'mediation_session',
      entityId: id,
      regionId: c.region_id,
      summary: `${c.case_no}：取消在线调解（${reason}）`,
      ip: actor.ip,
    });
  });
  await notifySessionChange(ctx, c, member, 'session_cancelled', `调解组织取消了预约的在线调解（${reason}）`);
  return { ...s, status: 'cancelled' };
}

/** Tells the parties (portal inbox and SMS) after the change has committed. */
async function notifySessionChange(ctx: AppContext, c: CaseRow, member: Member, action: string, message: string) {
  await runCaseChangedHooks(ctx, {
    caseId: c.id,
    caseNo: c.case_no,
    regionId: c.region_id,
    enterpriseId: c.enterprise_id,
    action,
    message,
    actorId: member.userId,
    actorName: member.name,
  });
}

export type { CaseRow };
