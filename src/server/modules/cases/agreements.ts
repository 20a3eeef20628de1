import { z } from 'zod';
import { IsoDate } from '../../../domain/calendar/iso-date';
import type { Actor, AppContext } from '../../context';
import type { DbOrTrx } from '../../db';
import { AppError, fieldError, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { insertAudit } from '../audit/repo';
import { appendEvent } from './repo';
import { runCaseChangedHooks } from './hooks';

const round2 = (n: number) => Math.round(n * 100) / 100;

export const AgreementCreate = z.object({
  kind: z.enum(['settlement', 'mediation']),
  signedOn: IsoDate,
  note: z.string().trim().max(2000).optional(),
  obligations: z
    .array(
      z.object({
        obligor: z.string().trim().min(1, '请填写履行义务人').max(100),
        description: z.string().trim().min(1, '请填写履行内容').max(500),
        amount: z.number().min(0).max(1e10).optional(),
        dueDate: IsoDate.optional(),
      }),
    )
    .min(1, '协议至少应有一项履行内容'),
  /** Worker portal: the agreement takes effect only when both parties confirm it with a one-time code. */
  requiresConfirmation: z.boolean().optional(),
});
export type AgreementCreate = z.infer<typeof AgreementCreate>;

export const PaymentInput = z.object({ amount: z.number().positive('金额须大于0').max(1e10), paidOn: IsoDate });
export type PaymentInput = z.infer<typeof PaymentInput>;

export const VisitInput = z.object({
  visitedOn: IsoDate,
  method: z.enum(['phone', 'visit', 'online']),
  result: z.enum(['fulfilled', 'partly', 'not_fulfilled']),
  note: z.string().trim().max(2000).optional(),
  agreementId: z.string().optional(),
});
export type VisitInput = z.infer<typeof VisitInput>;

export const PERFORMANCE_LABELS = { fulfilled: '已履行', partly: '部分履行', overdue: '逾期未履行', pending: '待履行' } as const;
export type Performance = keyof typeof PERFORMANCE_LABELS;

/** Performance of one obligation on a day: paid in full → fulfilled; past its due date unpaid → overdue. */
export function obligationPerformance(
  o: { amount: number | null; paid_amount: number; due_date: string | null; fulfilled_on: string | null },
  today: string,
): Performance {
  if (o.fulfilled_on || (o.amount !== null && o.amount > 0 && o.paid_amount >= o.amount)) return 'fulfilled';
  if (o.due_date && o.due_date < today) return 'overdue';
  if (o.paid_amount > 0) return 'partly';
  return 'pending';
}

/** An agreement's performance: overdue if any obligation is, fulfilled if all are, partly if some money arrived. */
export function agreementPerformance(list: Performance[]): Performance {
  if (list.includes('overdue')) return 'overdue';
  if (list.every((p) => p === 'fulfilled')) return 'fulfilled';
  if (list.some((p) => p === 'fulfilled' || p === 'partly')) return 'partly';
  return 'pending';
}

export async function loadAgreements(ctx: AppContext, caseId: string) {
  const today = todayInChina(ctx.clock);
  const agreements = await ctx.db.selectFrom('case_agreements').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute();
  const obligations = await ctx.db.selectFrom('agreement_obligations').selectAll().where('case_id', '=', caseId).orderBy('sort').execute();
  const visits = await ctx.db.selectFrom('performance_visits').selectAll().where('case_id', '=', caseId).orderBy('visited_on').execute();
  return agreements.map((a) => {
    const obs = obligations
      .filter((o) => o.agreement_id === a.id)
      .map((o) => {
        const performance = obligationPerformance(o, today);
        return {
          id: o.id,
          obligor: o.obligor,
          description: o.description,
          amount: o.amount,
          dueDate: o.due_date,
          paidAmount: o.paid_amount,
          fulfilledOn: o.fulfilled_on,
          remindedAt: o.reminded_at,
          performance,
          performanceLabel: PERFORMANCE_LABELS[performance],
        };
      });
    const performance = agreementPerformance(obs.map((o) => o.performance));
    return {
      id: a.id,
      kind: a.kind,
      kindLabel: a.kind === 'settlement' ? '和解协议' : '调解协议',
      signedOn: a.signed_on,
      totalAmount: a.total_amount,
      paidAmount: round2(obs.reduce((s, o) => s + o.paidAmount, 0)),
      note: a.note,
      status: a.status,
      statusLabel: a.status === 'pending_confirmation' ? '待双方确认' : '已生效',
      requiresConfirmation: a.requires_confirmation === 1,
      documentId: a.document_id,
      documentSha256: a.document_sha256,
      effectiveAt: a.effective_at,
      performance,
      performanceLabel: PERFORMANCE_LABELS[performance],
      obligations: obs,
      visits: visits
        .filter((v) => v.agreement_id === a.id || v.agreement_id === null)
        .map((v) => ({ id: v.id, visitedOn: v.visited_on, method: v.method, result: v.result, note: v.note })),
    };
  });
}

const AGREEMENT_STATUSES: Record<AgreementCreate['kind'], string[]> = {
  settlement: ['settled'],
  mediation: ['agreement_reached', 'arbitral_review', 'agreement_confirmed', 'arbitration_settled'],
};

async function refreshCaseAmounts(db: DbOrTrx, caseId: string, at: string) {
  const r = await db
    .selectFrom('agreement_obligations')
    .select((eb) => [eb.fn.sum<number>('amount').as('agreed'), eb.fn.sum<number>('paid_amount').as('paid')])
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  await db
    .updateTable('dispute_cases')
    .set((eb) => ({
      amount_agreed: round2(Number(r.agreed ?? 0)),
      amount_paid: round2(Number(r.paid ?? 0)),
      version: eb('version', '+', 1),
      updated_at: at,
    }))
    .where('id', '=', caseId)
    .execute();
}

type CaseLite = { id: string; region_id: string; status: string; case_no: string; enterprise_id?: string };

export async function createAgreement(ctx: AppContext, actor: Actor, c: CaseLite, input: AgreementCreate) {
  if (!AGREEMENT_STATUSES[input.kind].includes(c.status)) {
    throw new AppError(
      409,
      'INVALID_TRANSITION',
      input.kind === 'settlement' ? '案件达成和解后才能登记和解协议' : '案件达成调解协议后才能登记调解协议',
    );
  }
  const at = isoNow(ctx.clock);
  const id = newId();
  const total = round2(input.obligations.reduce((s, o) => s + (o.amount ?? 0), 0));
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('case_agreements')
      .values({
        id,
        case_id: c.id,
        region_id: c.region_id,
        kind: input.kind,
        signed_on: input.signedOn,
        total_amount: total,
        note: input.note ?? null,
        created_by: actor.principal?.id ?? null,
        created_at: at,
        status: input.requiresConfirmation ? 'pending_confirmation' : 'effective',
        requires_confirmation: input.requiresConfirmation ? 1 : 0,
        effective_at: input.requiresConfirmation ? null : at,
      })
      .execute();
    await trx
      .insertInto('agreement_obligations')
      .values(
        input.obligations.map((o, i) => ({
          id: newId(),
          agreement_id: id,
          case_id: c.id,
          region_id: c.region_id,
          sort: i,
          obligor: o.obligor,
          description: o.description,
          amount: o.amount === undefined ? null : round2(o.amount),
          due_date: o.dueDate ?? null,
          paid_amount: 0,
          fulfilled_on: null,
          reminded_at: null,
        })),
      )
      .execute();
    await refreshCaseAmounts(trx, c.id, at);
    await appendEvent(trx, {
      caseId: c.id,
      regionId: c.region_id,
      at,
      onDate: input.signedOn,
      actorId: actor.principal?.id ?? null,
      actorName: actor.principal?.displayName ?? null,
      action: 'agreement',
      data: { agreementId: id, kind: input.kind, total, ...(input.requiresConfirmation ? { requiresConfirmation: true } : {}) },
    });
    await insertAudit(trx, {
      at,
      actorId: actor.principal?.id ?? null,
      actorName: actor.principal?.displayName ?? null,
      action: 'case.agreement',
      entityType: 'dispute_case',
      entityId: c.id,
      regionId: c.region_id,
      summary: `${c.case_no}：登记${input.kind === 'settlement' ? '和解' : '调解'}协议，金额${total}元`,
      after: input,
      ip: actor.ip,
    });
  });
  await runCaseChangedHooks(ctx, {
    caseId: c.id,
    caseNo: c.case_no,
    regionId: c.region_id,
    enterpriseId: c.enterprise_id ?? '',
    action: 'agreement',
    agreementId: id,
    requiresConfirmation: !!input.requiresConfirmation,
    actor,
    actorId: actor.principal?.id ?? null,
    actorName: actor.principal?.displayName ?? null,
  });
  return id;
}

