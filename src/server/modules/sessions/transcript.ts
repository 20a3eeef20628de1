import { z } from 'zod';
import { IsoDate } from '../../../domain/calendar/iso-date';
import type { Actor, AppContext } from '../../context';
import { AppError, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { insertAudit } from '../audit/repo';
import { actOnCase } from '../cases/actions';
import { createAgreement, type AgreementCreate } from '../cases/agreements';
import { generateDocument } from '../cases/documents';
import { appendEvent, findCase } from '../cases/repo';
import { ROLE_LABELS, type RoomRole } from './membership';
import { appendMessage, OPEN_STATUSES, type MessageRow, type Terms } from './room';
import { loadSessionFor } from './service';

const CHINA_OFFSET_MS = 8 * 3_600_000;
const chinaTime = (iso: string) => new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(11, 16);

/**
 * Closes a room and files its transcript: the main-room messages, proposals and the parties' answers become the
 * statements of a 调解笔录 (.docx) in the case's documents — the draft mediation record the mediator completes.
 * Side-room (背对背) messages are not written into it: the record is shown to both parties.
 */
export async function closeSession(ctx: AppContext, actor: Actor, id: string, onClosed: (row: MessageRow) => Promise<void>) {
  const { s, c, member } = await loadSessionFor(ctx, actor, id);
  if (member.role !== 'mediator') throw new AppError(403, 'FORBIDDEN', '只有本案调解员可以结束调解');
  if (!(OPEN_STATUSES as readonly string[]).includes(s.status))
    throw new AppError(409, 'INVALID_TRANSITION', '只能结束待开始或进行中的调解');
  const closing = await appendMessage(ctx, id, null, {
    channel: 'main',
    kind: 'system',
    text: `${member.name} 结束了本次在线调解`,
    data: { closed: true },
  });
  const now = isoNow(ctx.clock);
  const r = await ctx.db
    .updateTable('mediation_sessions')
    .set({ status: 'closed', closed_at: now })
    .where('id', '=', id)
    .where('status', 'in', [...OPEN_STATUSES])
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new AppError(409, 'CONFLICT', '调解状态已变化，请刷新');
  await onClosed(closing).catch(() => undefined);

  const rows = await ctx.db
    .selectFrom('session_messages')
    .selectAll()
    .where('session_id', '=', id)
    .where('channel', '=', 'main')
    .orderBy('seq')
    .execute();
  const attendees = [
    ...new Map(
      rows.filter((m) => m.author_id).map((m) => [m.author_id, `${ROLE_LABELS[m.author_role as RoomRole] ?? ''} ${m.author_name}`]),
    ).values(),
  ];
  const statements = rows
    .filter((m) => m.kind !== 'system')
    .map((m) => {
      const speaker = `${ROLE_LABELS[m.author_role as RoomRole] ?? m.author_role}${m.author_name}`.slice(0, 50);
      const time = chinaTime(m.created_at);
      if (m.kind === 'proposal') {
        const terms = (JSON.parse(m.data ?? '{}') as { terms?: Terms }).terms;
        const obs = (terms?.obligations ?? []).map(
          (o, i) =>
            `${i + 1}. ${o.obligor}${o.description}${o.amount !== undefined ? `（${o.amount}元）` : ''}${o.dueDate ? `，${o.dueDate}前` : ''}`,
        );
        return { speaker, text: `[${time}] 提出调解方案：${[m.text, ...obs].join('；')}`.slice(0, 5000) };
      }
      return { speaker, text: `[${time}] ${m.text}`.slice(0, 5000) };
    });
  const caseRow = (await findCase(ctx.db, c.id))!;
  let documentId: string | null = null;
  try {
    const doc = await generateDocument(ctx, ctx.files, actor, caseRow, {
      kind: 'mediation_record',
      session: {
        date: todayInChina(ctx.clock),
        place: '和谐平台在线调解室',
        time: `${chinaTime(s.started_at ?? s.scheduled_at)}—${chinaTime(now)}`,
        attendees,
        statements,
      },
    });
    documentId = doc.id;
  } catch (err) {
    ctx.log.error({ err, sessionId: id }, 'transcript document failed');
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('mediation_sessions').set({ transcript_document_id: documentId }).where('id', '=', id).execute();
    await appendEvent(trx, {
      caseId: c.id,
      regionId: c.region_id,
      at: now,
      onDate: todayInChina(ctx.clock),
      actorId: member.userId,
      actorName: member.name,
      action: 'session_closed',
      reason: `在线调解结束，共${rows.length}条记录${documentId ? '，已生成调解笔录草稿' : ''}`,
      data: { sessionId: id, documentId, messages: rows.length },
    });
    await insertAudit(trx, {
      at: now,
      actorId: member.userId,
      actorName: member.name,
      action: 'session.close',
      entityType: 'mediation_session',
      entityId: id,
      regionId: c.region_id,
      summary: `${c.case_no}：结束在线调解`,
      ip: actor.ip,
    });
  });
  return { id, status: 'closed', transcriptDocumentId: documentId, messages: rows.length };
}

export const ToAgreement = z.object({ signedOn: IsoDate.optional() });

/**
 * Turns a proposal both sides accepted into the case's mediation agreement (the cases module's agreement service);
 * a case still 调解中 first takes the 达成调解协议 step of its state machine.
 */
export async function proposalToAgreement(
  ctx: AppContext,
  actor: Actor,
  sessionId: string,
  proposalId: string,
  input: z.infer<typeof ToAgreement>,
) {
  const { c, member } = await loadSessionFor(ctx, actor, sessionId);
  if (member.role !== 'mediator') throw new AppError(403, 'FORBIDDEN', '只有本案调解员可以登记调解协议');
  const p = await ctx.db
    .selectFrom('session_proposals')
    .selectAll()
    .where('id', '=', proposalId)
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
  if (!p) throw notFound('调解方案');
  if (p.status !== 'accepted') throw new AppError(409, 'CONFLICT', '只有双方都接受的方案才能形成调解协议');
  if (p.agreement_id) throw new AppError(409, 'CONFLICT', '该方案已形成调解协议', undefined, { agreementId: p.agreement_id });
  const terms = JSON.parse(p.terms) as Terms;
  if (terms.obligations.length === 0) throw new AppError(409, 'CONFLICT', '方案没有履行内容，不能直接形成协议，请在案件页登记协议');
  let current = c;
  if (current.status === 'mediating') {
    await actOnCase(ctx, actor, c.id, { action: 'reach_agreement', version: c.version, reason: '在线调解方案经双方接受' });
    current = (await findCase(ctx.db, c.id))!;
  }
  // requiresConfirmation: the parties confirm the agreement online (honoured once the agreement service knows it).
  const agreement: AgreementCreate & { requiresConfirmation?: boolean } = {
    kind: 'mediation',
    signedOn: input.signedOn ?? todayInChina(ctx.clock),
    note: `在线调解方案：${terms.summary}`.slice(0, 2000),
    obligations: terms.obligations,
    requiresConfirmation: true,
  };
  const agreementId = await createAgreement(ctx, actor, current, agreement);
  await ctx.db.updateTable('session_proposals').set({ agreement_id: agreementId }).where('id', '=', p.id).execute();
  return { proposalId: p.id, agreementId, caseId: c.id };
}
