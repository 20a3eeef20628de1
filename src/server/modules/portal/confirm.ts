import { createHash, randomInt } from 'node:crypto';
import { z } from 'zod';
import { agreementEffective, type Party } from '../../../domain/portal/plain-words';
import { maskPhone } from '../../../domain/identifiers/id-number';
import type { Actor, AppContext } from '../../context';
import { AppError, conflict, fieldError, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { hmac } from '../../lib/tokens';
import { insertAudit } from '../audit/repo';
import { findCase, appendEvent } from '../cases/repo';
import { generateDocument, previewDocument, readDocument } from '../cases/documents';
import { loadPartyCase } from './party';
import { notifyParties } from './inbox';

export const CODE_MINUTES = 5;
export const CODE_RESEND_SECONDS = 60;
export const CODE_MAX_ATTEMPTS = 5;
export const PARTY_LABELS: Record<Party, string> = { applicant: '申请人', respondent: '被申请人' };

export const ConfirmInput = z.object({ code: z.string().trim().regex(/^\d{6}$/, '验证码为6位数字') });

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * An agreement that needs the parties' confirmation gets its 调解协议书 generated right away; its SHA-256 is what
 * every confirmation must match (the text the party read is the text they confirm).
 */
export async function prepareConfirmation(ctx: AppContext, caseId: string, agreementId: string, actor?: Actor) {
  const c = await findCase(ctx.db, caseId);
  if (!c) return;
  const doc = await generateDocument(ctx, ctx.files, actor ?? { principal: null, ip: null }, c, { kind: 'mediation_agreement' });
  const { bytes } = await readDocument(ctx, ctx.files, caseId, doc.id);
  await ctx.db
    .updateTable('case_agreements')
    .set({ document_id: doc.id, document_sha256: sha256(bytes) })
    .where('id', '=', agreementId)
    .execute();
}

async function loadAgreement(ctx: AppContext, caseId: string, agreementId: string) {
  const a = await ctx.db.selectFrom('case_agreements').selectAll().where('id', '=', agreementId).where('case_id', '=', caseId).executeTakeFirst();
  if (!a) throw notFound('协议');
  return a;
}

async function confirmationsOf(ctx: AppContext, agreementId: string) {
  const rows = await ctx.db.selectFrom('agreement_confirmations').selectAll().where('agreement_id', '=', agreementId).orderBy('confirmed_at').execute();
  return rows.map((r) => ({
    party: r.party,
    partyLabel: PARTY_LABELS[r.party as Party] ?? r.party,
    userName: r.user_name,
    confirmedAt: r.confirmed_at,
    sha256: r.document_sha256,
  }));
}

/** What a party reads before confirming: the agreement, the document's text and its SHA-256, who has confirmed. */
export async function agreementForParty(ctx: AppContext, actor: Actor, caseId: string, agreementId: string) {
  const { c, party } = await loadPartyCase(ctx, actor, caseId);
  const a = await loadAgreement(ctx, c.id, agreementId);
  const obligations = await ctx.db.selectFrom('agreement_obligations').selectAll().where('agreement_id', '=', a.id).orderBy('sort').execute();
  const confirmations = await confirmationsOf(ctx, a.id);
  const preview = a.document_id ? await previewDocument((await readDocument(ctx, ctx.files, c.id, a.document_id)).bytes) : null;
  return {
    id: a.id,
    caseId: c.id,
    caseNo: c.case_no,
    kind: a.kind,
    kindLabel: a.kind === 'settlement' ? '和解协议' : '调解协议',
    signedOn: a.signed_on,
    totalAmount: a.total_amount,
    status: a.status,
    statusLabel: a.status === 'pending_confirmation' ? '待双方确认' : '已生效',
    requiresConfirmation: a.requires_confirmation === 1,
    effectiveAt: a.effective_at,
    documentId: a.document_id,
    documentSha256: a.document_sha256,
    obligations: obligations.map((o) => ({ obligor: o.obligor, description: o.description, amount: o.amount, dueDate: o.due_date })),
    text: preview?.text ?? null,
    html: preview?.html ?? null,
    party,
    partyLabel: PARTY_LABELS[party],
    confirmations,
    canConfirm: a.status === 'pending_confirmation' && !!a.document_id && !confirmations.some((x) => x.party === party),
  };
}

async function userPhone(ctx: AppContext, userId: string) {
  const u = await ctx.db.selectFrom('users').select('phone').where('id', '=', userId).executeTakeFirst();
  return u?.phone ?? null;
}

/** Sends the one-time code that confirms the agreement to the party's own phone. */
export async function requestConfirmCode(ctx: AppContext, actor: Actor, caseId: string, agreementId: string) {
  const p = actor.principal!;
  const view = await agreementForParty(ctx, actor, caseId, agreementId);
  if (!view.canConfirm) throw conflict(view.status === 'effective' ? '协议已生效，无需确认' : '您已确认过该协议，或协议文本尚未生成');
  if (ctx.config.env === 'production' && !ctx.sms.productionReady) throw new AppError(503, 'UNAVAILABLE', '短信服务未配置，暂不能发送验证码');
  const phone = await userPhone(ctx, p.id);
  if (!phone) throw conflict('您的账户没有登记手机号码，无法接收验证码');
  const now = ctx.clock.now();
  const recent = await ctx.db
    .selectFrom('agreement_confirm_codes')
    .select('id')
    .where('agreement_id', '=', agreementId)
    .where('user_id', '=', p.id)
    .where('created_at', '>', new Date(now.getTime() - CODE_RESEND_SECONDS * 1000).toISOString())
    .executeTakeFirst();
  if (recent) throw new AppError(429, 'RATE_LIMITED', `验证码发送过于频繁，请${CODE_RESEND_SECONDS}秒后再试`);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await ctx.db
    .insertInto('agreement_confirm_codes')
    .values({
      id: newId(),
      region_id: p.regionId,
      agreement_id: agreementId,
      user_id: p.id,
      phone,
      code_hash: hmac(ctx.config.sessionSecret, `${agreementId}:${p.id}:${code}`),
      attempts: 0,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + CODE_MINUTES * 60_000).toISOString(),
      consumed_at: null,
    })
    .execute();
  await ctx.sms.send(phone, `【和谐劳动关系服务平台】您正在确认案件${view.caseNo}的${view.kindLabel}，验证码${code}，${CODE_MINUTES}分钟内有效。`);
  return {
    phoneMasked: maskPhone(phone),
    expiresInSeconds: CODE_MINUTES * 60,
    retryAfterSeconds: CODE_RESEND_SECONDS,
    // The development log provider only writes to the server log; echo the code there so the flow can be tried.
    ...(ctx.sms.name === 'log' && ctx.config.env !== 'production' ? { devCode: code } : {}),
  };
}