export async function recordPayment(ctx: AppContext, actor: Actor, c: CaseLite, obligationId: string, input: PaymentInput) {
  const o = await ctx.db
    .selectFrom('agreement_obligations')
    .selectAll()
    .where('id', '=', obligationId)
    .where('case_id', '=', c.id)
    .executeTakeFirst();
  if (!o) throw notFound('履行事项');
  const paid = round2(o.paid_amount + input.amount);
  if (o.amount !== null && paid > o.amount + 0.001) throw fieldError('amount', `累计履行金额不能超过约定金额${o.amount}元`);
  const at = isoNow(ctx.clock);
  const fulfilled = o.amount === null || paid >= o.amount;
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('agreement_obligations')
      .set({ paid_amount: paid, fulfilled_on: fulfilled ? input.paidOn : null })
      .where('id', '=', o.id)
      .execute();
    await refreshCaseAmounts(trx, c.id, at);
    await appendEvent(trx, {
      caseId: c.id,
      regionId: c.region_id,
      at,
      onDate: input.paidOn,
      actorId: actor.principal?.id ?? null,
      actorName: actor.principal?.displayName ?? null,
      action: 'payment',
      data: { obligationId: o.id, amount: input.amount, paidTotal: paid, fulfilled },
    });
    await insertAudit(trx, {
      at,
      actorId: actor.principal?.id ?? null,
      actorName: actor.principal?.displayName ?? null,
      action: 'case.payment',
      entityType: 'dispute_case',
      entityId: c.id,
      regionId: c.region_id,
      summary: `${c.case_no}：登记履行${input.amount}元`,
      after: input,
      ip: actor.ip,
    });
  });
}

