import { plainEvent, type Party } from '../../../domain/portal/plain-words';
import type { Actor, AppContext } from '../../context';
import { notFound } from '../../errors';
import { isoNow } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import { onCaseCreated, registerOnCaseChanged, type CaseChangedEvent, type CaseCreatedHook } from '../cases/hooks';
import { partyUsers } from './party';
import { prepareConfirmation } from './confirm';

/** Changes worth a text message, not only an inbox entry. */
const SMS_ACTIONS = new Set([
  'accept_mediation',
  'decline',
  'reach_settlement',
  'reach_agreement',
  'terminate_mediation',
  'transfer_to_arbitration',
  'close',
  'agreement_pending',
  'agreement_effective',
  'session_scheduled',
  'session_cancelled',
]);

/** Sends a case's news to every party user: an inbox row each, and an SMS for the key changes. */
export async function notifyParties(
  ctx: AppContext,
  e: { caseId: string; caseNo: string; regionId: string; enterpriseId: string; action: string; text?: Partial<Record<Party, string>> },
) {
  const users = await partyUsers(ctx, e.caseId, e.enterpriseId);
  const at = isoNow(ctx.clock);
  const sms = SMS_ACTIONS.has(e.action);
  const rows = (['applicant', 'respondent'] as const).flatMap((party) => {
    const body = e.text?.[party] ?? plainEvent(e.action, party);
    if (!body) return [];
    return users[party].map((u) => ({ u, party, body }));
  });
  if (!rows.length) return;
  await ctx.db
    .insertInto('portal_messages')
    .values(
      rows.map((r) => ({
        id: newId(),
        region_id: e.regionId,
        user_id: r.u.id,
        case_id: e.caseId,
        kind: e.action,
        title: `案件${e.caseNo}`,
        body: r.body,
        sms: sms && r.u.phone ? 1 : 0,
        created_at: at,
        read_at: null,
      })),
    )
    .execute();
  if (!sms) return;
  for (const r of rows) {
    if (!r.u.phone) continue;
    await ctx.sms
      .send(r.u.phone, `【和谐劳动关系服务平台】案件${e.caseNo}：${r.body}。请登录平台查看。`)
      .catch((err: unknown) => ctx.log.warn({ err }, 'case notice SMS failed'));
  }
}

export const portalCaseCreatedHook: CaseCreatedHook = async (ctx, e) => {
  await notifyParties(ctx, { ...e, action: 'create' });
};

export async function portalCaseChangedHook(ctx: AppContext, e: CaseChangedEvent) {
  if (e.action === 'agreement') {
    if (!e.requiresConfirmation || !e.agreementId) return;
    await prepareConfirmation(ctx, e.caseId, e.agreementId, e.actor);
    await notifyParties(ctx, {
      ...e,
      action: 'agreement_pending',
      text: { applicant: '调解组织拟定了协议，请阅读并用验证码确认', respondent: '调解组织拟定了协议，请阅读并用验证码确认' },
    });
    return;
  }
  await notifyParties(ctx, e.message ? { ...e, text: { applicant: e.message, respondent: e.message } } : e);
}

/** Idempotent: buildApp may run many times in one process (tests). */
export function registerPortalHooks(): void {
  if (!onCaseCreated.includes(portalCaseCreatedHook)) onCaseCreated.push(portalCaseCreatedHook);
  registerOnCaseChanged(portalCaseChangedHook);
}

export async function listInbox(ctx: AppContext, actor: Actor, q: PageQuery & { unread?: '1' }) {
  const p = actor.principal!;
  let query = ctx.db.selectFrom('portal_messages').where('user_id', '=', p.id);
  if (q.unread === '1') query = query.where('read_at', 'is', null);
  const [items, total, unread] = await Promise.all([
    query.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.pageSize).offset(pageOffset(q)).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('portal_messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', p.id)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    items: items.map((m) => ({
      id: m.id,
      caseId: m.case_id,
      kind: m.kind,
      title: m.title,
      body: m.body,
      sms: m.sms === 1,
      createdAt: m.created_at,
      readAt: m.read_at,
    })),
    total: Number(total.n),
    unread: Number(unread.n),
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function markRead(ctx: AppContext, actor: Actor, id: string | 'all') {
  const p = actor.principal!;
  let q = ctx.db.updateTable('portal_messages').set({ read_at: isoNow(ctx.clock) }).where('user_id', '=', p.id).where('read_at', 'is', null);
  if (id !== 'all') {
    const m = await ctx.db.selectFrom('portal_messages').select('id').where('id', '=', id).where('user_id', '=', p.id).executeTakeFirst();
    if (!m) throw notFound('消息');
    q = q.where('id', '=', id);
  }
  const r = await q.executeTakeFirst();
  return { updated: Number(r.numUpdatedRows) };
}