/** Confirms with the code; records who, when and the document's SHA-256; both parties → the agreement is effective. */
export async function confirmAgreement(ctx: AppContext, actor: Actor, caseId: string, agreementId: string, code: string) {
  const p = actor.principal!;
  const view = await agreementForParty(ctx, actor, caseId, agreementId);
  if (!view.canConfirm) throw conflict(view.status === 'effective' ? '协议已生效，无需确认' : '您已确认过该协议');
  const now = ctx.clock.now();
  const row = await ctx.db
    .selectFrom('agreement_confirm_codes')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .where('user_id', '=', p.id)
    .where('consumed_at', 'is', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString() || row.attempts >= CODE_MAX_ATTEMPTS) throw fieldError('code', '验证码错误或已过期，请重新获取');
  if (row.code_hash !== hmac(ctx.config.sessionSecret, `${agreementId}:${p.id}:${code}`)) {
    await ctx.db.updateTable('agreement_confirm_codes').set({ attempts: row.attempts + 1 }).where('id', '=', row.id).execute();
    throw fieldError('code', '验证码错误或已过期，请重新获取');
  }
  const { c } = await loadPartyCase(ctx, actor, caseId);
  const { bytes } = await readDocument(ctx, ctx.files, c.id, view.documentId!);
  const hash = sha256(bytes);
  if (hash !== view.documentSha256) throw conflict('协议书文本已变更，请重新阅读后确认');
  const at = isoNow(ctx.clock);
  const parties = [...view.confirmations.map((x) => x.party), view.party];
  const effective = agreementEffective(parties);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('agreement_confirm_codes').set({ consumed_at: at }).where('id', '=', row.id).execute();
    await trx
      .insertInto('agreement_confirmations')
      .values({
        id: newId(),
        region_id: c.region_id,
        agreement_id: agreementId,
        case_id: c.id,
        party: view.party,
        user_id: p.id,
        user_name: p.displayName,
        document_sha256: hash,
        confirmed_at: at,
      })
      .execute();
    const event = { caseId: c.id, regionId: c.region_id, at, onDate: todayInChina(ctx.clock), actorId: p.id, actorName: p.displayName };
    await appendEvent(trx, { ...event, action: 'agreement_confirm', data: { agreementId, party: view.party, sha256: hash } });
    if (effective) {
      await trx.updateTable('case_agreements').set({ status: 'effective', effective_at: at }).where('id', '=', agreementId).execute();
      await appendEvent(trx, { ...event, action: 'agreement_effective', data: { agreementId } });
    }
    await insertAudit(trx, {
      at,
      actorId: p.id,
      actorName: p.displayName,
      action: 'case.agreement_confirm',
      entityType: 'dispute_case',
      entityId: c.id,
      regionId: c.region_id,
      summary: `${c.case_no}：${PARTY_LABELS[view.party]}在线确认${view.kindLabel}${effective ? '，协议生效' : ''}`,
      after: { agreementId, party: view.party, sha256: hash, effective },
      ip: actor.ip,
    });
  });
  if (effective) await finishEffective(ctx, c.id, agreementId);
  return agreementForParty(ctx, actor, caseId, agreementId);
}

/** The confirmed 调解协议书 carries the confirmations (who, when, hash); the parties are told it is in force. */
async function finishEffective(ctx: AppContext, caseId: string, agreementId: string) {
  const c = (await findCase(ctx.db, caseId))!;
  const confirmations = await confirmationsOf(ctx, agreementId);
  try {
    await generateDocument(
      ctx,
      ctx.files,
      { principal: null, ip: null },
      c,
      { kind: 'mediation_agreement' },
      {
        titleSuffix: '（双方已在线确认）',
        confirmations: confirmations.map((x) => ({ party: x.partyLabel, name: x.userName, at: x.confirmedAt, sha256: x.sha256 })),
      },
    );
  } catch (e) {
    ctx.log.error({ err: e, caseId }, 'confirmed agreement document failed');
  }
  await notifyParties(ctx, { caseId, caseNo: c.case_no, regionId: c.region_id, enterpriseId: c.enterprise_id, action: 'agreement_effective' });
}