export async function addVisit(ctx: AppContext, actor: Actor, c: CaseLite, input: VisitInput) {
  const at = isoNow(ctx.clock);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('performance_visits')
      .values({
        id,
        case_id: c.id,
        agreement_id: input.agreementId ?? null,
        region_id: c.region_id,
        visited_on: input.visitedOn,
        method: input.method,
        result: input.result,
        note: input.note ?? null,
        created_by: actor.principal?.id ?? null,
        created_at: at,
      })
      .execute();
    await appendEvent(trx, {
      caseId: c.id,
      regionId: c.region_id,
      at,
      onDate: input.visitedOn,
      actorId: actor.principal?.id ?? null,
      actorName: actor.principal?.displayName ?? null,
      action: 'visit',
      data: input,
    });
    await insertAudit(trx, {
      at,
      actorId: actor.principal?.id ?? null,
      actorName: actor.principal?.displayName ?? null,
      action: 'case.visit',
      entityType: 'dispute_case',
      entityId: c.id,
      regionId: c.region_id,
      summary: `${c.case_no}：履行回访`,
      after: input,
      ip: actor.ip,
    });
  });
  return id;
}

/** Reminds the obligor of obligations that are due within 3 days or overdue: an SMS to the enterprise contact and a timeline row. */
export async function remindObligations(ctx: AppContext, actor: Actor, c: CaseLite & { enterprise_id: string }) {
  const today = todayInChina(ctx.clock);
  const soon = new Date(Date.parse(`${today}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
  const due = await ctx.db
    .selectFrom('agreement_obligations')
    .selectAll()
    .where('case_id', '=', c.id)
    .where('fulfilled_on', 'is', null)
    .where('due_date', '<=', soon)
    .execute();
  if (due.length === 0) throw new AppError(409, 'CONFLICT', '没有即将到期或逾期未履行的事项，无需提醒');
  const ent = await ctx.db.selectFrom('enterprises').select(['contact_phone', 'name']).where('id', '=', c.enterprise_id).executeTakeFirst();
  const at = isoNow(ctx.clock);
  const text = `【和谐】${ent?.name ?? ''}：案件${c.case_no}的协议履行事项${due.length}项${due.some((o) => o.due_date! < today) ? '已逾期' : '即将到期'}，请按协议及时履行。`;
  if (ent?.contact_phone)
    await ctx.sms.send(ent.contact_phone, text).catch((e: unknown) => ctx.log.warn({ err: e }, 'reminder SMS failed'));
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('agreement_obligations')
      .set({ reminded_at: at })
      .where(
        'id',
        'in',
        due.map((o) => o.id),
      )
      .execute();
    await appendEvent(trx, {
      caseId: c.id,
      regionId: c.region_id,
      at,
      onDate: today,
      actorId: actor.principal?.id ?? null,
      actorName: actor.principal?.displayName ?? null,
      action: 'remind',
      data: { obligations: due.map((o) => o.id), sms: !!ent?.contact_phone },
    });
    await insertAudit(trx, {
      at,
      actorId: actor.principal?.id ?? null,
      actorName: actor.principal?.displayName ?? null,
      action: 'case.remind',
      entityType: 'dispute_case',
      entityId: c.id,
      regionId: c.region_id,
      summary: `${c.case_no}：履行提醒${due.length}项`,
      ip: actor.ip,
    });
  });
  return { reminded: due.length, text };
}
