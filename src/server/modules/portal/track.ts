import { z } from 'zod';
import { mayRate, nextStep, plainEvent, type Party } from '../../../domain/portal/plain-words';
import type { Actor, AppContext } from '../../context';
import { conflict } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import type { PageQuery } from '../../lib/pagination';
import { insertAudit } from '../audit/repo';
import { appendEvent } from '../cases/repo';
import { getCase, listCases } from '../cases/service';
import { loadPartyCase } from './party';
import { notifyParties } from './inbox';
import { PARTY_LABELS } from './confirm';

export async function myCases(ctx: AppContext, actor: Actor, q: PageQuery) {
  return listCases(ctx, actor, { ...q, sort: 'received' });
}

/** The case as a party sees it: number, plain-words timeline, what is due next, agreements to confirm, rating. */
export async function partyCaseView(ctx: AppContext, actor: Actor, id: string) {
  const { c, party } = await loadPartyCase(ctx, actor, id);
  const full = await getCase(ctx, actor, id);
  const [confirmations, ratings] = await Promise.all([
    ctx.db.selectFrom('agreement_confirmations').selectAll().where('case_id', '=', id).execute(),
    ctx.db.selectFrom('case_ratings').selectAll().where('case_id', '=', id).execute(),
  ]);
  const mine = ratings.find((r) => r.party === party);
  const due = c.next_due ? { kind: c.next_due_kind ?? '', date: c.next_due } : null;
  return {
    id: full.id,
    caseNo: full.caseNo,
    status: full.status,
    statusLabel: full.statusLabel,
    party,
    partyLabel: PARTY_LABELS[party],
    receivedDate: full.receivedDate,
    organizationName: full.organizationName,
    respondentName: full.respondentName,
    applicants: full.applicants.map((a) => ({ name: a.name, idNumberMasked: a.idNumberMasked })),
    claims: full.claims,
    facts: full.facts,
    amountClaimed: full.amountClaimed,
    closedOn: full.closedOn,
    nextDue: full.nextDue,
    nextDueLabel: full.nextDueLabel,
    nextStep: nextStep(c.status, party, due),
    timeline: full.timeline
      .map((e) => ({ at: e.at, on: e.on, action: e.action, text: plainEvent(e.action, party) ?? e.actionLabel, reason: e.reason }))
      .reverse(),
    agreements: full.agreements.map((a) => ({
      id: a.id,
      kindLabel: a.kindLabel,
      signedOn: a.signedOn,
      totalAmount: a.totalAmount,
      status: a.status,
      statusLabel: a.statusLabel,
      requiresConfirmation: a.requiresConfirmation,
      effectiveAt: a.effectiveAt,
      confirmedByMe: confirmations.some((x) => x.agreement_id === a.id && x.party === party),
      confirmations: confirmations.filter((x) => x.agreement_id === a.id).map((x) => ({ party: x.party, partyLabel: PARTY_LABELS[x.party as Party], confirmedAt: x.confirmed_at })),
    })),
    attachments: full.attachments,
    documents: full.documents,
    rating: mine ? { score: mine.score, comment: mine.comment, createdAt: mine.created_at } : null,
    abilities: {
      respond: party === 'respondent' && ['registered', 'negotiating', 'mediating'].includes(c.status),
      upload: !c.closed_on,
      rate: mayRate({ closedOn: c.closed_on }, !!mine),
    },
  };
}

export const ResponseInput = z
  .object({
    kind: z.enum(['accept_negotiation', 'propose_terms', 'decline']),
    amount: z.number().min(0, '金额不能为负').max(1e10).optional(),
    terms: z.string().trim().max(2000).optional(),
    note: z.string().trim().max(1000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'propose_terms' && !v.terms) ctx.addIssue({ code: 'custom', path: ['terms'], message: '请写明提出的方案' });
  });
export type ResponseInput = z.infer<typeof ResponseInput>;

export const RESPONSE_LABELS = { accept_negotiation: '同意协商', propose_terms: '提出方案', decline: '不同意调解' } as const;

/** The respondent enterprise answers an application; the answer is on the timeline and in the worker's inbox. */
export async function respondToCase(ctx: AppContext, actor: Actor, id: string, input: ResponseInput) {
  const { c, party } = await loadPartyCase(ctx, actor, id);
  const p = actor.principal!;
  if (party !== 'respondent') throw conflict('只有被申请的用人单位可以答复申请');
  if (!['registered', 'negotiating', 'mediating'].includes(c.status)) throw conflict('案件当前状态不能答复', { allowedStatuses: ['registered', 'negotiating', 'mediating'] });
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await appendEvent(trx, {
      caseId: c.id,
      regionId: c.region_id,
      at,
      onDate: todayInChina(ctx.clock),
      actorId: p.id,
      actorName: p.displayName,
      action: 'party_response',
      reason: input.note ?? null,
      data: input,
    });
    await insertAudit(trx, {
      at,
      actorId: p.id,
      actorName: p.displayName,
      action: 'case.party_response',
      entityType: 'dispute_case',
      entityId: c.id,
      regionId: c.region_id,
      summary: `${c.case_no}：用人单位答复（${RESPONSE_LABELS[input.kind]}）`,
      after: input,
      ip: actor.ip,
    });
  });
  const words = `用人单位答复：${RESPONSE_LABELS[input.kind]}${input.terms ? `，方案：${input.terms}` : ''}${input.amount !== undefined ? `，金额${input.amount}元` : ''}`;
  await notifyParties(ctx, {
    caseId: c.id,
    caseNo: c.case_no,
    regionId: c.region_id,
    enterpriseId: c.enterprise_id,
    action: 'party_response',
    text: { applicant: words },
  });
  return partyCaseView(ctx, actor, id);
}

export const RatingInput = z.object({
  score: z.number().int('请选择1到5分').min(1, '请选择1到5分').max(5, '请选择1到5分'),
  comment: z.string().trim().max(500, '评价不超过500字').optional(),
});
export type RatingInput = z.infer<typeof RatingInput>;

/** 满意度 after closing, once per party; the ratings feed the case statistics. */
export async function rateCase(ctx: AppContext, actor: Actor, id: string, input: RatingInput) {
  const { c, party } = await loadPartyCase(ctx, actor, id);
  const p = actor.principal!;
  const existing = await ctx.db.selectFrom('case_ratings').select('id').where('case_id', '=', id).where('party', '=', party).executeTakeFirst();
  if (!c.closed_on) throw conflict('案件办结后才能评价');
  if (!mayRate({ closedOn: c.closed_on }, !!existing)) throw conflict('您已评价过本案');
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('case_ratings')
      .values({
        id: newId(),
        region_id: c.region_id,
        case_id: c.id,
        org_id: c.org_id,
        party,
        user_id: p.id,
        score: input.score,
        comment: input.comment ?? null,
        created_at: at,
      })
      .execute();
    await appendEvent(trx, {
      caseId: c.id,
      regionId: c.region_id,
      at,
      onDate: todayInChina(ctx.clock),
      actorId: p.id,
      actorName: p.displayName,
      action: 'rating',
      data: { party, score: input.score },
    });
    await insertAudit(trx, {
      at,
      actorId: p.id,
      actorName: p.displayName,
      action: 'case.rating',
      entityType: 'dispute_case',
      entityId: c.id,
      regionId: c.region_id,
      summary: `${c.case_no}：${PARTY_LABELS[party]}评价${input.score}分`,
      after: input,
      ip: actor.ip,
    });
  });
  return partyCaseView(ctx, actor, id);
}
