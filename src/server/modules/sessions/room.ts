import { sql, type Selectable } from 'kysely';
import { z } from 'zod';
import { IsoDate } from '../../../domain/calendar/iso-date';
import type { AppContext } from '../../context';
import type { DbOrTrx } from '../../db';
import type { SessionMessageTable, SessionProposalTable } from '../../db/schema-sessions';
import { AppError, notFound } from '../../errors';
import { isoNow } from '../../lib/clock';
import { newId } from '../../lib/ids';
import type { RoomBus } from './bus';
import { canWrite, visibleChannels, type Channel, type Member } from './membership';

export type MessageRow = Selectable<SessionMessageTable>;
export type ProposalRow = Selectable<SessionProposalTable>;

export const OPEN_STATUSES = ['scheduled', 'in_progress'] as const;

export const Terms = z.object({
  summary: z.string().trim().min(1, '请填写方案内容').max(2000),
  obligations: z
    .array(
      z.object({
        obligor: z.string().trim().min(1, '请填写履行义务人').max(100),
        description: z.string().trim().min(1, '请填写履行内容').max(500),
        amount: z.number().min(0).max(1e10).optional(),
        dueDate: IsoDate.optional(),
      }),
    )
    .max(20)
    .default([]),
});
export type Terms = z.infer<typeof Terms>;

/** What a client may send over the socket. */
export const ClientFrame = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('message'),
    channel: z.enum(['main', 'applicant', 'respondent']).default('main'),
    text: z.string().trim().min(1, '消息不能为空').max(4000),
    clientId: z.string().max(64).optional(),
  }),
  z.object({ type: z.literal('propose'), terms: Terms, clientId: z.string().max(64).optional() }),
  z.object({
    type: z.literal('respond'),
    proposalId: z.string().min(1),
    decision: z.enum(['accept', 'reject']),
    clientId: z.string().max(64).optional(),
  }),
  z.object({ type: z.literal('ping') }),
]);
export type ClientFrame = z.infer<typeof ClientFrame>;

export function presentMessage(m: MessageRow) {
  return {
    seq: m.seq,
    channel: m.channel,
    kind: m.kind,
    author: { id: m.author_id, name: m.author_name, role: m.author_role },
    text: m.text,
    data: m.data ? (JSON.parse(m.data) as unknown) : null,
    clientId: m.client_id,
    at: m.created_at,
  };
}

export function presentProposal(p: ProposalRow) {
  return {
    id: p.id,
    seq: p.seq,
    terms: JSON.parse(p.terms) as Terms,
    status: p.status,
    statusLabel: ({ open: '待双方表态', accepted: '双方已接受', rejected: '未被接受' } as Record<string, string>)[p.status] ?? p.status,
    applicantDecision: p.applicant_decision,
    respondentDecision: p.respondent_decision,
    agreementId: p.agreement_id,
    createdAt: p.created_at,
    decidedAt: p.decided_at,
  };
}

interface NewMessage {
  channel: Channel;
  kind: 'text' | 'proposal' | 'proposal_response' | 'system';
  text: string;
  data?: unknown;
  clientId?: string;
}

/**
 * Appends one message to a room: the room row is bumped (`last_seq + 1`, a row lock on PostgreSQL) and the message
 * inserted in the same transaction, so sequence numbers are gap-free per room, unique, and commit in order
 * across processes. `extra` runs inside that transaction with the new seq, before the insert (proposal rows);
 * what it returns, if anything, becomes the message's data.
 */
export async function appendMessage(
  ctx: AppContext,
  sessionId: string,
  author: Member | null,
  msg: NewMessage,
  extra?: (trx: DbOrTrx, seq: number, regionId: string) => Promise<unknown>,
): Promise<MessageRow> {
  const at = isoNow(ctx.clock);
  try {
    return await insertMessage(ctx, sessionId, author, msg, at, extra);
  } catch (e) {
    // A resend after reconnecting (same author and clientId) hits the unique index: the first copy stands.
    if (author && msg.clientId && isUniqueViolation(e)) {
      const dup = await ctx.db
        .selectFrom('session_messages')
        .selectAll()
        .where('session_id', '=', sessionId)
        .where('author_id', '=', author.userId)
        .where('client_id', '=', msg.clientId)
        .executeTakeFirst();
      if (dup) return dup;
    }
    throw e;
  }
}

const isUniqueViolation = (e: unknown) => {
  const code = (e as { code?: string }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
};

function insertMessage(
  ctx: AppContext,
  sessionId: string,
  author: Member | null,
  msg: NewMessage,
  at: string,
  extra?: (trx: DbOrTrx, seq: number, regionId: string) => Promise<unknown>,
): Promise<MessageRow> {
  if (ctx.dbKind === 'postgres' && !extra) return insertMessagePg(ctx, sessionId, author, msg, at);
  return ctx.db.transaction().execute(async (trx) => {
    const room = await trx
      .updateTable('mediation_sessions')
      .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
      .where('id', '=', sessionId)
      .where('status', 'in', [...OPEN_STATUSES])
      .returning(['last_seq', 'region_id'])
      .executeTakeFirst();
    if (!room) throw new AppError(409, 'CONFLICT', '调解室已结束或已取消，不能再发送消息');
    const data = extra ? await extra(trx, room.last_seq, room.region_id) : undefined;
    const row: MessageRow = {
      id: newId(),
      session_id: sessionId,
      region_id: room.region_id,
      seq: room.last_seq,
      channel: msg.channel,
      kind: msg.kind,
      author_id: author?.userId ?? null,
      author_name: author?.name ?? '系统',
      author_role: author?.role ?? 'system',
      text: msg.text,
      data: data !== undefined ? JSON.stringify(data) : msg.data === undefined ? null : JSON.stringify(msg.data),
      client_id: msg.clientId ?? null,
      created_at: at,
    };
    await trx.insertInto('session_messages').values(row).execute();
    return row;
  });
}

/** Rows whose bus wake-up was already sent by the inserting statement itself. */
const notified = new WeakSet<MessageRow>();

/**
 * PostgreSQL hot path for plain messages: the seq bump, the insert and the NOTIFY in ONE statement (one round trip
 * instead of five). Same guarantees: the update's row lock orders writers of a room, the notification is delivered
 * at commit.
 */
async function insertMessagePg(
  ctx: AppContext,
  sessionId: string,
  author: Member | null,
  msg: NewMessage,
  at: string,
): Promise<MessageRow> {
  const id = newId();
  const data = msg.data === undefined ? null : JSON.stringify(msg.data);
  const r = await sql<{ seq: number; region_id: string }>`
    with r as (
      update mediation_sessions set last_seq = last_seq + 1
      where id = ${sessionId} and status in ('scheduled', 'in_progress')
      returning last_seq, region_id
    ), ins as (
      insert into session_messages (id, session_id, region_id, seq, channel, kind, author_id, author_name, author_role, text, data, client_id, created_at)
      select ${id}, ${sessionId}, r.region_id, r.last_seq, ${msg.channel}, ${msg.kind}, ${author?.userId ?? null}, ${author?.name ?? '系统'},
             ${author?.role ?? 'system'}, ${msg.text}, ${data}, ${msg.clientId ?? null}, ${at}
      from r
      returning seq, region_id
    )
    select ins.seq, ins.region_id, pg_notify('hexie_rooms', 'm:' || ${sessionId}::text || ':' || ins.seq) as n from ins`.execute(ctx.db);
  const got = r.rows[0];
  if (!got) throw new AppError(409, 'CONFLICT', '调解室已结束或已取消，不能再发送消息');
  const row: MessageRow = {
    id,
    session_id: sessionId,
    region_id: got.region_id,
    seq: Number(got.seq),
    channel: msg.channel,
    kind: msg.kind,
    author_id: author?.userId ?? null,
    author_name: author?.name ?? '系统',
    author_role: author?.role ?? 'system',
    text: msg.text,
    data,
    client_id: msg.clientId ?? null,
    created_at: at,
  };
  notified.add(row);
  return row;
}

/** Handles one client frame of a member; returns the new message (the caller publishes it). */
export async function handleFrame(
  ctx: AppContext,
  sessionId: string,
  me: Member,
  frame: Exclude<ClientFrame, { type: 'ping' }>,
): Promise<MessageRow> {
  if (frame.type === 'message') {
    if (!canWrite(me.role, frame.channel))
      throw new AppError(403, 'FORBIDDEN', me.role === 'observer' ? '旁听人员不能发言' : '不能在该频道发言');
    return appendMessage(ctx, sessionId, me, { channel: frame.channel, kind: 'text', text: frame.text, clientId: frame.clientId });
  }
  if (frame.type === 'propose') {
    if (me.role !== 'mediator') throw new AppError(403, 'FORBIDDEN', '只有调解员可以提出调解方案');
    const id = newId();
    return appendMessage(
      ctx,
      sessionId,
      me,
      {
        channel: 'main',
        kind: 'proposal',
        text: frame.terms.summary,
        clientId: frame.clientId,
        data: { proposalId: id, terms: frame.terms, status: 'open' },
      },
      async (trx, seq, regionId) => {
        await trx
          .insertInto('session_proposals')
          .values({
            id,
            session_id: sessionId,
            region_id: regionId,
            seq,
            terms: JSON.stringify(frame.terms),
            status: 'open',
            applicant_decision: null,
            applicant_by: null,
            respondent_decision: null,
            respondent_by: null,
            agreement_id: null,
            created_by: me.userId,
            created_at: isoNow(ctx.clock),
            decided_at: null,
          })
          .execute();
      },
    );
  }
  // respond: each side decides once; both accept → accepted, either rejects → rejected.
  if (me.role !== 'applicant' && me.role !== 'respondent') throw new AppError(403, 'FORBIDDEN', '只有双方当事人可以对调解方案表态');
  const side = me.role;
  const label = frame.decision === 'accept' ? '接受' : '不接受';
  return appendMessage(
    ctx,
    sessionId,
    me,
    { channel: 'main', kind: 'proposal_response', text: `${label}调解方案`, clientId: frame.clientId },
    async (trx) => {
      const p = await trx
        .selectFrom('session_proposals')
        .selectAll()
        .where('id', '=', frame.proposalId)
        .where('session_id', '=', sessionId)
        .executeTakeFirst();
      if (!p) throw notFound('调解方案');
      if (p.status !== 'open')
        throw new AppError(409, 'CONFLICT', `该方案已${p.status === 'accepted' ? '被双方接受' : '未被接受'}，不能再表态`);
      if (p[`${side}_decision`]) throw new AppError(409, 'CONFLICT', '您已对该方案表态');
      const next = { ...p, [`${side}_decision`]: frame.decision, [`${side}_by`]: me.userId } as ProposalRow;
      const status =
        next.applicant_decision === 'reject' || next.respondent_decision === 'reject'
          ? 'rejected'
          : next.applicant_decision === 'accept' && next.respondent_decision === 'accept'
            ? 'accepted'
            : 'open';
      const after: ProposalRow = { ...next, status, decided_at: status === 'open' ? null : isoNow(ctx.clock) };
      await trx
        .updateTable('session_proposals')
        .set({ [`${side}_decision`]: frame.decision, [`${side}_by`]: me.userId, status, decided_at: after.decided_at })
        .where('id', '=', p.id)
        .execute();
      // The response message carries the proposal's new state so every client updates the card from the stream.
      return { proposalId: p.id, decision: frame.decision, proposal: presentProposal(after) };
    },
  );
}

/** Messages of a room after `after`, limited to the channels the member may see. */
export async function messagesFor(db: DbOrTrx, sessionId: string, role: Member['role'], after: number, limit = 1000) {
  return db
    .selectFrom('session_messages')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('channel', 'in', visibleChannels(role))
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export async function publishRow(bus: RoomBus, row: MessageRow) {
  if (notified.has(row)) return;
  await bus.publish({ kind: 'm', roomId: row.session_id, seq: row.seq });
}
